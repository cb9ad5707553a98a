/**
 * npm run bench [-- --sizes 5,1000,5000 --repeat 1 --repeat-seeds 3 --seed 1 --out bench/RESULTS.md]
 *                  [--chart bench/scaling.svg] [--incremental 5000] [--no-baseline] [--no-browser] [--keep]
 *
 * Measures the whole build, stage by stage, as `npm run build` runs it, for the five seeds (size 5)
 * and for generated corpora (any other size, scripts/generate-corpus.ts, seed --seed; 10,000 and
 * 20,000 on demand: `--sizes 5,1000,5000,10000,20000`): the content stage (scripts/build-content.ts
 * with an empty cache), `astro build` and the search index (scripts/build-search.ts), each a child
 * process, with its wall time and peak memory; pages built, pages per second and the size of the
 * built site. A bare baseline (the same report text as plain MDX pages, scripts/bench-baseline/,
 * built by astro + the Pagefind CLI) is measured the same way, and our total is given as a ratio to
 * it. Also: extraction throughput on one core; page weight of the home, report, province and
 * partner pages in Chromium (without /pagefind/); the bytes one search query transfers at the
 * largest size; and, at --incremental (5,000 by default, when measured), the end-to-end rebuild
 * after one report changes (the three stages again, every cache kept). Writes a Markdown report to
 * --out, the time and memory curves to --chart (d3, scripts/bench-chart.ts), and prints the report.
 * It measures and reports only: nothing here passes or fails on a time.
 *
 * Every build runs from temporary content and output folders (ATLAS_CONTENT_DIR, astro --outDir)
 * and a temporary copy of the site's sources with a private node_modules of symlinks, so content/,
 * dist/ and the project's caches are never touched and every cold build is cold. Peak memory is
 * the largest of `/usr/bin/time -v`'s figure and the VmHWM of every process of the stage's process
 * tree, sampled every 200 ms (the Pagefind service is a grandchild that `time` may not see).
 */
import { execFileSync, spawn } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem, availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ingest, processFile, type SourceFile } from '../src/pipeline/index.ts';
import { scalingChart, type ChartSeries } from './bench-chart.ts';
import { buildEnv } from './build-env.ts';
import { generateCorpus } from './generate-corpus.ts';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const NODE = process.execPath;
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const CONTENT = join(ROOT, 'scripts/build-content.ts');
const SEARCH = join(ROOT, 'scripts/build-search.ts');
const BASELINE_TEMPLATE = join(ROOT, 'scripts/bench-baseline');

// ---------------------------------------------------------------- small helpers

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const mib = (kib: number | null) => (kib === null ? 'n/a' : (kib / 1024).toFixed(0));
const gib = (kib: number | null) => (kib === null ? 'n/a' : (kib / 1024 ** 2).toFixed(2));
const kb = (bytes: number) => (bytes / 1000).toFixed(1);
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

function readSources(dir: string): SourceFile[] {
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.') && statSync(join(dir, f)).isFile())
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(dir, file)) }));
}

function write(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** All files under dir, relative paths with "/". */
function walk(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).map((f) => f.split(sep).join('/')).filter((f) => statSync(join(dir, f)).isFile());
}

/** Size of a built site: its files' bytes, and the tar GitHub's upload-pages-artifact makes of it (512-byte headers and blocks). */
interface DistSize {
  files: number;
  bytes: number;
  tarBytes: number;
}

function distSize(dir: string): DistSize {
  let files = 0;
  let bytes = 0;
  let tarBytes = 1024;
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      tarBytes += 512;
      if (e.isDirectory()) visit(p);
      else {
        const size = statSync(p).size;
        files++;
        bytes += size;
        tarBytes += Math.ceil(size / 512) * 512;
      }
    }
  };
  visit(dir);
  return { files, bytes, tarBytes };
}

// ---------------------------------------------------------------- child processes with peak RSS

interface Measured {
  ms: number;
  /** Peak resident set size of the stage's largest process, KiB; null when unknown. */
  peakKiB: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** VmHWM (peak RSS) of a process and its descendants, the largest one, KiB. */
function treeHighWater(pid: number): number {
  let max = 0;
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) max = Math.max(max, Number(hwm[1]));
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch {
      // the process ended between two reads
    }
  };
  visit(pid);
  return max;
}

function run(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; label: string }): Promise<Measured> {
  const [cmd, ...rest] = GNU_TIME ? [GNU_TIME, '-v', NODE, ...args] : [NODE, ...args];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(cmd as string, rest, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let sampled = 0;
    const sampler = existsSync('/proc') ? setInterval(() => (sampled = Math.max(sampled, treeHighWater(child.pid ?? 0))), 200) : null;
    child.on('error', fail);
    child.on('close', (code) => {
      if (sampler) clearInterval(sampler);
      const ms = performance.now() - started;
      if (code !== 0) {
        fail(new Error(`${options.label} failed (exit ${code}):\n${stdout.slice(-2000)}\n${stderr.slice(-3000)}`));
        return;
      }
      const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const peak = Math.max(fromTime ? Number(fromTime[1]) : 0, sampled);
      done({ ms, peakKiB: peak || null, stdout, stderr });
    });
  });
}

// ---------------------------------------------------------------- extraction throughput (in process)

