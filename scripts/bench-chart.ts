/**
 * The bench's scaling chart (bench/scaling.svg): build time and peak memory against the number of
 * reports, for the atlas and for the bare Astro + Pagefind baseline, drawn with d3's scales and
 * line generators into a standalone SVG string (no DOM needed). Used by scripts/bench.ts.
 */
import { extent, line, max, scaleLinear } from 'd3';

export interface ChartPoint {
  reports: number;
  value: number;
}

export interface ChartSeries {
  label: string;
  color: string;
  dashed?: boolean;
  points: ChartPoint[];
}

export interface ChartPanel {
  title: string;
  unit: string;
  series: ChartSeries[];
  /** Horizontal reference lines (targets). */
  rules?: Array<{ value: number; label: string }>;
}

const W = 460;
const H = 300;
const M = { top: 36, right: 16, bottom: 44, left: 56 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const fmt = (n: number) => (Math.abs(n) >= 1000 ? n.toLocaleString('en') : String(Math.round(n * 100) / 100));

function panel(p: ChartPanel, dx: number): string {
  const all = p.series.flatMap((s) => s.points);
  const [x0 = 0, x1 = 1] = extent(all, (d) => d.reports);
  const yMax = Math.max(max(all, (d) => d.value) ?? 1, ...(p.rules ?? []).map((r) => r.value)) * 1.08;
  const x = scaleLinear().domain([Math.min(0, x0), x1]).range([M.left, W - M.right]).nice();
  const y = scaleLinear().domain([0, yMax]).range([H - M.bottom, M.top]).nice();
  const path = line<ChartPoint>()
    .x((d) => x(d.reports))
    .y((d) => y(d.value));
  const out: string[] = [`<g transform="translate(${dx},0)">`];
  out.push(`<text x="${M.left}" y="20" font-weight="bold">${esc(p.title)}</text>`);
  for (const t of y.ticks(6)) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/>`);
    out.push(`<text x="${M.left - 6}" y="${y(t) + 4}" text-anchor="end">${fmt(t)}</text>`);
  }
  for (const t of x.ticks(5)) {
    out.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${H - M.bottom}" y2="${H - M.bottom + 4}" stroke="#333"/>`);
    out.push(`<text x="${x(t)}" y="${H - M.bottom + 16}" text-anchor="middle">${fmt(t)}</text>`);
  }
  out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#333"/>`);
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 8}" text-anchor="middle">reports</text>`);
  out.push(`<text transform="translate(14,${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(p.unit)}</text>`);
  for (const r of p.rules ?? []) {
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y(r.value)}" y2="${y(r.value)}" stroke="#c00" stroke-dasharray="2 3"/>`);
    out.push(`<text x="${W - M.right}" y="${y(r.value) - 4}" text-anchor="end" fill="#c00">${esc(r.label)}</text>`);
  }
  for (const s of p.series) {
    const pts = [...s.points].sort((a, b) => a.reports - b.reports);
    if (!pts.length) continue;
    out.push(`<path d="${path(pts) ?? ''}" fill="none" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    for (const d of pts) out.push(`<circle cx="${x(d.reports)}" cy="${y(d.value)}" r="3" fill="${s.color}"><title>${esc(`${s.label}: ${fmt(d.value)} ${p.unit} at ${fmt(d.reports)} reports`)}</title></circle>`);
  }
  out.push('</g>');
  return out.join('\n');
}

/** Panels side by side, with one legend (series matched by label across panels). */
export function scalingChart(title: string, panels: ChartPanel[]): string {
  const legend = [...new Map(panels.flatMap((p) => p.series).map((s) => [s.label, s])).values()];
  const width = W * panels.length;
  const height = H + 22 * legend.length + 40;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    ...panels.map((p, i) => panel(p, i * W)),
  ];
  legend.forEach((s, i) => {
    const ly = H + 20 + i * 22;
    out.push(`<line x1="${M.left}" x2="${M.left + 28}" y1="${ly}" y2="${ly}" stroke="${s.color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
    out.push(`<text x="${M.left + 36}" y="${ly + 4}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
