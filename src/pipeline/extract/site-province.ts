import { allProvinces } from './province.ts';

let bySite: Map<string, string> | null = null;

/** "quangninh" (from baoquangninh.vn) → "Quảng Ninh": provincial papers publish at bao<province>.vn. */
export function provinceOfSite(compact: string): string | null {
  bySite ??= new Map(allProvinces().map((p) => [p.slug.replace(/-/g, ''), p.name]));
  return bySite.get(compact) ?? null;
}