interface Throughput {
  corpus: string;
  reports: number;
  perSecond: number[];
}

/** Ingest+extract only, one thread, after a warm-up pass; each run loops for at least minMs. */
function throughput(corpus: string, sources: readonly SourceFile[], repeat: number, minMs = 2000): Throughput {
  sources.forEach(processFile);
  const perSecond: number[] = [];
  for (let r = 0; r < repeat; r++) {
    let done = 0;
    const started = performance.now();
    while (performance.now() - started < minMs) {
      for (const s of sources) processFile(s);
      done += sources.length;
    }
    perSecond.push(done / ((performance.now() - started) / 1000));
  }
  return { corpus, reports: sources.length, perSecond };
}

// ---------------------------------------------------------------- private build roots

/**
 * A node_modules of one symlink per package: the packages are the project's, but Astro's and
 * Vite's caches (node_modules/.astro, node_modules/.vite) and .astro/ are private to the root, so
 * a build running in the project at the same time (npm run build, the browser tests) cannot race
 * with the one measured here, and every measured build starts cold.
 */
function linkNodeModules(root: string): void {
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  for (const entry of readdirSync(join(ROOT, 'node_modules'))) {
    if (!entry.startsWith('.')) symlinkSync(join(ROOT, 'node_modules', entry), join(root, 'node_modules', entry));
  }
}

/** A copy of the site's sources (src, public, configs) to build from. */
function siteRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-bench-site-'));
  for (const entry of ['src', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  }
  linkNodeModules(root);
  return root;
}

