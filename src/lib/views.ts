/**
 * Data for the home page's d3 views, computed at build time: the client only draws it.
 * Layout (d3-force) and map paths (d3-geo) run here, once, deterministically.
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import { geoArea, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Polygon, MultiPolygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'i18n-iso-countries';
import type { PartnerEntry, ProvinceEntry } from '../schemas/site.ts';

export interface GraphNode {
  id: string;
  label: string;
  kind: 'province' | 'partner';
  /** Site-relative path of the node's page. */
  to: string;
  x: number;
  y: number;
  r: number;
  country?: string;
}
export interface GraphData {
  width: number;
  height: number;
  nodes: GraphNode[];
  links: Array<{ source: string; target: string }>;
}

const GRAPH_W = 800;
const GRAPH_H = 560;

/**
 * How many partners of each province the home page's network and its list show: a province's
 * partners grow with its reports, and the home page must not (issue 11). The rest are one click
 * away on the province page.
 */
export const TOP_PARTNERS = 12;

/**
 * Each province's partners, most named first (reports of the province itself that name the
 * partner; ties by name), cut to `limit`, with how many were left out.
 */
export function topPartners(
  provinces: readonly ProvinceEntry[],
  partners: readonly PartnerEntry[],
  limit = TOP_PARTNERS,
): Map<string, { shown: string[]; more: number }> {
  const weight = new Map<string, number>();
  for (const x of partners) for (const m of x.mentions) if (m.province) weight.set(`${m.province} ${x.id}`, (weight.get(`${m.province} ${x.id}`) ?? 0) + 1);
  const name = new Map(partners.map((x) => [x.id, x.nameVi ?? x.name]));
  const out = new Map<string, { shown: string[]; more: number }>();
  for (const p of provinces) {
    const ranked = [...p.partners].sort(
      (a, b) => (weight.get(`${p.id} ${b}`) ?? 0) - (weight.get(`${p.id} ${a}`) ?? 0) || (name.get(a) ?? a).localeCompare(name.get(b) ?? b, 'vi'),
    );
    out.set(p.id, { shown: ranked.slice(0, limit), more: Math.max(0, ranked.length - limit) });
  }
  return out;
}

/**
 * Provinces (with reports) and partner localities, linked when a province's report names the
 * partner: each province's TOP_PARTNERS partners, so the graph's size is bounded by the number of
 * provinces, not of reports.
 */
export function networkData(provinces: readonly ProvinceEntry[], partners: readonly PartnerEntry[]): GraphData {
  // Only provinces with reports of their own: a post-2025 province would repeat its members' links.
  const withReports = provinces.filter((p) => p.hasOwnReports && p.partners.length > 0);
  const top = topPartners(withReports, partners);
  const shownPartners = new Set(withReports.flatMap((p) => top.get(p.id)?.shown ?? []));
  type N = GraphNode & SimulationNodeDatum;
  const nodes: N[] = [
    ...withReports.map((p) => ({ id: `p:${p.id}`, label: p.name, kind: 'province' as const, to: `provinces/${p.id}/`, x: 0, y: 0, r: 9 })),
    ...partners.filter((p) => shownPartners.has(p.id)).map((p) => ({
      id: `x:${p.id}`,
      label: p.nameVi ?? p.name,
      kind: 'partner' as const,
      to: `partners/${p.id}/`,
      x: 0,
      y: 0,
      r: 5 + Math.min(4, p.provinces.length),
      country: p.country,
    })),
  ];
  // Deterministic start positions on a circle, so the same data always gives the same picture.
  nodes.forEach((n, i) => {
    const a = (2 * Math.PI * i) / nodes.length;
    n.x = Math.cos(a) * 200;
    n.y = Math.sin(a) * 200;
  });
  const ids = new Set(nodes.map((n) => n.id));
  const links = withReports.flatMap((p) => (top.get(p.id)?.shown ?? []).map((x) => ({ source: `p:${p.id}`, target: `x:${x}` }))).filter((l) => ids.has(l.target));
  const sim = forceSimulation(nodes)
    .force('link', forceLink<N, { source: string; target: string }>(links.map((l) => ({ ...l }))).id((d) => d.id).distance(60))
    .force('charge', forceManyBody().strength(-160))
    .force('collide', forceCollide<N>().radius((d) => d.r + 14))
    .force('x', forceX().strength(0.05))
    .force('y', forceY().strength(0.08))
    .force('center', forceCenter(0, 0))
    .stop();
  sim.tick(400);
  const xs = nodes.map((n) => n.x ?? 0);
  const ys = nodes.map((n) => n.y ?? 0);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = 60;
  const scale = Math.min((GRAPH_W - 2 * pad) / Math.max(1, maxX - minX), (GRAPH_H - 2 * pad) / Math.max(1, maxY - minY), 2);
  return {
    width: GRAPH_W,
    height: GRAPH_H,
    nodes: nodes.map(({ id, label, kind, to, r, country, x, y }) => ({
      id,
      label,
      kind,
      to,
      r,
      ...(country ? { country } : {}),
      x: Math.round((GRAPH_W - (maxX - minX) * scale) / 2 + ((x ?? 0) - minX) * scale),
      y: Math.round((GRAPH_H - (maxY - minY) * scale) / 2 + ((y ?? 0) - minY) * scale),
    })),
    links,
  };
}

