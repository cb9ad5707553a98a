/**
 * npm run search-index [-- --site dist]
 *
 * Builds the Pagefind search index of a built site, as `pagefind --site dist` does, through
 * Pagefind's Node API so that a large archive can be split into bundles (src/lib/search-bundles.ts):
 * each bundle is indexed and written on its own by a fresh Pagefind service, so the indexer's
 * memory is bounded by the largest bundle rather than by the whole site. Pagefind walks and parses
 * the files itself (addDirectory with a glob per bundle), as fast as the CLI. The search page says
 * which bundles it merges; this script builds the same list and stops if they differ.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { prefixGroups, searchBundles } from '../src/lib/search-bundles.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });
const site = resolve(values.site);
const started = performance.now();

const isBundle = (name: string) => /^pagefind(-\d+)?$/.test(name);
// Bundles of an earlier build (perhaps of a larger archive) go first: they are rebuilt below.
for (const d of readdirSync(site)) if (isBundle(d)) rmSync(join(site, d), { recursive: true, force: true });

const slugs = existsSync(join(site, 'reports')) ? readdirSync(join(site, 'reports')).filter((d) => existsSync(join(site, 'reports', d, 'index.html'))) : [];
const bundles = searchBundles(slugs.length);

// The search page merges bundles 2…n; it must name exactly the ones built here.
const searchPage = join(site, 'search/index.html');
if (existsSync(searchPage)) {
  const merged = (/data-merge="([^"]*)"/.exec(readFileSync(searchPage, 'utf8'))?.[1] ?? '').split(' ').filter(Boolean);
  if (merged.length !== bundles.length - 1 || merged.some((m, i) => !m.endsWith(`/${bundles[i + 1]}`))) {
    throw new Error(`search/index.html merges [${merged.join(', ')}] but the site needs [${bundles.slice(1).join(', ')}]`);
  }
}

/** One glob per bundle: the whole site, or groups of report slugs by prefix, the first group with every page outside reports/. */
function globs(): string[] {
  if (bundles.length === 1) return ['**/*.html'];
  const dirs = readdirSync(site).filter((d) => d !== 'reports' && !isBundle(d) && statSync(join(site, d)).isDirectory());
  const reports = prefixGroups(slugs, bundles.length).map((g) => `reports/{${g.join(',')}}*/index.html`);
  return reports.map((r, i) => (i === 0 ? `{*.html,${dirs.map((d) => `${d}/**/*.html`).join(',')},${r}}` : r));
}

const counts: number[] = [];
for (const [i, glob] of globs().entries()) {
  const bundle = bundles[i] as string;
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: site, glob });
  if (added.errors.length) throw new Error(`pagefind (${bundle}): ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: join(site, bundle) });
  if (written.errors.length) throw new Error(`pagefind (${bundle}): ${written.errors.join('; ')}`);
  counts.push(added.page_count);
  // A fresh service per bundle: one bundle's index is freed before the next is read.
  await pagefind.close();
}

console.log(
  `search: ${counts.reduce((a, b) => a + b, 0)} pages read into ${bundles.length} bundle(s) (${counts.join(' + ')}) in ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s: ${bundles.map((b) => `${relative(process.cwd(), site) || '.'}/${b}`).join(', ')}`,
);
