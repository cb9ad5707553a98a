import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { toCsv } from '../../lib/csv';

/** One row per (report, partner locality): who partners with whom, and where it is said. */
export const GET: APIRoute = async () => {
  const rows = (await getCollection('reports')).flatMap((r) =>
    r.data.partners.map((p) => [
      r.data.province?.name ?? null,
      r.data.province?.mergedInto.name ?? null,
      p.name,
      p.nameVi ?? null,
      p.kind,
      p.country,
      p.asWritten.join(' | '),
      r.id,
      p.sentences[0]?.sentence ?? null,
    ]),
  );
  const header = ['province', 'province_2025', 'partner', 'partner_vi', 'kind', 'country', 'as_written', 'report', 'sentence'];
  return new Response(toCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