/** Forget what a previous build cached, so each measured run is a cold build. */
function clearCaches(root: string): void {
  for (const d of ['.astro', '.cache', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(root, d), { recursive: true, force: true });
}

// ---------------------------------------------------------------- bare baseline project

/** Markdown/MDX-significant ASCII punctuation, backslash-escaped so the text stays plain text. */
const mdxText = (s: string) => s.replace(/[\\`*_{}[\]<>#|&!~]/g, '\\$&');

/** The same article text as a plain MDX page: title, then each article line as a paragraph. */
function baselinePage(source: SourceFile): string | null {
  let ingested;
  try {
    ingested = ingest(source.file, source.bytes);
  } catch {
    return null;
  }
  const article = ingested.blocks.filter((b) => b.kind !== 'noise');
  if (!article.length) return null;
  const title = (article.find((b) => b.kind === 'headline') ?? article[0])?.text ?? source.file;
  const body = article.filter((b) => b.text !== title).map((b) => mdxText(b.text));
  return `---\nlayout: ../../layouts/Plain.astro\ntitle: ${JSON.stringify(title)}\n---\n\n${body.join('\n\n')}\n`;
}

function prepareBaseline(sources: readonly SourceFile[]): { dir: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-baseline-'));
  cpSync(BASELINE_TEMPLATE, dir, { recursive: true });
  linkNodeModules(dir);
  write(join(dir, 'package.json'), '{ "name": "atlas-bench-baseline", "private": true, "type": "module" }\n');
  let pages = 0;
  sources.forEach((s, i) => {
    const page = baselinePage(s);
    if (page === null) return;
    write(join(dir, 'src/pages/r', `${i}.mdx`), page);
    pages++;
  });
  return { dir, pages };
}

// ---------------------------------------------------------------- page and search weight (Chromium)

interface Weight {
  requests: number;
  bytes: number;
  gzip: number;
}

interface PageWeight extends Weight {
  label: string;
  path: string;
  /** Bytes under /pagefind/ (or another search bundle) the page loaded anyway (not counted above). */
  pagefindBytes: number;
}

interface Query {
  kind: 'partner' | 'province' | 'common words';
  query: string;
}

interface SearchWeight extends Weight, Query {
  site: string;
  results: string;
}

interface Browser {
  newContext: () => Promise<BrowserContext>;
  close: () => Promise<void>;
}
interface BrowserContext {
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}
interface Response {
  url: () => string;
  status: () => number;
  body: () => Promise<Buffer>;
}
interface Page {
  on: (event: 'response', handler: (r: Response) => void) => void;
  goto: (url: string, options: { waitUntil: 'networkidle' | 'load' }) => Promise<unknown>;
  waitForSelector: (selector: string, options: { timeout: number }) => Promise<unknown>;
  waitForFunction: (fn: string, arg: undefined, options: { timeout: number }) => Promise<unknown>;
  waitForLoadState: (state: 'networkidle') => Promise<void>;
  waitForTimeout: (ms: number) => Promise<void>;
  textContent: (selector: string) => Promise<string | null>;
}

async function launchChromium(): Promise<Browser | null> {
  const { findChromium } = await import('./ensure-chromium.ts');
  const executablePath = findChromium();
  if (!executablePath) return null;
  const { chromium } = (await import('playwright-core')) as unknown as {
    chromium: { launch: (o: { executablePath: string; args: string[] }) => Promise<Browser> };
  };
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** Loads url in a fresh context (empty cache) and sums response bodies, split by whether they are Pagefind's. */
async function load(browser: Browser, url: string, after?: (page: Page) => Promise<void>): Promise<{ site: Weight; pagefind: Weight; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const site: Weight = { requests: 0, bytes: 0, gzip: 0 };
  const pagefind: Weight = { requests: 0, bytes: 0, gzip: 0 };
  const pending: Array<Promise<void>> = [];
  page.on('response', (r) => {
    pending.push(
      r
        .body()
        .then((body) => {
          const into = /\/pagefind(-\d+)?\//.test(new URL(r.url()).pathname) ? pagefind : site;
          into.requests++;
          into.bytes += body.length;
          // GitHub Pages gzips text; Pagefind's .pf_* files are gzip already, so never count more than raw.
          into.gzip += Math.min(body.length, gzipSync(body).length);
        })
        .catch(() => undefined),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (after) await after(page);
  await Promise.all(pending);
  return { site, pagefind, page, close: () => context.close() };
}

/** The largest built page under a section ("reports/<slug>/index.html"): the worst case a reader meets. */
function largestPage(dist: string, section: string): string | null {
  const dir = join(dist, section);
  if (!existsSync(dir)) return null;
  let best: { path: string; size: number } | null = null;
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, d.name, 'index.html');
    if (!d.isDirectory() || !existsSync(file)) continue;
    const size = statSync(file).size;
    if (!best || size > best.size) best = { path: `${section}/${d.name}/`, size };
  }
  return best?.path ?? null;
}

async function pageWeights(browser: Browser, dist: string): Promise<PageWeight[]> {
  const { serve } = await import('../tests/e2e/support/server.ts');
  const server = await serve(dist, '/');
  const out: PageWeight[] = [];
  try {
    const targets: Array<[string, string | null]> = [
      ['home', ''],
      ['report (largest)', largestPage(dist, 'reports')],
      ['province (largest)', largestPage(dist, 'provinces')],
      ['partner (largest)', largestPage(dist, 'partners')],
    ];
    for (const [label, path] of targets) {
      if (path === null) continue;
      const { site, pagefind, close } = await load(browser, server.url + path);
      await close();
      out.push({ label, path: `/${path}`, ...site, pagefindBytes: pagefind.bytes });
    }
  } finally {
    await server.close();
  }
  return out;
}

async function searchWeights(browser: Browser, dist: string, siteLabel: string, queries: readonly Query[]): Promise<SearchWeight[]> {
  const { serve } = await import('../tests/e2e/support/server.ts');
  const server = await serve(dist, '/');
  const out: SearchWeight[] = [];
  try {
    for (const { kind, query } of queries) {
      let results = '';
      const { pagefind, close } = await load(browser, `${server.url}search/?q=${encodeURIComponent(query)}`, async (page) => {
        // The message first says "searching…" ("Đang tìm kiếm…"); wait for the count that follows.
        const finished = `(() => { const m = document.querySelector('.pagefind-ui__message')?.textContent?.trim() ?? ''; return m !== '' && !m.endsWith('...') && !m.endsWith('…'); })()`;
        await page.waitForFunction(finished, undefined, { timeout: 60_000 }).catch(() => undefined);
        await page.waitForTimeout(500);
        await page.waitForLoadState('networkidle');
        results = ((await page.textContent('.pagefind-ui__message').catch(() => null)) ?? '').trim();
      });
      await close();
      out.push({ site: siteLabel, kind, query, results, ...pagefind });
    }
  } finally {
    await server.close();
  }
  return out;
}

/** A partner and a province that many reports name, read from the entity files just built. */
function searchQueries(contentDir: string): Query[] {
  const entries = (name: string) =>
    existsSync(join(contentDir, 'entities', name))
      ? (JSON.parse(readFileSync(join(contentDir, 'entities', name), 'utf8')) as { entries: Array<Record<string, unknown>> }).entries
      : [];
  const count = (e: Record<string, unknown>, key: string) => (Array.isArray(e[key]) ? (e[key] as unknown[]).length : 0);
  const partner = entries('partners.json').sort((a, b) => count(b, 'mentions') - count(a, 'mentions'))[0];
  const province = entries('provinces.json').sort((a, b) => count(b, 'reports') - count(a, 'reports'))[0];
  const queries: Query[] = [];
  if (partner) queries.push({ kind: 'partner', query: String(partner['nameVi'] ?? partner['name']) });
  if (province) queries.push({ kind: 'province', query: String(province['name']) });
  queries.push({ kind: 'common words', query: 'hợp tác đầu tư nước ngoài' });
  return queries;
}


// ---------------------------------------------------------------- one size

interface Stages {
  content: Measured;
  astro: Measured;
  search: Measured;
}

interface Run extends Stages {
  pages: number;
  dist: DistSize;
}

interface BaselineRun {
  astro: Measured;
  pagefind: Measured;
  pages: number;
  dist: DistSize;
}

/** The end-to-end rebuild after one report changed, every cache (content, Astro, search) kept. */
interface Rebuild extends Stages {
  corpus: string;
  cold: Stages;
  summary: string;
}

interface SizeResult {
  label: string;
  size: number;
  reports: number;
  runs: Run[];
  baseline: BaselineRun[];
  pageWeights: PageWeight[];
  search: SearchWeight[];
  rebuild: Rebuild | null;
  /** Why the bare baseline could not be built at this size, if it could not. */
  baselineFailure?: string;
}

const htmlPages = (dist: string) => walk(dist).filter((p) => p.endsWith('.html') && !/^pagefind(-\d+)?\//.test(p)).length;
const total = (s: Stages) => s.content.ms + s.astro.ms + s.search.ms;
const peakOf = (s: Stages) => Math.max(s.content.peakKiB ?? 0, s.astro.peakKiB ?? 0, s.search.peakKiB ?? 0) || null;

/** A build's three stages into the given folders, as `npm run build` runs them (caches as they are). */
async function buildStages(label: string, dirs: { seeds: string; content: string; cache: string; site: string; dist: string }): Promise<Stages> {
  const env = buildEnv({ ATLAS_CONTENT_DIR: dirs.content });
  log(`${label}: content`);
  const content = await run([CONTENT, '--seeds', dirs.seeds, '--out', dirs.content, '--cache', dirs.cache, '--skip-invalid'], { cwd: ROOT, env, label: 'content stage' });
  log(`${label}: astro build`);
  const astro = await run([ASTRO, 'build', '--outDir', dirs.dist], { cwd: dirs.site, env, label: 'astro build' });
  log(`${label}: search index`);
  const search = await run([SEARCH, '--site', dirs.dist], { cwd: dirs.site, env, label: 'search index' });
  return { content, astro, search };
}

async function measureSize(label: string, corpusDir: string, size: number, repeat: number, opts: Options, browser: Browser | null, largest: boolean): Promise<SizeResult> {
  const sources = readSources(corpusDir);
  const result: SizeResult = { label, size, reports: sources.length, runs: [], baseline: [], pageWeights: [], search: [], rebuild: null };
  const temps: string[] = [];
  const temp = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    temps.push(d);
    return d;
  };
  try {
    const site = siteRoot();
    temps.push(site);
    let last: { seeds: string; content: string; cache: string; site: string; dist: string } | null = null;
    let lastCold: Stages | null = null;
    for (let r = 0; r < repeat; r++) {
      clearCaches(site);
      const dirs = { seeds: corpusDir, content: temp('atlas-bench-content-'), cache: temp('atlas-bench-cache-'), site, dist: temp('atlas-bench-dist-') };
      const stages = await buildStages(`${label} run ${r + 1}/${repeat}`, dirs);
      result.runs.push({ ...stages, pages: htmlPages(dirs.dist), dist: distSize(dirs.dist) });
      if (r === repeat - 1) {
        if (browser) {
          log(`${label}: page weight`);
          result.pageWeights = await pageWeights(browser, dirs.dist);
          if (largest) {
            log(`${label}: search weight`);
            result.search.push(...(await searchWeights(browser, dirs.dist, 'atlas', searchQueries(dirs.content))));
          }
        }
        last = dirs;
        lastCold = stages;
      } else {
        rmSync(dirs.dist, { recursive: true, force: true });
        rmSync(dirs.content, { recursive: true, force: true });
      }
    }
    if (opts.baseline) {
      const base = prepareBaseline(sources);
      temps.push(base.dir);
      for (let r = 0; r < repeat && !result.baselineFailure; r++) {
        const dist = temp('atlas-bench-baseline-dist-');
        clearCaches(base.dir);
        const env = buildEnv({});
        log(`${label} baseline run ${r + 1}/${repeat}: astro build (${base.pages} MDX pages)`);
        try {
          const astro = await run([ASTRO, 'build', '--root', base.dir, '--outDir', dist], { cwd: base.dir, env, label: 'baseline astro build' });
          log(`${label} baseline run ${r + 1}/${repeat}: pagefind`);
          const pagefind = await run([PAGEFIND, '--site', dist], { cwd: base.dir, env, label: 'baseline pagefind' });
          result.baseline.push({ astro, pagefind, pages: htmlPages(dist), dist: distSize(dist) });
        } catch (error) {
          // The bare baseline may not fit where the atlas does (memory): say so and go on.
          result.baselineFailure = String(error).split('\n')[0] ?? 'failed';
          log(`${label} baseline failed: ${result.baselineFailure}`);
          continue;
        }
        if (r === repeat - 1 && browser && largest && result.search.length) {
          log(`${label} baseline: search weight`);
          result.search.push(...(await searchWeights(browser, dist, 'bare baseline', result.search.map(({ kind, query }) => ({ kind, query })))));
        }
        rmSync(dist, { recursive: true, force: true });
      }
    }
    if (size === opts.incremental && last && lastCold) {
      // One report changes (a sentence added); the corpus is a private generated copy.
      const seeds = temp('atlas-bench-rebuild-seeds-');
      cpSync(corpusDir, seeds, { recursive: true });
      const first = readdirSync(seeds).sort()[0] ?? '';
      appendFileSync(join(seeds, first), '\nCâu bổ sung để thay đổi nội dung.\n');
      const stages = await buildStages(`${label} rebuild after one changed report`, { ...last, seeds });
      result.rebuild = { ...stages, corpus: label, cold: lastCold, summary: stages.content.stdout.trim().split('\n').pop() ?? '' };
    }
  } finally {
    if (opts.keep) log(`kept ${temps.join(' ')}`);
    else for (const d of temps) rmSync(d, { recursive: true, force: true });
  }
  return result;
}

// ---------------------------------------------------------------- report

function machine(): string[] {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const version = (pkg: string) => {
    try {
      return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  };
  return [
    `- CPU: ${model}, ${availableParallelism()} cores`,
    `- Memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB (${(freemem() / 1024 ** 3).toFixed(1)} GiB free at start)`,
    `- Node ${process.version} on ${process.platform}; astro ${version('astro')}, @astrojs/mdx ${version('@astrojs/mdx')}, pagefind ${version('pagefind')}`,
    `- Load average at start: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (other work on the machine skews the times)`,
    `- Peak memory: the largest process of the stage's process tree: ${GNU_TIME ? '`/usr/bin/time -v`, and ' : ''}VmHWM from /proc sampled every 200 ms`,
  ];
}


/** A size's results without the stages' captured output. */
function stripOutput(s: SizeResult): unknown {
  return JSON.parse(JSON.stringify(s, (k, v: unknown) => (k === 'stdout' || k === 'stderr' ? undefined : v)));
}

/** GB (10^9 bytes) of a KiB figure. */
const gb = (kib: number | null) => (kib === null ? NaN : (kib * 1024) / 1e9);

function report(sizes: SizeResult[], through: Throughput[], opts: Options, startedAt: Date, elapsedMs: number): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (scripts/bench.ts) on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${sec(elapsedMs)} s. ` +
      `Options: \`--sizes ${opts.sizes.join(',')} --repeat ${opts.repeat} --repeat-seeds ${opts.repeatSeeds} --seed ${opts.seed} --incremental ${opts.incremental}\`. ` +
      'Times are medians of the repeated runs (the run count is in the table). Size 5 is the five seeds; other sizes are synthetic reports from scripts/generate-corpus.ts.',
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Build stages',
    '',
    'Wall times in seconds. *content* = `scripts/build-content.ts` with an empty cache; *astro* = `astro build`; *search* = `scripts/build-search.ts` (Pagefind); ' +
      '*total* = the three, each a separate process, as `npm run build` runs them. Peak RSS in MiB, of the largest process of each stage. ' +
      '*pages* = HTML files built; *site* = bytes of all files of the built site (MB = 10⁶ bytes); *tar* = the uncompressed tar GitHub Pages uploads. ' +
      'The bare baseline is the same article text as plain MDX pages (no fact boxes, entity pages or components) built by astro + the Pagefind CLI.',
    '',
    '| corpus | runs | reports | pages | content | astro | search | total | pages/s | peak RSS content / astro / search | site MB | tar MB | baseline pages | baseline astro | baseline pagefind | baseline total | baseline peak RSS astro / pagefind | baseline site MB | total ÷ baseline |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|---:|',
  );
  for (const s of sizes) {
    const m = (f: (r: Run) => number) => median(s.runs.map(f));
    const peak = (f: (r: Run) => number | null) => mib(s.runs.some((r) => f(r) === null) ? null : median(s.runs.map((r) => f(r) as number)));
    const t = m(total);
    const pages = m((r) => r.pages);
    const b = s.baseline;
    const bm = (f: (x: BaselineRun) => number) => (b.length ? median(b.map(f)) : NaN);
    const bPeak = (f: (x: BaselineRun) => number | null) => (b.length ? mib(median(b.map((x) => f(x) ?? 0))) : '–');
    const bTotal = bm((x) => x.astro.ms + x.pagefind.ms);
    push(
      `| ${s.label} | ${s.runs.length}${b.length ? ` + ${b.length}` : ''} | ${s.reports} | ${pages} | ${sec(m((r) => r.content.ms))} | ${sec(m((r) => r.astro.ms))} | ${sec(m((r) => r.search.ms))} | **${sec(t)}** | ` +
        `${(pages / (t / 1000)).toFixed(1)} | ${peak((r) => r.content.peakKiB)} / ${peak((r) => r.astro.peakKiB)} / ${peak((r) => r.search.peakKiB)} | ${mb(m((r) => r.dist.bytes))} | ${mb(m((r) => r.dist.tarBytes))} | ` +
        (b.length
          ? `${bm((x) => x.pages)} | ${sec(bm((x) => x.astro.ms))} | ${sec(bm((x) => x.pagefind.ms))} | ${sec(bTotal)} | ${bPeak((x) => x.astro.peakKiB)} / ${bPeak((x) => x.pagefind.peakKiB)} | ${mb(bm((x) => x.dist.bytes))} | **${(t / bTotal).toFixed(2)}×** |`
          : `${s.baselineFailure ? `failed: ${s.baselineFailure.replace(/\|/g, '\\|')}` : '–'} | – | – | – | – | – | – |`),
    );
  }
  push('', `![Build time and peak memory against the number of reports](${relative(dirname(opts.out), opts.chart).split(sep).join('/')})`, '');
  push(
    '## Extraction throughput (one core)',
    '',
    'Ingest+extract only (`processFile`), in one thread after a warm-up pass; each run loops over the corpus for at least 2 s. Target (issue 6): ≥ 500 reports/s on the seeds.',
    '',
    '| corpus | reports | runs | reports/s (median) | min – max |',
    '|---|---:|---:|---:|---|',
    ...through.map((t) => `| ${t.corpus} | ${t.reports} | ${t.perSecond.length} | **${median(t.perSecond).toFixed(0)}** | ${Math.min(...t.perSecond).toFixed(0)} – ${Math.max(...t.perSecond).toFixed(0)} |`),
  );
  const weights = sizes.filter((s) => s.pageWeights.length);
  push('', '## Page weight', '');
  if (weights.length) {
    push(
      'Bytes of every response (HTML, CSS, JS, fonts, data) a fresh Chromium loads for the page, served from 127.0.0.1, **excluding /pagefind/** (listed apart). ' +
        'gzip = each response gzipped at level 6, as GitHub Pages serves text. The largest page of each kind is taken (the worst case; for provinces and partners, page 1 of their list).',
      '',
      '| corpus | page | path | requests | bytes (KB) | gzip (KB) | /pagefind/ loaded anyway (KB) |',
      '|---|---|---|---:|---:|---:|---:|',
    );
    for (const s of weights) for (const w of s.pageWeights) push(`| ${s.label} | ${w.label} | \`${w.path}\` | ${w.requests} | ${kb(w.bytes)} | ${kb(w.gzip)} | ${kb(w.pagefindBytes)} |`);
  } else push('Not measured (no Chromium found, or --no-browser).');
  const searched = sizes.filter((s) => s.search.length);
  push('', '## Search weight', '');
  if (searched.length) {
    push(
      'Everything under /pagefind/ (and the other search bundles of a large archive) that one query transfers in a fresh Chromium (library, worker, wasm, metadata, index chunks and the fragments of the results shown), ' +
        "loading `search/?q=…` and waiting for the results. The bare baseline uses Pagefind's default UI on its plain pages.",
      '',
      '| corpus | site | query | kind | requests | bytes (KB) | gzip (KB) | results |',
      '|---|---|---|---|---:|---:|---:|---|',
    );
    for (const s of searched) for (const q of s.search) push(`| ${s.label} | ${q.site} | ${q.query} | ${q.kind} | ${q.requests} | ${kb(q.bytes)} | ${kb(q.gzip)} | ${q.results.replace(/\|/g, '\\|')} |`);
  } else push('Not measured (it runs at the largest size, in Chromium).');
  const rebuilds = sizes.filter((s) => s.rebuild).map((s) => s.rebuild as Rebuild);
  push(
    '',
    '## Rebuild after one changed report',
    '',
    'End to end: after the cold build above, one report gets a sentence more and the three stages run again with every cache kept (the content cache, ' +
      "Astro's cache with its content store and incremental-build pages, the built site). Target (issue 11) at N = 5,000: ≤ 10 % of the cold build.",
    '',
  );
  if (rebuilds.length) {
    push('| corpus | stage | cold (s) | rebuild (s) | rebuild ÷ cold | rebuild peak RSS (MiB) |', '|---|---|---:|---:|---:|---:|');
    for (const r of rebuilds) {
      for (const k of ['content', 'astro', 'search'] as const) push(`| ${r.corpus} | ${k} | ${sec(r.cold[k].ms)} | ${sec(r[k].ms)} | ${((100 * r[k].ms) / r.cold[k].ms).toFixed(1)} % | ${mib(r[k].peakKiB)} |`);
      push(`| ${r.corpus} | **total** | ${sec(total(r.cold))} | ${sec(total(r))} | **${((100 * total(r)) / total(r.cold)).toFixed(1)} %** | |`);
      push('', `Content stage's summary: ${r.summary}`);
    }
  } else push(`Not measured (it runs at N = ${opts.incremental.toLocaleString('en')}, which this run did not build).`);
  push('', '## Targets (issue 11)', '', ...targets(sizes), '', '## Earlier targets (issue 6)', '', ...earlierTargets(sizes, through), '');
  return lines.join('\n');
}

