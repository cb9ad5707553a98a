import type { APIRoute } from 'astro';
import { openData } from '../../lib/open-data';

/** /data/atlas.json.gz: see src/lib/open-data.ts (gzip of application/json, UTF-8). */
export const GET: APIRoute = async () => new Response(new Uint8Array((await openData()).atlas), { headers: { 'Content-Type': 'application/gzip' } });
