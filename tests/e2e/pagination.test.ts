/**
 * Issue 11: long lists are paginated with stable URLs. A generated archive of 300 reports (enough
 * for the countries named in most reports to need several pages) is built under a sub-path and
 * checked page by page: page 1 is the entity page, page n is <entity>/reports/<n>/, every report
 * is listed exactly once across the pages, the pager links resolve, and the pages are accessible.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/generate-corpus.ts';
import { PAGE_SIZE } from '../../src/lib/paginate.ts';
import { launch } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import { brokenLinks } from './support/links.ts';
import { serve } from './support/server.ts';

const BASE = '/atlas/';
let corpus: string;
let dist: string;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  corpus = mkdtempSync(join(tmpdir(), 'atlas-pagination-corpus-'));
  generateCorpus({ n: 300, seed: 11, outDir: corpus });
  dist = buildSite(BASE, corpus);
  site = await serve(dist, BASE);
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (corpus) rmSync(corpus, { recursive: true, force: true });
});

/** Report slugs a list page links to, in order, from its numbered list. */
function listed(file: string): string[] {
  const html = readFileSync(file, 'utf8');
  const list = /<ol class="report-list"[^>]*>([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/href="[^"]*\/reports\/([^/"]+)\/"/g)].map((m) => m[1] ?? '');
}

/** The country with the most list pages: its page 1 and its numbered pages. */
function longestCountryList(): { code: string; pages: string[] } {
  const codes = readdirSync(join(dist, 'countries')).filter((d) => existsSync(join(dist, 'countries', d, 'reports')));
  const pagesOf = (code: string) => readdirSync(join(dist, 'countries', code, 'reports')).map(Number).sort((a, b) => a - b);
  const code = codes.sort((a, b) => pagesOf(b).length - pagesOf(a).length)[0] ?? '';
  return { code, pages: [join(dist, 'countries', code, 'index.html'), ...pagesOf(code).map((n) => join(dist, 'countries', code, 'reports', String(n), 'index.html'))] };
}

describe('paginated lists (300 generated reports, base /atlas/)', () => {
  it('has a list long enough to paginate, numbered from 2 with no gap', () => {
    const { pages } = longestCountryList();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((p) => expect(existsSync(p)).toBe(true));
  });

  it('lists every report of the entity exactly once across its pages, PAGE_SIZE per page', () => {
    const { pages } = longestCountryList();
    const perPage = pages.map(listed);
    const all = perPage.flat();
    expect(new Set(all).size).toBe(all.length);
    perPage.slice(0, -1).forEach((p) => expect(p).toHaveLength(PAGE_SIZE));
    const total = Number(/Các bài nhắc đến \((\d+)\)/.exec(readFileSync(pages[0] ?? '', 'utf8'))?.[1]);
    expect(all).toHaveLength(total);
  });

  it('has no broken link anywhere, pager links included', () => {
    expect(brokenLinks(dist, BASE)).toEqual([]);
  });

  it('walks the pager from page 1 to page 3 and back to page 1 at the entity URL', async () => {
    const { code } = longestCountryList();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site.url}countries/${code}/`);
    await page.locator('.pager a[rel="next"]').click();
    await page.waitForURL(new RegExp(`countries/${code}/reports/2/$`));
    await page.locator('.pager a', { hasText: /^3$/ }).click();
    await page.waitForURL(new RegExp(`countries/${code}/reports/3/$`));
    await page.locator('.pager a', { hasText: /^1$/ }).click();
    await page.waitForURL(new RegExp(`countries/${code}/$`));
    await page.close();
  });

  it('a later page is accessible (axe-core: no serious or critical violation)', async () => {
    const { code } = longestCountryList();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${site.url}countries/${code}/reports/2/`);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.close();
  });
});