/** Each target of issue 11 against what this run measured, at the size the issue names. */
function targets(sizes: readonly SizeResult[]): string[] {
  const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
  const at = (n: number) => sizes.find((s) => s.size === n);
  const none = (n: number) => `not measured (N = ${n.toLocaleString('en')} not in --sizes)`;
  const out = ['| measure | target | measured | |', '|---|---|---|---|'];
  const s20 = at(20000);
  if (s20) {
    const stagePeaks = s20.runs.map((r) => [r.content.peakKiB ?? 0, r.astro.peakKiB ?? 0, r.search.peakKiB ?? 0]);
    const worst = Math.max(...stagePeaks.flat());
    out.push(`| peak RSS of any build process, 20,000 reports | ≤ 6 GB | ${gb(worst).toFixed(2)} GB (content / astro / search: ${stagePeaks.map((p) => p.map((k) => gb(k).toFixed(2)).join(' / ')).join('; ')}) | ${verdict(gb(worst) <= 6)} |`);
    const dist = median(s20.runs.map((r) => r.dist.bytes));
    const tar = median(s20.runs.map((r) => r.dist.tarBytes));
    out.push(`| site size, 20,000 reports | ≤ 700 MB | ${mb(dist)} MB of files (${mb(tar)} MB as the tar Pages uploads) | ${verdict(tar <= 700e6)} |`);
  } else out.push(`| peak RSS of any build process, 20,000 reports | ≤ 6 GB | ${none(20000)} | |`, `| site size, 20,000 reports | ≤ 700 MB | ${none(20000)} | |`);
  const s5 = at(5000);
  if (s5 && s5.baseline.length) {
    const ratio = median(s5.runs.map(total)) / median(s5.baseline.map((b) => b.astro.ms + b.pagefind.ms));
    const siteOnly = median(s5.runs.map((r) => r.astro.ms + r.search.ms)) / median(s5.baseline.map((b) => b.astro.ms + b.pagefind.ms));
    out.push(`| whole build ÷ bare Astro + Pagefind, 5,000 reports | ≤ 1.3× | ${ratio.toFixed(2)}× (astro + search alone: ${siteOnly.toFixed(2)}×) | ${verdict(ratio <= 1.3)} |`);
  } else out.push(`| whole build ÷ bare Astro + Pagefind, 5,000 reports | ≤ 1.3× | ${s5 ? 'not measured (--no-baseline)' : none(5000)} | |`);
  const r5 = s5?.rebuild;
  if (r5) {
    const share = total(r5) / total(r5.cold);
    out.push(`| rebuild after one changed report, end to end, 5,000 | ≤ 10 % of cold | ${(100 * share).toFixed(1)} % (${sec(total(r5))} s of ${sec(total(r5.cold))} s) | ${verdict(share <= 0.1)} |`);
  } else out.push(`| rebuild after one changed report, end to end, 5,000 | ≤ 10 % of cold | ${none(5000)} | |`);
  const weighed = sizes.filter((s) => s.pageWeights.length && s.size !== 5);
  const largestWeighed = weighed[weighed.length - 1];
  if (largestWeighed) {
    const w = (s: SizeResult, label: string) => s.pageWeights.find((p) => p.label.startsWith(label))?.gzip ?? NaN;
    // Flat: from the build with a quarter of the largest's reports (or the nearest) to the largest, at most +10 %.
    const from = [...weighed].sort((a, b) => Math.abs(a.size - largestWeighed.size / 4) - Math.abs(b.size - largestWeighed.size / 4))[0] as SizeResult;
    for (const label of ['home', 'province', 'partner']) {
      const series = weighed.map((s) => `${kb(w(s, label))} KB at ${s.size.toLocaleString('en')}`).join(', ');
      const growth = w(largestWeighed, label) / w(from, label) - 1;
      const compared = from !== largestWeighed;
      const ok = w(largestWeighed, label) <= 150_000 && (!compared || growth <= 0.1);
      out.push(
        `| ${label} page (largest of its kind), gzip | ≤ 150 KB, flat in N | ${series}` +
          `${compared ? ` (${growth >= 0 ? '+' : ''}${(100 * growth).toFixed(0)} % from ${from.size.toLocaleString('en')} to ${largestWeighed.size.toLocaleString('en')} reports)` : ''} | ` +
          `${verdict(ok)}${largestWeighed.size < 20000 ? ' (N = 20,000 not measured)' : ''} |`,
      );
    }
  } else out.push('| home and largest province/partner page, gzip | ≤ 150 KB, flat in N | not measured (no Chromium, or no generated size) | |');
  return out;
}

