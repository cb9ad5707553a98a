/**
 * npm run search-index [-- --site dist]
 *
 * Builds the Pagefind search index of a built site, as `pagefind --site dist` would, through
 * Pagefind's Node API so that a large archive can be split into bundles (src/lib/search-bundles.ts):
 * each bundle is indexed and written on its own and the Pagefind service restarted in between, so
 * the indexer's memory is bounded by the largest bundle rather than by the whole site. The search
 * page says which bundles it merges; this script builds the same list and stops if they differ.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as pagefind from 'pagefind';
import { bundleOfReport, searchBundles } from '../src/lib/search-bundles.ts';

const { values } = parseArgs({ options: { site: { type: 'string', default: 'dist' } } });
const site = resolve(values.site);
const started = performance.now();

/** Every HTML page of the site, relative with "/", outside any Pagefind bundle. */
function pages(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => f.split(sep).join('/'))
    .filter((f) => f.endsWith('.html') && !/^pagefind(-\d+)?\//.test(f))
    .sort();
}

const all = pages(site);
const reportSlug = (f: string) => /^reports\/([^/]+)\/index\.html$/.exec(f)?.[1];
const bundles = searchBundles(all.filter((f) => reportSlug(f) !== undefined).length);

// The search page merges bundles 2…n; it must name exactly the ones built here.
const searchPage = join(site, 'search/index.html');
if (existsSync(searchPage)) {
  const merged = (/data-merge="([^"]*)"/.exec(readFileSync(searchPage, 'utf8'))?.[1] ?? '').split(' ').filter(Boolean);
  if (merged.length !== bundles.length - 1 || merged.some((m, i) => !m.endsWith(`/${bundles[i + 1]}`))) {
    throw new Error(`search/index.html merges [${merged.join(', ')}] but the site needs [${bundles.slice(1).join(', ')}]`);
  }
}

const members: string[][] = bundles.map(() => []);
for (const f of all) {
  const slug = reportSlug(f);
  members[slug === undefined ? 0 : bundleOfReport(slug, bundles.length)]?.push(f);
}

/** Adds files with a few requests in flight, so the indexer is never idle waiting for the next one. */
async function addAll(index: pagefind.PagefindIndex, files: string[]): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++] as string;
      const content = readFileSync(join(site, file), 'utf8');
      // Pagefind indexes only pages that mark a body when any does; the others need not be sent.
      if (!content.includes('data-pagefind-body')) continue;
      const { errors } = await index.addHTMLFile({ sourcePath: file, content });
      if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
      indexed++;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

let indexed = 0;
for (const [i, bundle] of bundles.entries()) {
  const files = members[i] ?? [];
  const out = join(site, bundle);
  rmSync(out, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  await addAll(index, files);
  const written = await index.writeFiles({ outputPath: out });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  // A fresh service per bundle: the memory of one bundle's index is returned before the next.
  await pagefind.close();
}
// Bundles of a larger earlier build that this one no longer has.
for (const d of readdirSync(site)) if (/^pagefind-\d+$/.test(d) && !bundles.includes(`${d}/`)) rmSync(join(site, d), { recursive: true, force: true });

console.log(
  `search: ${indexed} pages indexed in ${bundles.length} bundle(s) in ${((performance.now() - started) / 1000).toFixed(1)} s; ` +
    `${relative(process.cwd(), site) || '.'}/${bundles.join(', ')}`,
);
