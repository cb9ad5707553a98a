import { describe, expect, it } from 'vitest';
import { laterPages, listPage, listPath, pageCount, PAGE_SIZE } from '../../src/lib/paginate.ts';
import { BUNDLE_REPORTS, prefixGroups, searchBundles } from '../../src/lib/search-bundles.ts';

describe('pagination of long lists', () => {
  const items = Array.from({ length: 2 * PAGE_SIZE + 3 }, (_, i) => i);

  it('splits a list into pages that cover it once, in order', () => {
    expect(pageCount(items.length)).toBe(3);
    const pages = [1, 2, 3].map((p) => listPage(items, p));
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    expect(pages.map((p) => p.start)).toEqual([0, PAGE_SIZE, 2 * PAGE_SIZE]);
    expect(pageCount(0)).toBe(1);
  });

  it('keeps page 1 at the entity page and numbers the others under reports/', () => {
    expect(listPath('provinces/ha-noi/', 1)).toBe('provinces/ha-noi/');
    expect(listPath('provinces/ha-noi/', 2)).toBe('provinces/ha-noi/reports/2/');
    expect(laterPages([{ id: 'a', n: items }, { id: 'b', n: [1] }], (e) => e.n).map((p) => `${p.entity.id}/${p.page}`)).toEqual(['a/2', 'a/3']);
  });
});

describe('search bundles', () => {
  it('uses one bundle until an archive is large, then more', () => {
    expect(searchBundles(5000)).toEqual(['pagefind/']);
    expect(searchBundles(2 * BUNDLE_REPORTS + 1)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/']);
  });

  it('shares report slugs out by prefix in groups of about the same size, each slug in one group', () => {
    const slugs = Array.from({ length: 3000 }, (_, i) => `${'abcdefghik'[i % 10]}${'xyz'[i % 3]}-${i}`);
    const groups = prefixGroups(slugs, 3);
    const sizes = groups.map((g) => slugs.filter((s) => g.includes(s.slice(0, 2))).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(slugs.length);
    for (const n of sizes) expect(Math.abs(n - 1000)).toBeLessThanOrEqual(100);
    expect(new Set(groups.flat()).size).toBe(groups.flat().length);
  });
});
