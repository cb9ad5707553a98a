import type { APIRoute } from 'astro';
import { viewData } from '../../lib/atlas-data';

/** Build-time data for the home page's network view (the client only draws it). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify((await viewData()).network), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