/** The targets of issue 6 that this bench still measures. */
function earlierTargets(sizes: readonly SizeResult[], through: readonly Throughput[]): string[] {
  const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
  const out: string[] = [];
  const seeds = through.find((t) => t.corpus.startsWith('seeds'));
  if (seeds) out.push(`- Extraction ≥ 500 reports/s on one core (seeds): ${median(seeds.perSecond).toFixed(0)}/s — ${verdict(median(seeds.perSecond) >= 500)}.`);
  const weighed = [...sizes].reverse().find((s) => s.pageWeights.length);
  const reportPage = weighed?.pageWeights.find((w) => w.label.startsWith('report'));
  if (weighed && reportPage) out.push(`- Report page ≤ 50 KB transferred without search (gzip): ${kb(reportPage.gzip)} KB (${kb(reportPage.bytes)} KB raw), largest report at ${weighed.label} — ${verdict(reportPage.gzip <= 50_000)}.`);
  const searched = [...sizes].reverse().find((s) => s.search.length);
  if (searched) {
    for (const q of searched.search.filter((x) => x.site === 'atlas')) {
      const limit = q.kind === 'common words' ? 300_000 : 150_000;
      const bare = searched.search.find((x) => x.site !== 'atlas' && x.query === q.query);
      out.push(
        `- Search for ${q.kind} "${q.query}" ≤ ${limit / 1000} KB gzip (issue 6 set it at N = 5,000) at ${searched.label}: ${kb(q.gzip)} KB — ${verdict(q.gzip <= limit)}` +
          (bare ? `; bare Pagefind ${kb(bare.gzip)} KB.` : '.'),
      );
    }
  }
  out.push('- Lighthouse scores: measured by `npm run lighthouse` (not part of this run).');
  return out;
}

