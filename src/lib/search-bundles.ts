/**
 * Pagefind keeps everything it indexes in memory until it writes the index: ~340 KB per report
 * page, 6.9 GB for 20,000 (bench/RESULTS.md). Above BUNDLE_REPORTS reports, the search index is
 * split into several Pagefind bundles that the search page merges (Pagefind's `mergeIndex`), each
 * built on its own (scripts/build-search.ts). Report pages are shared out by the first letters of
 * their slugs; the first bundle also holds every other page.
 */
/**
 * ~3.5–4 GB of Pagefind per bundle at most. Each bundle costs a search its own WebAssembly,
 * metadata and filter files (at 20,000 reports in 3 bundles a name query moved 814 KB gzip, twice
 * what one bundle does), so bundles are as large as the 6 GB memory target comfortably allows.
 */
export const BUNDLE_REPORTS = 10_000;

/** Site-relative folders of the bundles for an archive of `reports` reports: "pagefind/", "pagefind-2/", … */
export function searchBundles(reports: number): string[] {
  const count = Math.max(1, Math.ceil(reports / BUNDLE_REPORTS));
  return Array.from({ length: count }, (_, i) => (i === 0 ? 'pagefind/' : `pagefind-${i + 1}/`));
}

/**
 * Splits report slugs into `count` groups of about the same size, each a set of slug prefixes (so
 * a group is a glob Pagefind can walk: `reports/{ab,ac}*`). Prefixes are as long as needed for
 * the groups to come out even (a group holds whole prefixes, so it is at most one prefix off).
 */
export function prefixGroups(slugs: readonly string[], count: number, length = 2): string[][] {
  const sizes = new Map<string, number>();
  for (const s of slugs) sizes.set(s.slice(0, length), (sizes.get(s.slice(0, length)) ?? 0) + 1);
  const prefixes = [...sizes.keys()].sort();
  const groups: string[][] = Array.from({ length: count }, () => []);
  let group = 0;
  let filled = 0;
  for (const p of prefixes) {
    const target = (slugs.length * (group + 1)) / count;
    if (group < count - 1 && filled > 0 && filled + (sizes.get(p) ?? 0) / 2 > target) group++;
    groups[group]?.push(p);
    filled += sizes.get(p) ?? 0;
  }
  return groups;
}
