import type { APIRoute } from 'astro';
import { openData } from '../../lib/open-data';

/** /data/facts.csv.gz: see src/lib/open-data.ts (gzip of text/csv, UTF-8). */
export const GET: APIRoute = async () => new Response(new Uint8Array((await openData()).facts), { headers: { 'Content-Type': 'application/gzip' } });
