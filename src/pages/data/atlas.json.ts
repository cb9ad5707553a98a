import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';

/** The whole atlas as one JSON document (schemas in src/schemas/site.ts). */
export const GET: APIRoute = async () => {
  const strip = <T extends { id: string; data: unknown }>(xs: T[]) => xs.map((x) => x.data);
  const reports = (await getCollection('reports')).map((r) => ({ slug: r.id, ...r.data }));
  const body = {
    generatedBy: 'Ngoại vụ Atlas',
    reports,
    provinces: strip(await getCollection('provinces')),
    partners: strip(await getCollection('partners')),
    countries: strip(await getCollection('countries')),
    organizations: strip(await getCollection('organizations')),
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
