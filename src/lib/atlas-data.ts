import { getCollection } from 'astro:content';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { comparisonData, mapData, networkData } from './views.ts';

type ViewData = Awaited<ReturnType<typeof compute>>;
let cached: Promise<ViewData> | null = null;

/** The home page's view data, from the content collections (shared by the page and the JSON endpoints). */
export function viewData(): Promise<ViewData> {
  cached ??= compute();
  return cached;
}

async function compute() {
  const provinces = (await getCollection('provinces')).map((e) => e.data);
  const partners = (await getCollection('partners')).map((e) => e.data);
  const countries = (await getCollection('countries')).map((e) => e.data);
  const engaged = new Map(countries.map((c) => [c.code, c.provinces.length]));
  const require = createRequire(import.meta.url);
  const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology;
  return {
    network: networkData(provinces, partners),
    map: mapData(world, engaged),
    comparison: comparisonData(provinces),
  };
}
