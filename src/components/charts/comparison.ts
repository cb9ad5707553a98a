/** Draws the province comparison (grouped horizontal bars) from /data/comparison.json. */
import { select } from 'd3-selection';
import { scaleBand, scaleLinear } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import type { ComparisonRow } from '../../lib/views';

const SERIES = [
  { key: 'partners', label: 'Địa phương đối tác' },
  { key: 'countries', label: 'Quốc gia nhắc đến' },
  { key: 'organizations', label: 'Tổ chức nước ngoài' },
] as const;

export async function drawComparison(host: HTMLElement): Promise<void> {
  const base = host.dataset.base ?? '/';
  const rows = (await (await fetch(`${base}data/comparison.json`)).json()) as ComparisonRow[];
  const margin = { top: 10, right: 20, bottom: 30, left: 110 };
  const width = 640;
  const height = margin.top + margin.bottom + rows.length * 54;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.flatMap((r) => SERIES.map((s) => r[s.key])))])
    .nice()
    .range([margin.left, width - margin.right]);
  const y = scaleBand<string>().domain(rows.map((r) => r.name)).range([margin.top, height - margin.bottom]).padding(0.2);
  const inner = scaleBand<string>().domain(SERIES.map((s) => s.key)).range([0, y.bandwidth()]).padding(0.1);
  host.replaceChildren();
  const svg = select(host).append('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('role', 'img').attr('aria-label', 'So sánh các tỉnh: số đối tác, quốc gia và tổ chức');
  svg
    .append('g')
    .selectAll('g')
    .data(rows)
    .join('g')
    .attr('transform', (r) => `translate(0,${y(r.name) ?? 0})`)
    .selectAll('rect')
    .data((r) => SERIES.map((s) => ({ s, value: r[s.key] })))
    .join('rect')
    .attr('class', (d) => `bar bar-${d.s.key}`)
    .attr('x', x(0))
    .attr('y', (d) => inner(d.s.key) ?? 0)
    .attr('height', inner.bandwidth())
    .attr('width', (d) => x(d.value) - x(0))
    .append('title')
    .text((d) => `${d.s.label}: ${d.value}`);
  svg.append('g').attr('transform', `translate(0,${height - margin.bottom})`).call(axisBottom(x).ticks(5));
  svg.append('g').attr('transform', `translate(${margin.left},0)`).call(axisLeft(y));
}

export const comparisonSeries = SERIES;
