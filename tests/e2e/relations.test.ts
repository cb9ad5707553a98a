/**
 * Issue 9: partner pages, province profiles, the network, partnerships.csv and search filters make
 * partner claims from partners only; places a report only mentions are shown apart, with their
 * sentence. Three invented reports (tests/fixtures/relations/README.md): a venue, a parent region
 * and a group phrase, built under a sub-path and read in Chromium.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/gold.ts';
import { launch } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import { brokenLinks } from './support/links.ts';
import { serve } from './support/server.ts';

const BASE = '/atlas/';
let dist: string;
let site: Awaited<ReturnType<typeof serve>>;
let browser: Browser;

beforeAll(async () => {
  dist = buildSite(BASE, join(ROOT, 'tests', 'fixtures', 'relations', 'seeds'));
  site = await serve(dist, BASE);
  browser = await launch();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(site.url + path);
  return page;
}

const text = async (page: Page, selector: string) => (await page.locator(selector).allInnerTexts()).join('\n');

describe('partner or mention in the built site (invented reports, base /atlas/)', () => {
  it('a venue: the report names its partner, and lists the venue apart with its sentence', async () => {
    const page = await open('provinces/tay-ninh/');
    const report = page.locator('a[href*="/reports/"]').first();
    await report.click();
    await page.waitForLoadState();
    expect(await text(page, 'h1 + p.meta, #partners-title + ul')).toContain('Svay Rieng');
    expect(await text(page, 'h1 + p.meta, #partners-title + ul')).not.toContain('Phnom Penh');
    const also = await text(page, 'section[aria-labelledby="mentioned-title"]');
    expect(also).toContain('Phnom Penh');
    expect(also).toContain('nơi diễn ra sự kiện');
    expect(also).toContain('được tổ chức tại thành phố Phnom Penh');
    await page.close();
  });

  it('the venue’s own page makes no partner claim and lists the report apart', async () => {
    const page = await open('partners/kh-phnom-penh/');
    const main = await text(page, 'main');
    expect(main).toContain('Chưa bài nào ghi nhận quan hệ đối tác');
    expect(main).toContain('Cũng được nhắc đến (1)');
    expect(main).not.toContain('Các bài nêu quan hệ');
    await page.close();
  });

  it('a parent region: the partner city has the province; the region written after it does not', async () => {
    const nanning = await open('partners/cn-nanning/');
    expect(await text(nanning, 'main')).toContain('Lạng Sơn');
    await nanning.close();
    const guangxi = await open('partners/cn-guangxi/');
    const main = await text(guangxi, 'main');
    expect(main).toContain('vùng chứa Nam Ninh');
    expect(main).toContain('Chưa bài nào ghi nhận quan hệ đối tác');
    await guangxi.close();
    const province = await open('provinces/lang-son/');
    expect(await text(province, 'section[aria-labelledby="partners-title"]')).toContain('Nam Ninh');
    expect(await text(province, 'section[aria-labelledby="partners-title"]')).not.toContain('Quảng Tây');
    expect(await text(province, 'section[aria-labelledby="mentioned-title"]')).toContain('Quảng Tây');
    await province.close();
  });

  it('a group phrase is no locality: only its members get pages', async () => {
    const page = await open('partners/');
    const main = await text(page, 'main');
    expect(main).toContain('Luang Namtha');
    expect(main).toContain('U-đôm-xay');
    expect(main).not.toMatch(/Bắc Lào/u);
    await page.close();
  });

  it('the network, partnerships.csv and the search filter hold partner claims only', () => {
    const network = JSON.parse(readFileSync(join(dist, 'data', 'network.json'), 'utf8')) as { nodes: Array<{ id: string }> };
    const ids = network.nodes.map((n) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['x:kh-svay-rieng', 'x:cn-nanning', 'x:la-luang-namtha', 'x:la-oudomxay']));
    expect(ids).not.toContain('x:kh-phnom-penh');
    expect(ids).not.toContain('x:cn-guangxi');
    const csv = gunzipSync(readFileSync(join(dist, 'data', 'partnerships.csv.gz'))).toString('utf8');
    expect(csv).toContain('Svay Rieng');
    expect(csv).not.toContain('Phnom Penh');
    expect(csv).not.toContain('Guangxi');
    const report = readFileSync(join(dist, 'partners', 'kh-phnom-penh', 'index.html'), 'utf8');
    expect(report).not.toContain('data-pagefind-filter="đối tác:');
  });

  it('the review page lists the uncertain calls and is linked from the build report', async () => {
    const page = await open('build-report/');
    await page.getByRole('link', { name: 'Những kết luận cần kiểm tra' }).click();
    await page.waitForLoadState();
    expect(await text(page, 'h1')).toBe('Kiểm tra');
    expect((await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });

  it('has no broken link', () => {
    expect(brokenLinks(dist, BASE)).toEqual([]);
  });
});
