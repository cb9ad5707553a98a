import { outlets } from '../../knowledge/rules.ts';
import { fold } from '../../lib/text.ts';
import { provinceOfSite as knownSite } from '../../knowledge/provinces.ts';
import type { Block } from '../../schemas/ingest.ts';

export interface Meta {
  /** Headline exactly as printed, or null. */
  title: string | null;
  source: string | null;
  author: string | null;
  /** Slug of the province whose own paper the outlet is, or null (not part of the extraction's output). */
  outletProvince: string | null;
}

interface Outlet {
  name: string;
  province: string | null;
}

const OUTLETS = new Map<string, Outlet>(outlets.map((o) => [fold(o.marker), { name: o.name, province: o.province ?? null }]));
/** "(HBĐT) - ", "(Baohatinh.vn) – " at the start of the lede. */
const DATELINE = /^\(([^()]{2,40})\)\s*[-–—]\s/u;
/** "LCĐT - ", "BHG- " without brackets: only a known outlet's marker counts. */
const BARE_DATELINE = /^(\p{Lu}[\p{Lu}&]{1,7})\s*[-–—]\s*/u;
/** "Theo TTXVN", "Nguồn: Báo Nghệ An" closing the article. */
const CLOSING_SOURCE = /^(?:theo|nguồn)\s*:?\s*(.{2,60}?)\.?$/iu;

/**
 * Title, outlet and byline from the classified blocks. `provinceOfSite` resolves a site name such
 * as "baoquangninh.vn" to its province ("Quảng Ninh"), so every provincial paper need not be listed.
 */
export function extractMeta(blocks: readonly Block[], provinceOfSite: typeof knownSite = knownSite): Meta {
  const title = blocks.find((b) => b.kind === 'headline')?.text ?? null;
  const byline = blocks.find((b) => b.kind === 'byline')?.text ?? null;
  const author = byline?.replace(/^(bài(\s+và\s+ảnh)?|tác giả)\s*:?\s*/iu, '') ?? null;
  const outlet = findOutlet(blocks, provinceOfSite);
  return { title, source: outlet?.name ?? null, author, outletProvince: outlet?.province ?? null };
}

function findOutlet(blocks: readonly Block[], provinceOfSite: typeof knownSite): Outlet | null {
  const article = blocks.filter((b) => b.kind !== 'noise');
  for (const block of article.slice(0, 3)) {
    const marker = DATELINE.exec(block.text)?.[1];
    if (marker) return outlet(marker, provinceOfSite);
    const bare = BARE_DATELINE.exec(block.text)?.[1];
    const known = bare ? OUTLETS.get(fold(bare)) : undefined;
    if (known) return known;
  }
  for (const block of article.slice(-3)) {
    const named = CLOSING_SOURCE.exec(block.text)?.[1];
    if (named) return outlet(named, provinceOfSite);
  }
  return null;
}

function outlet(marker: string, provinceOfSite: typeof knownSite): Outlet {
  const known = OUTLETS.get(fold(marker));
  if (known) return known;
  const site = /^bao([a-z]+)\.(?:vn|com\.vn|org\.vn)$/u.exec(fold(marker))?.[1];
  const province = site ? provinceOfSite(site) : null;
  return province ? { name: `Báo ${province.name}`, province: province.slug } : { name: marker, province: null };
}
