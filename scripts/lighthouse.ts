/**
 * npm run lighthouse [-- DIST]
 * Lighthouse (performance, accessibility, best practices, SEO) on the home, report, province,
 * partner and search pages of a built site (default dist/), served on 127.0.0.1, in Debian's
 * Chromium. Prints a Markdown table; target ≥ 98 in every category. A measurement, not a test.
 */
import lighthouse from 'lighthouse';
import { launch } from 'chrome-launcher';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findChromium } from './ensure-chromium.ts';
import { serve } from '../tests/e2e/support/server.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const first = (section: string) => readdirSync(join(dist, section)).sort().find((d) => !d.includes('.')) ?? '';
const pages = {
  home: '',
  report: `reports/${first('reports')}/`,
  province: `provinces/${first('provinces')}/`,
  partner: `partners/${first('partners')}/`,
  search: 'search/',
};
const chromePath = findChromium();
if (!chromePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.ts` or set CHROMIUM_PATH.');
const site = await serve(dist, '/');
const chrome = await launch({
  chromePath,
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const rows: string[] = ['| page | path | performance | accessibility | best practices | SEO |', '|---|---|---:|---:|---:|---:|'];
try {
  for (const [name, path] of Object.entries(pages)) {
    const result = await lighthouse(`${site.url}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const c = result?.lhr.categories ?? {};
    const score = (id: string) => Math.round((c[id]?.score ?? 0) * 100);
    rows.push(`| ${name} | \`/${path}\` | ${score('performance')} | ${score('accessibility')} | ${score('best-practices')} | ${score('seo')} |`);
  }
} finally {
  chrome.kill();
  await site.close();
}
console.log(rows.join('\n'));
