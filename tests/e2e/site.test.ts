import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { launch } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import { serve } from './support/server.ts';

/** The knowledge site as a reader uses it, under a GitHub Pages sub-path. */
const BASE = '/atlas/';
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  site = await serve(buildSite(BASE), BASE);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<Page> {
  // A context per page: axe-core needs one, and it keeps pages independent.
  const page = await (await browser.newContext()).newPage();
  await page.goto(site.url + path);
  return page;
}

/** Result URLs (without the base) for a query, in Pagefind's order, through its JS API. */
async function searchUrls(term: string): Promise<string[]> {
  const page = await open('search/');
  // A string, not a function: Vitest would rewrite import() inside a function for Node.
  const urls = (await page.evaluate(`(async () => {
    const pagefind = await import(${JSON.stringify(`${site.url}pagefind/pagefind.js`)});
    const found = await pagefind.search(${JSON.stringify(term)});
    return Promise.all(found.results.map(async (r) => (await r.data()).url));
  })()`)) as string[];
  await page.close();
  return urls.map((u) => u.slice(BASE.length));
}

const HOA_BINH_REPORT = 'reports/cong-tac-doi-ngoai-hoa-binh-den-nam-2020/';

describe('search finds names with or without diacritics, and by alias', () => {
  it.each([
    ['vinh phuc', 'provinces/vinh-phuc/'],
    ['hoa binh', 'provinces/hoa-binh/'],
    ['hung yen', 'provinces/hung-yen/'],
    ['ha tinh', 'provinces/ha-tinh/'],
    ['luong phabang', 'partners/la-luang-prabang/'],
    ['dong thap', 'provinces/dong-thap/'],
    ['Luang Prabang', HOA_BINH_REPORT],
    ['Louangphabang', HOA_BINH_REPORT],
    ['Houaphanh', HOA_BINH_REPORT],
  ])('"%s" finds %s', async (term, expected) => {
    expect(await searchUrls(term)).toContain(expected);
  });

  it('"Yamanashi" lists the Yamanashi partner page first', async () => {
    expect((await searchUrls('Yamanashi'))[0]).toBe('partners/jp-yamanashi/');
  });
});

describe('cross-links', () => {
  it('goes report → partner → the other province that shares the partner', async () => {
    const page = await open(HOA_BINH_REPORT);
    await page.locator('article a.entity-partner', { hasText: 'Luông Phabang' }).first().click();
    await page.waitForURL(/partners\/la-luang-prabang\/$/);
    expect(await page.locator('main').textContent()).toContain('Hòa Bình');
    await page.locator('main a', { hasText: 'Vĩnh Phúc' }).first().click();
    await page.waitForURL(/provinces\/vinh-phuc\/$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('Vĩnh Phúc');
    expect(await page.locator('main').textContent()).toContain('Phú Thọ');
    await page.close();
  });

  it('a fact link scrolls to its sentence and highlights it', async () => {
    const page = await open(HOA_BINH_REPORT);
    const link = page.locator('.factbox a').filter({ hasText: '272,3 triệu USD' });
    const anchor = (await link.getAttribute('href')) ?? '';
    await link.click();
    await page.waitForFunction((hash) => location.hash === hash, anchor);
    const target = page.locator(anchor);
    expect(await target.textContent()).toContain('272,303 triệu USD');
    // Scrolled into view: the sentence's top is inside the viewport.
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)?.getBoundingClientRect();
      return box !== undefined && box.top >= -1 && box.top < innerHeight;
    }, anchor.slice(1));
    const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });

  it('the network view draws nodes that link to pages, reachable by keyboard', async () => {
    const page = await open('');
    const nodes = page.locator('#network-view a.node');
    await nodes.first().waitFor();
    expect(await nodes.count()).toBeGreaterThan(10);
    const hrefs = await nodes.evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
    expect(hrefs.every((h) => h.startsWith(BASE))).toBe(true);
    await nodes.filter({ hasText: 'Yamanashi' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/partners\/jp-yamanashi\/$/);
    await page.close();
  });

  it('the world map and the comparison chart draw', async () => {
    const page = await open('');
    await page.locator('#map-view path.engaged').first().waitFor();
    expect(await page.locator('#map-view path.engaged').count()).toBeGreaterThanOrEqual(20);
    await page.locator('#comparison-view rect.bar').first().waitFor();
    expect(await page.locator('#comparison-view rect.bar').count()).toBe(15);
    await page.close();
  });
});

describe('Content-Security-Policy', () => {
  it('every page carries the policy meta tag', async () => {
    const page = await open(HOA_BINH_REPORT);
    const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(csp).toContain("object-src 'none'");
    await page.close();
  });

  it.each(['', HOA_BINH_REPORT, 'partners/la-luang-prabang/', 'search/'])('no violation while /%s works (search and d3 views included)', async (path) => {
    const context = await browser.newContext();
    const violations: string[] = [];
    await context.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await context.addInitScript(
      'document.addEventListener("securitypolicyviolation", (e) => window.reportViolation(e.violatedDirective + " " + e.blockedURI));',
    );
    const page = await context.newPage();
    page.on('console', (m) => {
      if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(site.url + path);
    if (path === 'search/') {
      await page.locator('#search input').fill('Yamanashi');
      await page.locator('.pagefind-ui__result-link').first().waitFor();
    }
    if (path === '') await page.locator('#map-view path.engaged').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('accessibility (axe-core): no serious or critical violation', () => {
  it.each([
    '',
    HOA_BINH_REPORT,
    'provinces/',
    'provinces/vinh-phuc/',
    'provinces/phu-tho/',
    'partners/',
    'partners/la-luang-prabang/',
    'countries/',
    'countries/la/',
    'organizations/',
    'organizations/kfw/',
    'search/',
    'data/',
    'build-report/',
  ])('/%s', async (path) => {
    const page = await open(path);
    await page.waitForLoadState('networkidle');
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    await page.close();
  });
});
