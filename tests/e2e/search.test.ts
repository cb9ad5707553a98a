import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import { serve } from './support/server.ts';
import { brokenLinks, htmlFiles } from './support/links.ts';
import { readFileSync } from 'node:fs';

/** The same checks at the root and under a GitHub Pages-style sub-path. */
describe.each(['/', '/atlas/'])('built site with base %s', (base) => {
  let dist: string;
  let site: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;

  beforeAll(async () => {
    dist = buildSite(base);
    site = await serve(dist, base);
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has the home page, five report pages, the search page and the index', () => {
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
    expect(readdirSync(join(dist, 'reports')).filter((d) => existsSync(join(dist, 'reports', d, 'index.html')))).toHaveLength(5);
    expect(existsSync(join(dist, 'search', 'index.html'))).toBe(true);
    expect(existsSync(join(dist, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  it('has no inline event handler or inline style on any page (the CSP allows neither)', () => {
    const offenders = htmlFiles(dist).filter((f) => /<[^>]+\s(on[a-z]+|style)=/i.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('has no broken link: every href and src, fragments included', () => {
    expect(brokenLinks(dist, base)).toEqual([]);
  });

  async function search(term: string) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.url}search/`);
    const input = page.locator('#search input');
    await input.fill(term);
    const results = page.locator('.pagefind-ui__result-link');
    await results.first().waitFor({ timeout: 15_000 });
    return { page, results, errors };
  }

  it('finds the Hòa Bình report for "Yamanashi" and opens it', async () => {
    const { page, results, errors } = await search('Yamanashi');
    const titles = await results.allTextContents();
    expect(titles.some((t) => t.includes('Hòa Bình'))).toBe(true);
    const link = results.filter({ hasText: 'Hòa Bình' }).first();
    const target = await link.getAttribute('href');
    expect(target?.startsWith(`${base}reports/`)).toBe(true);
    await link.click();
    await page.waitForURL(/\/reports\//);
    await expect(page.locator('h1').textContent()).resolves.toContain('Hòa Bình');
    await expect(page.locator('main').textContent()).resolves.toContain('Yamanashi');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('finds the Vĩnh Phúc report for "Tochigi"', async () => {
    const { page, results, errors } = await search('Tochigi');
    const titles = await results.allTextContents();
    expect(titles.some((t) => t.includes('Vĩnh Phúc'))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