export interface MapData {
  width: number;
  height: number;
  /** Outline of the graticule-free globe, for the ocean fill. */
  sphere: string;
  /** Antarctica (ISO numeric 010) is left out: no partner there, and it is a fifth of the bytes. */
  countries: Array<{ code: string | null; name: string; d: string; provinces: number }>;
}

/**
 * A ring wound the wrong way covers the whole sphere except the country (d3-geo is spherical), so
 * the polygon would fill the canvas. Reverse any polygon whose area exceeds a hemisphere.
 */
export function fixWinding<G extends Geometry>(f: Feature<G>): Feature<G> {
  if (geoArea(f) <= 2 * Math.PI) return f;
  const g = f.geometry;
  if (g.type === 'Polygon') return { ...f, geometry: { ...g, coordinates: (g as Polygon).coordinates.map((r) => [...r].reverse()) } as G };
  if (g.type === 'MultiPolygon') {
    return { ...f, geometry: { ...g, coordinates: (g as MultiPolygon).coordinates.map((p) => p.map((r) => [...r].reverse())) } as G };
  }
  return f;
}

/** World map (Natural Earth 1:110m from world-atlas), countries shaded by provinces engaged. */
export function mapData(world: Topology, engaged: ReadonlyMap<string, number>): MapData {
  const width = 800;
  const height = 420;
  const fc = feature(world, world.objects.countries as GeometryCollection) as FeatureCollection;
  const projection = geoNaturalEarth1().fitSize([width, height], { type: 'Sphere' });
  // One decimal is finer than a pixel at this size, and halves the JSON.
  const path = geoPath(projection).digits(1);
  return {
    width,
    height,
    sphere: path({ type: 'Sphere' }) ?? '',
    countries: fc.features.filter((f) => f.id !== '010').map((f) => {
      const code = countries.numericToAlpha2(String(f.id ?? '')) ?? null;
      const name = (f.properties as { name?: string } | null)?.name ?? code ?? '';
      return { code, name, d: path(fixWinding(f)) ?? '', provinces: code ? (engaged.get(code) ?? 0) : 0 };
    }),
  };
}

export interface ComparisonRow {
  province: string;
  name: string;
  partners: number;
  countries: number;
  organizations: number;
  reports: number;
}

/** A few comparable counts per province (only provinces that have their own reports). */
export function comparisonData(provinces: readonly ProvinceEntry[]): ComparisonRow[] {
  return provinces
    .filter((p) => p.hasOwnReports && p.countries.length + p.partners.length > 0)
    .map((p) => ({ province: p.id, name: p.name, partners: p.partners.length, countries: p.countries.length, organizations: p.organizations.length, reports: p.reports.length }))
    .sort((a, b) => b.partners + b.countries - (a.partners + a.countries) || a.name.localeCompare(b.name, 'vi'));
}
