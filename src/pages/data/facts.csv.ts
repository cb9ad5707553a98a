import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toCsv } from '../../lib/csv';

/** One row per extracted numeric fact, with its sentence. */
export const GET: APIRoute = async () => {
  const rows = (await getCollection('reports')).flatMap((r) =>
    r.data.facts.map((f) => [r.data.province?.name ?? null, r.id, f.value, f.unit, f.label, f.qualifier, f.year, f.text, f.sentence]),
  );
  const header = ['province', 'report', 'value', 'unit', 'label', 'qualifier', 'year', 'text', 'sentence'];
  return new Response(toCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
