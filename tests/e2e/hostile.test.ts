/**
 * Issue 5, hostile input, end to end: one real build (content → Astro → Pagefind) of the hostile
 * corpus with --skip-invalid, served on 127.0.0.1 and opened in Chromium. Injected lines must show
 * as literal text on the page and in search excerpts, no dialog may open, nothing may run.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContent } from '../../src/pipeline/index.ts';
import { CASES } from '../fixtures/hostile/corpus.ts';
import { ROOT } from '../support/gold.ts';
import { launch } from './support/browser.ts';
import { buildSite } from './support/build.ts';
import { serve } from './support/server.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/hostile/seeds');
const INJECTIONS = CASES.filter((c) => c.group === 'injection');
const MARKERS = INJECTIONS.flatMap((c) => c.markers ?? []).map((m) => (isAbsolute(m) ? m : join(ROOT, m)));

/** Slugs as the build assigns them (the same pipeline, in process). */
const visible = CASES.filter((c) => !c.file.startsWith('.'));
const atlas = buildContent(visible.map((c) => ({ file: c.file, bytes: readFileSync(join(FIXTURES, c.file)) }))).atlas;
const slugOf = (file: string) => atlas.reports.find((r) => r.frontmatter.files.includes(file))?.slug ?? `missing-${file}`;

describe('hostile corpus, built and served', () => {
  let seeds: string;
  let dist: string;
  let site: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(`${path}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
    await page.goto(`${site.url}${path}`, { waitUntil: 'load' });
    return page;
  }

  beforeAll(async () => {
    for (const m of MARKERS) rmSync(m, { force: true });
    seeds = mkdtempSync(join(tmpdir(), 'atlas-hostile-e2e-'));
    cpSync(FIXTURES, seeds, { recursive: true });
    dist = buildSite('/', seeds, ['--skip-invalid']);
    site = await serve(dist, '/');
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (seeds) rmSync(seeds, { recursive: true, force: true });
  });

  it('ran nothing during the build: no marker file was written', () => {
    expect(MARKERS.length).toBeGreaterThan(0);
    for (const m of MARKERS) expect(existsSync(m), m).toBe(false);
  });

  describe.each(INJECTIONS)('$file', (c) => {
    it('shows every hostile line literally, creates no element from it, opens no dialog', async () => {
      const page = await open(`reports/${slugOf(c.file)}/`);
      await page.waitForTimeout(300); // give an injected onerror/onload the chance to fire
      const text = await page.locator('article').innerText();
      // Lines removed as page chrome are listed, literally, under "Dòng đã lược bỏ".
      const removed = await page.locator('details').allTextContents();
      for (const line of c.lines ?? []) expect(`${text}\n${removed.join('\n')}`, line).toContain(line);
      const injected = await page.locator('article script, article img, article iframe, article svg, article style, article [onerror], article [onload], article a[href^="javascript:"]').count();
      expect(injected).toBe(0);
      await page.close();
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    });

    if (c.search) {
      const { term, excerpt } = c.search;
      it(`search for "${term}" shows the excerpt with the literal text`, async () => {
        const page = await open('search/');
        await page.locator('#search input').fill(term);
        const result = page.locator('.pagefind-ui__result').filter({ has: page.locator(`a[href*="/reports/${slugOf(c.file)}/"]`) });
        await result.first().waitFor({ timeout: 15_000 });
        const shown = await result.first().locator('.pagefind-ui__result-excerpt').innerText();
        expect(shown).toContain(excerpt);
        expect(await page.locator('.pagefind-ui__results script, .pagefind-ui__results img[onerror], .pagefind-ui__results iframe').count()).toBe(0);
        await page.waitForTimeout(300);
        await page.close();
        expect(dialogs).toEqual([]);
      });
    }
  });

  it('lists every refused and ignored file, with its reason, on /build-report/', async () => {
    const page = await open('build-report/');
    const text = await page.locator('main').innerText();
    for (const c of CASES.filter((x) => (x.expect === 'error' && !x.gap) || x.expect === 'ignored')) {
      expect(text).toContain(c.file);
    }
    expect(text).toContain('no Vietnamese legacy encoding fits');
    expect(text).toContain('hidden file (name starts with a dot)');
    // Converted files are listed with how they were read.
    expect(text).toContain('converted from vni');
    await page.close();
  });

  it('shows one page for the duplicates with both file names, and two pages for the colliding titles', async () => {
    const page = await open(`reports/${slugOf('duplicate-a.txt')}/`);
    const text = await page.locator('main').innerText();
    expect(text).toContain('duplicate-a.txt');
    expect(text).toContain('duplicate b (copy).txt');
    await page.close();
    const one = slugOf('slug-collision-1.txt');
    const two = slugOf('slug-collision-2.txt');
    expect(one).not.toBe(two);
    for (const slug of [one, two]) expect(existsSync(join(dist, 'reports', slug, 'index.html'))).toBe(true);
  });

  it('shows converted reports in Vietnamese, not mojibake', async () => {
    for (const file of ['enc-windows-1258.txt', 'enc-tcvn3.txt', 'enc-utf16be-bom.txt']) {
      const page = await open(`reports/${slugOf(file)}/`);
      const text = await page.locator('article').innerText();
      expect(text).toContain('Hai bên nhất trí ưu tiên xúc tiến đầu tư, khuyến khích doanh nghiệp tìm hiểu thị trường');
      await page.close();
    }
  });
});
