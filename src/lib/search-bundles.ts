/**
 * Pagefind keeps everything it indexes in memory until it writes the index: ~340 KB per report
 * page, 6.9 GB for 20,000 (bench/RESULTS.md). Above BUNDLE_REPORTS reports, the search index is
 * split into several Pagefind bundles that the search page merges (Pagefind's `mergeIndex`), each
 * built on its own. Entity and list pages go to the first bundle; a report goes to the bundle its
 * slug hashes to, so a report stays in the same bundle as others are added.
 */
export const BUNDLE_REPORTS = 8000;

/** Site-relative folders of the bundles for an archive of `reports` reports: "pagefind/", "pagefind-2/", … */
export function searchBundles(reports: number): string[] {
  const count = Math.max(1, Math.ceil(reports / BUNDLE_REPORTS));
  return Array.from({ length: count }, (_, i) => (i === 0 ? 'pagefind/' : `pagefind-${i + 1}/`));
}

/** FNV-1a of the slug: which of `count` bundles a report page belongs to. */
export function bundleOfReport(slug: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < slug.length; i++) {
    h ^= slug.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % count;
}