/** Time and memory against the number of reports, ours and the bare baseline's, as an SVG (d3). */
function chart(sizes: readonly SizeResult[]): string {
  const generated = sizes.filter((s) => s.runs.length);
  const point = (s: SizeResult, v: number) => ({ reports: s.reports, value: v });
  const withBase = generated.filter((s) => s.baseline.length);
  const baseTotal = (s: SizeResult) => median(s.baseline.map((b) => b.astro.ms + b.pagefind.ms));
  const basePeak = (s: SizeResult) => median(s.baseline.map((b) => Math.max(b.astro.peakKiB ?? 0, b.pagefind.peakKiB ?? 0)));
  const blue = '#1f5fa8';
  const grey = '#6b6b6b';
  const time: ChartSeries[] = [
    { label: 'Atlas: whole build (content + astro + search)', color: blue, points: generated.map((s) => point(s, median(s.runs.map(total)) / 1000)) },
    { label: 'Atlas: astro build', color: '#5aa0e0', points: generated.map((s) => point(s, median(s.runs.map((r) => r.astro.ms)) / 1000)) },
    { label: 'Bare Astro + Pagefind', color: grey, dashed: true, points: withBase.map((s) => point(s, baseTotal(s) / 1000)) },
  ];
  const memory: ChartSeries[] = [
    { label: 'Atlas: whole build (content + astro + search)', color: blue, points: generated.map((s) => point(s, gb(median(s.runs.map((r) => peakOf(r) ?? 0))))) },
    { label: 'Atlas: astro build', color: '#5aa0e0', points: generated.map((s) => point(s, gb(median(s.runs.map((r) => r.astro.peakKiB ?? 0))))) },
    { label: 'Bare Astro + Pagefind', color: grey, dashed: true, points: withBase.map((s) => point(s, gb(basePeak(s)))) },
  ];
  return scalingChart('Ngoại vụ Atlas: build time and peak memory against the number of reports (npm run bench)', [
    { title: 'Build time', unit: 's', series: time },
    { title: 'Peak RSS of the largest process', unit: 'GB', series: memory, rules: [{ value: 6, label: 'target: 6 GB' }] },
  ]);
}

