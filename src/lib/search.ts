import { fold } from './text.ts';

/**
 * Extra search terms for a page: names it should be found by that its indexed text lacks.
 * Pagefind folds combining marks itself ("hoa binh" finds "Hòa Bình") but not đ, a letter of its
 * own, so a name with đ also gets its folded form ("Điện Biên" → "dien bien"). A name already in
 * `visible` (the page's indexed text, when given) is left out: it would only repeat, on every
 * report, words Pagefind has.
 */
export function searchAliases(names: ReadonlyArray<string | null | undefined>, visible?: string): string {
  const seen = visible?.toLowerCase();
  const out = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    if (!seen?.includes(name.toLowerCase())) out.add(name);
    if (/[đĐ]/.test(name)) out.add(fold(name));
  }
  return [...out].join(' · ');
}
