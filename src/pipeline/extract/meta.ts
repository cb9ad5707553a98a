import { outlets } from '../../knowledge/rules.ts';
import { fold } from '../../lib/text.ts';
import { provinceOfSite as knownSite } from '../../knowledge/provinces.ts';
import type { Block } from '../../schemas/ingest.ts';

export interface Meta {
  /** Headline exactly as printed, or null. */
  title: string | null;
  source: string | null;
  author: string | null;
}

const OUTLETS = new Map(outlets.map((o) => [fold(o.marker), o.name]));
/** "(HBĐT) - ", "(Baohatinh.vn) – " at the start of the lede. */
const DATELINE = /^\(([^()]{2,40})\)\s*[-–—]\s/u;
/** "Theo TTXVN", "Nguồn: Báo Nghệ An" closing the article. */
const CLOSING_SOURCE = /^(?:theo|nguồn)\s*:?\s*(.{2,60}?)\.?$/iu;

/**
 * Title, outlet and byline from the classified blocks. `provinceOfSite` resolves a site name such
 * as "baoquangninh.vn" to its province ("Quảng Ninh"), so every provincial paper need not be listed.
 */
export function extractMeta(blocks: readonly Block[], provinceOfSite: (compact: string) => string | null = knownSite): Meta {
  const title = blocks.find((b) => b.kind === 'headline')?.text ?? null;
  const byline = blocks.find((b) => b.kind === 'byline')?.text ?? null;
  const author = byline?.replace(/^(bài(\s+và\s+ảnh)?|tác giả)\s*:?\s*/iu, '') ?? null;
  return { title, source: findSource(blocks, provinceOfSite), author };
}

function findSource(blocks: readonly Block[], provinceOfSite: (compact: string) => string | null): string | null {
  const article = blocks.filter((b) => b.kind !== 'noise');
  for (const block of article.slice(0, 3)) {
    const marker = DATELINE.exec(block.text)?.[1];
    if (marker) return outletName(marker, provinceOfSite);
  }
  for (const block of article.slice(-3)) {
    const named = CLOSING_SOURCE.exec(block.text)?.[1];
    if (named) return outletName(named, provinceOfSite);
  }
  return null;
}

function outletName(marker: string, provinceOfSite: (compact: string) => string | null): string {
  const known = OUTLETS.get(fold(marker));
  if (known) return known;
  const site = /^bao([a-z]+)\.(?:vn|com\.vn|org\.vn)$/u.exec(fold(marker))?.[1];
  const province = site ? provinceOfSite(site) : null;
  return province ? `Báo ${province}` : marker;
}