// ---------------------------------------------------------------- main

/** Everything after this line of the results file is written by hand and kept when the bench rewrites the file. */
const NOTES_MARKER = '<!-- Notes below are written by hand; npm run bench keeps them when it rewrites this file. -->';

function withNotes(text: string, out: string): string {
  const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const at = previous.indexOf(NOTES_MARKER);
  return at < 0 ? text : `${text}\n${previous.slice(at)}`;
}

interface Options {
  sizes: number[];
  repeat: number;
  repeatSeeds: number;
  seed: number;
  out: string;
  chart: string;
  incremental: number;
  baseline: boolean;
  browser: boolean;
  keep: boolean;
}

const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '5,1000,5000' },
      repeat: { type: 'string', default: '1' },
      'repeat-seeds': { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/RESULTS.md' },
      chart: { type: 'string', default: 'bench/scaling.svg' },
      incremental: { type: 'string', default: '5000' },
      'no-baseline': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const opts: Options = {
    sizes: values.sizes.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0),
    repeat: Math.max(1, Number(values.repeat)),
    repeatSeeds: Math.max(1, Number(values['repeat-seeds'])),
    seed: Number(values.seed),
    out: resolve(ROOT, values.out),
    chart: resolve(ROOT, values.chart),
    incremental: Number(values.incremental),
    baseline: !values['no-baseline'],
    browser: !values['no-browser'],
    keep: values.keep,
  };
  const startedAt = new Date();
  const t0 = performance.now();
  const browser = opts.browser ? await launchChromium() : null;
  if (opts.browser && !browser) log('no Chromium found (set CHROMIUM_PATH): page and search weight are skipped');
  const largest = Math.max(...opts.sizes);
  const sizes: SizeResult[] = [];
  const through: Throughput[] = [];
  const generated: string[] = [];
  try {
    for (const size of opts.sizes) {
      const isSeeds = size === 5;
      const dir = isSeeds ? join(ROOT, 'seeds') : mkdtempSync(join(tmpdir(), `atlas-bench-corpus-${size}-`));
      if (!isSeeds) {
        generated.push(dir);
        log(`generating ${size} reports (seed ${opts.seed})`);
        generateCorpus({ n: size, seed: opts.seed, outDir: dir });
      }
      const label = isSeeds ? 'seeds (5)' : `generated ${size.toLocaleString('en')}`;
      if (isSeeds || size === Math.min(...opts.sizes.filter((n) => n !== 5))) {
        log(`${label}: extraction throughput`);
        const sources = readSources(dir);
        through.push(throughput(label, isSeeds ? sources : sources.slice(0, 500), opts.repeatSeeds));
      }
      sizes.push(await measureSize(label, dir, size, isSeeds ? opts.repeatSeeds : opts.repeat, opts, browser, size === largest));
      if (!isSeeds && !opts.keep) rmSync(dir, { recursive: true, force: true });
      // Write after every size so a long run leaves results behind even if a later size fails.
      write(opts.out, withNotes(report(sizes, through, opts, startedAt, performance.now() - t0), opts.out));
      write(opts.chart, chart(sizes));
    }
  } finally {
    await browser?.close();
    for (const d of generated) if (!opts.keep) rmSync(d, { recursive: true, force: true });
  }
  const text = report(sizes, through, opts, startedAt, performance.now() - t0);
  write(opts.out, withNotes(text, opts.out));
  // Every figure measured, for other uses than this report (not versioned: bench/out/ is ignored).
  write(join(ROOT, 'bench/out/results.json'), `${JSON.stringify({ startedAt, opts, sizes: sizes.map(stripOutput), through }, null, 1)}\n`);
  write(opts.chart, chart(sizes));
  console.log(text);
  log(`wrote ${relative(ROOT, opts.out)} and ${relative(ROOT, opts.chart)}`);
}

await main();
