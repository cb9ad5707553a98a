import { describe, expect, it } from 'vitest';
import { laterPages, listPage, listPath, pageCount, PAGE_SIZE } from '../../src/lib/paginate.ts';
import { bundleOfReport, BUNDLE_REPORTS, searchBundles } from '../../src/lib/search-bundles.ts';

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
  it('uses one bundle until an archive is large, then more, each report always in the same one', () => {
    expect(searchBundles(5000)).toEqual(['pagefind/']);
    expect(searchBundles(2 * BUNDLE_REPORTS + 1)).toEqual(['pagefind/', 'pagefind-2/', 'pagefind-3/']);
    const b = bundleOfReport('ha-noi-hop-tac-0825be', 3);
    expect(b).toBeGreaterThanOrEqual(0);
    expect(b).toBeLessThan(3);
    expect(bundleOfReport('ha-noi-hop-tac-0825be', 3)).toBe(b);
  });
});
