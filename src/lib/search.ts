import { fold } from './text.ts';

/**
 * Extra search terms for a page: each name as written plus its folded form ("Điện Biên" → "dien bien").
 * Pagefind folds combining marks itself but not đ, which is a letter of its own.
 */
export function searchAliases(names: ReadonlyArray<string | null | undefined>): string {
  const out = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    out.add(name);
    out.add(fold(name));
  }
  return [...out].join(' · ');
}
