/** Draws the province–partner network from /data/network.json (layout computed at build time). */
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import type { GraphData } from '../../lib/views';

export async function drawNetwork(host: HTMLElement): Promise<void> {
  const base = host.dataset.base ?? '/';
  const data = (await (await fetch(`${base}data/network.json`)).json()) as GraphData;
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  host.replaceChildren();
  const svg = select(host)
    .append('svg')
    .attr('viewBox', `0 0 ${data.width} ${data.height}`)
    .attr('role', 'group')
    .attr('aria-label', 'Mạng lưới tỉnh và địa phương đối tác; mỗi nút là một liên kết');
  const layer = svg.append('g');
  layer
    .append('g')
    .attr('class', 'links')
    .selectAll('line')
    .data(data.links)
    .join('line')
    .attr('x1', (l) => byId.get(l.source)?.x ?? 0)
    .attr('y1', (l) => byId.get(l.source)?.y ?? 0)
    .attr('x2', (l) => byId.get(l.target)?.x ?? 0)
    .attr('y2', (l) => byId.get(l.target)?.y ?? 0);
  const node = layer
    .append('g')
    .selectAll('a')
    .data(data.nodes)
    .join('a')
    .attr('href', (n) => base + n.to)
    .attr('class', (n) => `node node-${n.kind}`)
    .attr('aria-label', (n) => `${n.kind === 'province' ? 'Tỉnh' : 'Đối tác'}: ${n.label}`);
  node
    .append('circle')
    .attr('cx', (n) => n.x)
    .attr('cy', (n) => n.y)
    .attr('r', (n) => n.r);
  node
    .append('text')
    .attr('x', (n) => n.x + n.r + 3)
    .attr('y', (n) => n.y + 4)
    .text((n) => n.label);
  const behaviour = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.5, 4])
    .on('zoom', (event: { transform: { toString(): string } }) => layer.attr('transform', event.transform.toString()));
  svg.call(behaviour).call(behaviour.transform, zoomIdentity);
}
