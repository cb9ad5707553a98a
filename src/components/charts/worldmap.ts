/** Draws the world map from /data/map.json (paths projected at build time). */
import { select } from 'd3-selection';
import type { MapData } from '../../lib/views';

export async function drawMap(host: HTMLElement): Promise<void> {
  const base = host.dataset.base ?? '/';
  const data = (await (await fetch(`${base}data/map.json`)).json()) as MapData;
  const max = Math.max(1, ...data.countries.map((c) => c.provinces));
  // Four shades as CSS classes (no inline styles, so the page's CSP needs no exception).
  const level = (n: number) => Math.min(4, Math.max(1, Math.ceil((4 * n) / max)));
  host.replaceChildren();
  const svg = select(host)
    .append('svg')
    .attr('viewBox', `0 0 ${data.width} ${data.height}`)
    .attr('role', 'group')
    .attr('aria-label', 'Bản đồ các quốc gia có đối tác; màu đậm hơn là nhiều tỉnh hơn');
  svg.append('path').attr('class', 'sphere').attr('d', data.sphere);
  const country = svg
    .append('g')
    .selectAll('path')
    .data(data.countries)
    .join('path')
    .attr('d', (c) => c.d)
    .attr('class', (c) => (c.provinces ? `country engaged l${level(c.provinces)}` : 'country'));
  country.append('title').text((c) => (c.provinces ? `${c.name}: ${c.provinces} tỉnh` : c.name));
}
