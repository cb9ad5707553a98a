/**
 * npm run bench [-- --sizes 5,1000,5000 --repeat 1 --repeat-seeds 3 --seed 1 --out bench/RESULTS.md]
 *                  [--no-baseline] [--no-browser] [--keep]
 *
 * Measures the whole build for the five seeds (size 5) and for generated corpora (any other size,
 * scripts/generate-corpus.ts, seed --seed): each stage's wall time (ingest+extract, link+emit,
 * astro build, pagefind), peak memory (RSS) per stage, pages per second; extraction throughput on
 * one core; a bare baseline (the same report text as plain MDX pages, scripts/bench-baseline/)
 * built the same way, and our total as a ratio to it; page weight of a report, province, partner
 * and the home page in Chromium (without /pagefind/); and the bytes one search query transfers at
 * the largest size. Writes a Markdown report to --out and prints it. It measures and reports only:
 * nothing here passes or fails on a time.
 *
 * Every build runs from temporary content and output folders (ATLAS_CONTENT_DIR, astro --outDir)
 * and a temporary copy of the site's sources with a private node_modules of symlinks, so content/,
 * dist/ and the project's .astro caches are never touched and every run is a cold build. Stages run as child processes under `/usr/bin/time -v`
 * for their peak RSS (or, without it, by sampling /proc/<pid>/status VmHWM of the process tree).
 *
 * Internal: `node scripts/bench.ts --stage content --seeds DIR --content DIR` is the content stage
 * (what scripts/build-content.ts does, with the ingest+extract and link+emit times split).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem, availableParallelism } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { emit, ingest, isProblem, link, processFile, type Extracted, type SourceFile } from '../src/pipeline/index.ts';
import { buildEnv } from './build-env.ts';
import { generateCorpus } from './generate-corpus.ts';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const NODE = process.execPath;
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const PAGEFIND = join(ROOT, 'node_modules/pagefind/lib/runner/bin.cjs');
const BASELINE_TEMPLATE = join(ROOT, 'scripts/bench-baseline');

// ---------------------------------------------------------------- small helpers

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const sec = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);
const mib = (kib: number | null) => (kib === null ? 'n/a' : (kib / 1024).toFixed(0));
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

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
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  visit(dir);
  return out;
}

// ---------------------------------------------------------------- child processes with peak RSS

interface Measured {
  ms: number;
  /** Peak resident set size of the process tree's largest process, KiB; null when unknown. */
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
  const useTime = GNU_TIME !== null;
  const [cmd, ...rest] = useTime ? [GNU_TIME as string, '-v', NODE, ...args] : [NODE, ...args];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(cmd as string, rest, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let sampled = 0;
    const sampler = useTime || !existsSync('/proc') ? null : setInterval(() => (sampled = Math.max(sampled, treeHighWater(child.pid ?? 0))), 100);
    child.on('error', fail);
    child.on('close', (code) => {
      if (sampler) clearInterval(sampler);
      const ms = performance.now() - started;
      if (code !== 0) {
        fail(new Error(`${options.label} failed (exit ${code}):\n${stdout.slice(-2000)}\n${stderr.slice(-3000)}`));
        return;
      }
      const fromTime = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      done({ ms, peakKiB: fromTime ? Number(fromTime[1]) : sampled || null, stdout, stderr });
    });
  });
}

// ---------------------------------------------------------------- the content stage (child mode)

interface ContentTimes {
  reports: number;
  problems: number;
  readMs: number;
  ingestExtractMs: number;
  linkEmitMs: number;
}

/** Mirrors scripts/build-content.ts, timing ingest+extract and link+emit(+write) apart. */
function contentStage(seedsDir: string, contentDir: string): ContentTimes {
  let t = performance.now();
  const sources = readSources(seedsDir);
  const readMs = performance.now() - t;
  t = performance.now();
  const results = sources.map(processFile);
  const ingestExtractMs = performance.now() - t;
  t = performance.now();
  const ok = results.filter((r): r is Extracted => !isProblem(r));
  const files = emit(link(ok));
  rmSync(join(contentDir, 'reports'), { recursive: true, force: true });
  rmSync(join(contentDir, 'entities'), { recursive: true, force: true });
  for (const f of files) write(join(contentDir, f.path), f.content);
  write(join(contentDir, 'build-report.json'), `${JSON.stringify({ $comment: 'Generated by scripts/bench.ts.', skipped: results.filter(isProblem) }, null, 1)}\n`);
  const linkEmitMs = performance.now() - t;
  return { reports: ok.length, problems: results.length - ok.length, readMs, ingestExtractMs, linkEmitMs };
}

// ---------------------------------------------------------------- incremental content build

interface Incremental {
  corpus: string;
  coldMs: number;
  unchangedMs: number;
  oneChangedMs: number;
  summary: string;
}

/**
 * The real `npm run content` (scripts/build-content.ts) on a corpus: cold (empty cache), again with
 * nothing changed, and after one report changed. Target: one change ≤ 5 % of a cold build.
 */
function incremental(corpus: string, seedsDir: string): Incremental {
  const work = mkdtempSync(join(tmpdir(), 'atlas-bench-incr-'));
  const seeds = join(work, 'seeds');
  cpSync(seedsDir, seeds, { recursive: true });
  const once = () => {
    const t = performance.now();
    const out = execFileSync(NODE, [join(ROOT, 'scripts/build-content.ts'), '--seeds', seeds, '--out', join(work, 'content'), '--cache', join(work, 'cache'), '--skip-invalid'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { ms: performance.now() - t, out: out.trim() };
  };
  const cold = once();
  const unchanged = once();
  const first = readdirSync(seeds).sort()[0] ?? '';
  writeFileSync(join(seeds, first), `${readFileSync(join(seeds, first), 'utf8')}\nCâu bổ sung để thay đổi nội dung.\n`);
  const changed = once();
  rmSync(work, { recursive: true, force: true });
  return { corpus, coldMs: cold.ms, unchangedMs: unchanged.ms, oneChangedMs: changed.ms, summary: changed.out };
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
  for (const d of ['.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(root, d), { recursive: true, force: true });
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
  /** Bytes under /pagefind/ the page loaded anyway (not counted above). */
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
          const into = new URL(r.url()).pathname.includes('/pagefind/') ? pagefind : site;
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

interface Run {
  content: Measured & { times: ContentTimes };
  astro: Measured;
  pagefind: Measured;
  pages: number;
}

interface SizeResult {
  label: string;
  size: number;
  reports: number;
  runs: Run[];
  baseline: Array<{ astro: Measured; pagefind: Measured; pages: number }>;
  pageWeights: PageWeight[];
  search: SearchWeight[];
}

const htmlPages = (dist: string) => walk(dist).filter((p) => p.endsWith('.html') && !p.startsWith('pagefind/')).length;

async function measureSize(label: string, corpusDir: string, size: number, repeat: number, opts: Options, browser: Browser | null, withSearch: boolean): Promise<SizeResult> {
  const sources = readSources(corpusDir);
  const result: SizeResult = { label, size, reports: sources.length, runs: [], baseline: [], pageWeights: [], search: [] };
  const temps: string[] = [];
  const temp = (prefix: string) => {
    const d = mkdtempSync(join(tmpdir(), prefix));
    temps.push(d);
    return d;
  };
  try {
    const site = siteRoot();
    temps.push(site);
    for (let r = 0; r < repeat; r++) {
      const last = r === repeat - 1;
      clearCaches(site);
      const content = temp('atlas-bench-content-');
      const dist = temp('atlas-bench-dist-');
      const env = buildEnv({ ATLAS_CONTENT_DIR: content });
      log(`${label} run ${r + 1}/${repeat}: content`);
      const c = await run([join(ROOT, 'scripts/bench.ts'), '--stage', 'content', '--seeds', corpusDir, '--content', content], { cwd: ROOT, env, label: 'content stage' });
      const times = JSON.parse(c.stdout.trim().split('\n').pop() ?? '{}') as ContentTimes;
      log(`${label} run ${r + 1}/${repeat}: astro build (${times.reports} reports)`);
      const astro = await run([ASTRO, 'build', '--outDir', dist], { cwd: site, env, label: 'astro build' });
      log(`${label} run ${r + 1}/${repeat}: pagefind`);
      const pagefind = await run([PAGEFIND, '--site', dist], { cwd: site, env, label: 'pagefind' });
      result.runs.push({ content: { ...c, times }, astro, pagefind, pages: htmlPages(dist) });
      if (last && browser) {
        log(`${label}: page weight`);
        result.pageWeights = await pageWeights(browser, dist);
        if (withSearch) {
          log(`${label}: search weight`);
          result.search.push(...(await searchWeights(browser, dist, 'atlas', searchQueries(content))));
        }
      }
      if (!opts.keep) {
        rmSync(dist, { recursive: true, force: true });
        rmSync(content, { recursive: true, force: true });
      } else log(`kept ${content} and ${dist}`);
    }
    if (opts.baseline) {
      const base = prepareBaseline(sources);
      temps.push(base.dir);
      for (let r = 0; r < repeat; r++) {
        const dist = temp('atlas-bench-baseline-dist-');
        clearCaches(base.dir);
        const env = buildEnv({});
        log(`${label} baseline run ${r + 1}/${repeat}: astro build (${base.pages} MDX pages)`);
        const astro = await run([ASTRO, 'build', '--root', base.dir, '--outDir', dist], { cwd: base.dir, env, label: 'baseline astro build' });
        log(`${label} baseline run ${r + 1}/${repeat}: pagefind`);
        const pagefind = await run([PAGEFIND, '--site', dist], { cwd: base.dir, env, label: 'baseline pagefind' });
        result.baseline.push({ astro, pagefind, pages: htmlPages(dist) });
        if (r === repeat - 1 && browser && withSearch && result.search.length) {
          log(`${label} baseline: search weight`);
          result.search.push(...(await searchWeights(browser, dist, 'bare baseline', result.search.map(({ kind, query }) => ({ kind, query })))));
        }
        if (!opts.keep) rmSync(dist, { recursive: true, force: true });
      }
    }
  } finally {
    if (!opts.keep) for (const d of temps) rmSync(d, { recursive: true, force: true });
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
    `- Peak memory: ${GNU_TIME ? '`/usr/bin/time -v` (maximum RSS of the largest process in the stage)' : 'sampled /proc/<pid>/status VmHWM (largest process in the stage)'}`,
  ];
}

function report(sizes: SizeResult[], through: Throughput[], opts: Options, startedAt: Date, elapsedMs: number): string {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` (scripts/bench.ts) on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${sec(elapsedMs)} s. ` +
      `Options: \`--sizes ${opts.sizes.join(',')} --repeat ${opts.repeat} --repeat-seeds ${opts.repeatSeeds} --seed ${opts.seed}\`. ` +
      'Times are medians of the repeated runs (the run count is in the table). Size 5 is the five seeds; other sizes are synthetic reports from scripts/generate-corpus.ts.',
    '',
    '## Machine',
    '',
    ...machine(),
    '',
    '## Build stages',
    '',
    'Wall times in seconds. *content* = ingest+extract, then link+emit (writing content/); *total* = content + astro build + pagefind, each a separate process. ' +
      'Peak RSS in MiB. *pages* = HTML files built (reports, entity pages, lists). The bare baseline is the same article text as plain MDX pages (no fact boxes, entity pages or components) built by astro + pagefind.',
    '',
    '| corpus | runs | reports | pages | ingest+extract | link+emit | content (process) | astro build | pagefind | total | pages/s (astro) | pages/s (total) | peak RSS content / astro / pagefind | baseline pages | baseline astro | baseline pagefind | baseline total | baseline peak RSS astro / pagefind | total ÷ baseline |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|',
  );
  for (const s of sizes) {
    const m = (f: (r: Run) => number) => median(s.runs.map(f));
    const peak = (f: (r: Run) => number | null) => mib(s.runs.some((r) => f(r) === null) ? null : median(s.runs.map((r) => f(r) as number)));
    const total = m((r) => r.content.ms + r.astro.ms + r.pagefind.ms);
    const pages = m((r) => r.pages);
    const b = s.baseline;
    const bm = (f: (x: SizeResult['baseline'][number]) => number) => (b.length ? median(b.map(f)) : NaN);
    const bPeak = (f: (x: SizeResult['baseline'][number]) => number | null) => (b.length ? mib(median(b.map((x) => f(x) ?? 0))) : '–');
    const bTotal = bm((x) => x.astro.ms + x.pagefind.ms);
    push(
      `| ${s.label} | ${s.runs.length}${b.length ? ` + ${b.length}` : ''} | ${s.reports} | ${pages} | ${sec(m((r) => r.content.times.ingestExtractMs))} | ${sec(m((r) => r.content.times.linkEmitMs))} | ` +
        `${sec(m((r) => r.content.ms))} | ${sec(m((r) => r.astro.ms))} | ${sec(m((r) => r.pagefind.ms))} | **${sec(total)}** | ` +
        `${(pages / (m((r) => r.astro.ms) / 1000)).toFixed(1)} | ${(pages / (total / 1000)).toFixed(1)} | ` +
        `${peak((r) => r.content.peakKiB)} / ${peak((r) => r.astro.peakKiB)} / ${peak((r) => r.pagefind.peakKiB)} | ` +
        (b.length
          ? `${bm((x) => x.pages)} | ${sec(bm((x) => x.astro.ms))} | ${sec(bm((x) => x.pagefind.ms))} | ${sec(bTotal)} | ${bPeak((x) => x.astro.peakKiB)} / ${bPeak((x) => x.pagefind.peakKiB)} | **${(total / bTotal).toFixed(2)}×** |`
          : '– | – | – | – | – | – |'),
    );
  }
  push(
    '',
    '## Extraction throughput (one core)',
    '',
    'Ingest+extract only (`processFile`), in one thread after a warm-up pass; each run loops over the corpus for at least 2 s. Target: ≥ 500 reports/s on the seeds.',
    '',
    '| corpus | reports | runs | reports/s (median) | min – max |',
    '|---|---:|---:|---:|---|',
    ...through.map(
      (t) =>
        `| ${t.corpus} | ${t.reports} | ${t.perSecond.length} | **${median(t.perSecond).toFixed(0)}** | ${Math.min(...t.perSecond).toFixed(0)} – ${Math.max(...t.perSecond).toFixed(0)} |`,
    ),
  );
  const weights = sizes.filter((s) => s.pageWeights.length);
  push('', '## Page weight', '');
  if (weights.length) {
    push(
      'Bytes of every response (HTML, CSS, JS, fonts, data) a fresh Chromium loads for the page, served from 127.0.0.1, **excluding /pagefind/** (listed apart). ' +
        'gzip = each response gzipped at level 6, as GitHub Pages serves text. The largest page of each kind is taken (the worst case). Target: a report page ≤ 50 KB transferred.',
      '',
      '| corpus | page | path | requests | bytes (KB) | gzip (KB) | /pagefind/ loaded anyway (KB) |',
      '|---|---|---|---:|---:|---:|---:|',
    );
    for (const s of weights) {
      for (const w of s.pageWeights) push(`| ${s.label} | ${w.label} | \`${w.path}\` | ${w.requests} | ${kb(w.bytes)} | ${kb(w.gzip)} | ${kb(w.pagefindBytes)} |`);
    }
  } else push('Not measured (no Chromium found, or --no-browser).');
  const searched = sizes.filter((s) => s.search.length);
  push('', '## Search weight', '');
  if (searched.length) {
    push(
      'Everything under /pagefind/ that one query transfers in a fresh Chromium (library, worker, wasm, metadata, index chunks and the fragments of the results shown), ' +
        "loading `search/?q=…` and waiting for the results. The bare baseline uses Pagefind's default UI on its plain pages. " +
        'Targets at N = 5,000: a partner or province name ≤ 150 KB gzip, common words ≤ 300 KB gzip, both below the bare baseline.',
      '',
      '| corpus | site | query | kind | requests | bytes (KB) | gzip (KB) | results |',
      '|---|---|---|---|---:|---:|---:|---|',
    );
    for (const s of searched) {
      for (const q of s.search) push(`| ${s.label} | ${q.site} | ${q.query} | ${q.kind} | ${q.requests} | ${kb(q.bytes)} | ${kb(q.gzip)} | ${q.results.replace(/\|/g, '\\|')} |`);
    }
  } else push('Not measured (it runs at the largest size, in Chromium).');
  push('', '## Incremental content build', '', 'The real `npm run content` (scripts/build-content.ts, extraction cache + worker pool + write-if-changed), run cold, again unchanged, and after one report changed. Target at N = 1,000: one change ≤ 5 % of a cold build.', '');
  if (incrementals.length) {
    push('| corpus | cold (s) | unchanged (s) | one report changed (s) | one changed ÷ cold | last summary line |', '|---|---:|---:|---:|---:|---|');
    for (const i of incrementals) push(`| ${i.corpus} | ${sec(i.coldMs)} | ${sec(i.unchangedMs)} | ${sec(i.oneChangedMs)} | ${((100 * i.oneChangedMs) / i.coldMs).toFixed(1)} % | ${i.summary.replace(/\|/g, '\\|')} |`);
  } else push('Not measured (it runs at N = 1,000).');
  push('', '## Targets (issue 6)', '', ...targets(sizes, through), '');
  return lines.join('\n');
}

/** Each measured target against the issue's threshold, at the size the issue names or the largest measured. */
function targets(sizes: readonly SizeResult[], through: readonly Throughput[]): string[] {
  const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
  const out: string[] = [];
  const big = sizes.find((s) => s.size === 5000) ?? [...sizes].sort((a, b) => b.size - a.size)[0];
  if (big && big.baseline.length) {
    const total = median(big.runs.map((r) => r.content.ms + r.astro.ms + r.pagefind.ms));
    const base = median(big.baseline.map((b) => b.astro.ms + b.pagefind.ms));
    out.push(`- Whole pipeline ≤ 1.3 × the bare baseline (N = 5,000): ${(total / base).toFixed(2)}× at ${big.label} — ${verdict(total / base <= 1.3)}${big.size === 5000 ? '' : ' (N = 5,000 not run)'}.`);
  }
  const seeds = through.find((t) => t.corpus.startsWith('seeds'));
  if (seeds) out.push(`- Extraction ≥ 500 reports/s on one core (seeds): ${median(seeds.perSecond).toFixed(0)}/s — ${verdict(median(seeds.perSecond) >= 500)}.`);
  const weighed = [...sizes].reverse().find((s) => s.pageWeights.length);
  const reportPage = weighed?.pageWeights.find((w) => w.label.startsWith('report'));
  if (weighed && reportPage) {
    out.push(`- Report page ≤ 50 KB transferred without search (gzip): ${kb(reportPage.gzip)} KB (${kb(reportPage.bytes)} KB raw), largest report at ${weighed.label} — ${verdict(reportPage.gzip <= 50_000)}.`);
  }
  const searched = [...sizes].reverse().find((s) => s.search.length);
  if (searched) {
    for (const q of searched.search.filter((x) => x.site === 'atlas')) {
      const limit = q.kind === 'common words' ? 300_000 : 150_000;
      const bare = searched.search.find((x) => x.site !== 'atlas' && x.query === q.query);
      const better = bare ? q.gzip < bare.gzip : null;
      out.push(
        `- Search for ${q.kind} "${q.query}" ≤ ${limit / 1000} KB gzip at ${searched.label}: ${kb(q.gzip)} KB — ${verdict(q.gzip <= limit)}` +
          (bare ? `; bare Pagefind ${kb(bare.gzip)} KB — ${better ? 'lighter than bare' : 'not lighter than bare'}` : '') +
          (searched.size === 5000 ? '.' : ' (N = 5,000 not run).'),
      );
    }
  }
  for (const i of incrementals) {
    const share = (100 * i.oneChangedMs) / i.coldMs;
    out.push(`- Rebuild after one changed report: content stage ≤ 5 % of a cold content build (N = 1,000): ${share.toFixed(1)} % at ${i.corpus} — ${verdict(share <= 5)}.`);
  }
  out.push('- Lighthouse scores: measured by `npm run lighthouse` (not part of this run).');
  return out;
}

// ---------------------------------------------------------------- main

interface Options {
  sizes: number[];
  repeat: number;
  repeatSeeds: number;
  seed: number;
  out: string;
  baseline: boolean;
  browser: boolean;
  keep: boolean;
}

const incrementals: Incremental[] = [];
const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      stage: { type: 'string' },
      seeds: { type: 'string' },
      content: { type: 'string' },
      sizes: { type: 'string', default: '5,1000,5000' },
      repeat: { type: 'string', default: '1' },
      'repeat-seeds': { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string', default: 'bench/RESULTS.md' },
      'no-baseline': { type: 'boolean', default: false },
      'no-browser': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  if (values.stage === 'content') {
    if (!values.seeds || !values.content) throw new Error('--stage content needs --seeds and --content');
    console.log(JSON.stringify(contentStage(resolve(values.seeds), resolve(values.content))));
    return;
  }
  const opts: Options = {
    sizes: values.sizes.split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0),
    repeat: Math.max(1, Number(values.repeat)),
    repeatSeeds: Math.max(1, Number(values['repeat-seeds'])),
    seed: Number(values.seed),
    out: resolve(ROOT, values.out),
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
  incrementals.length = 0;
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
      if (size === 1000) {
        log(`${label}: incremental content build`);
        incrementals.push(incremental(label, dir));
      }
      // Write after every size so a long run leaves results behind even if a later size fails.
      write(opts.out, report(sizes, through, opts, startedAt, performance.now() - t0));
    }
  } finally {
    await browser?.close();
    for (const d of generated) if (!opts.keep) rmSync(d, { recursive: true, force: true });
  }
  const text = report(sizes, through, opts, startedAt, performance.now() - t0);
  write(opts.out, text);
  console.log(text);
  log(`wrote ${relative(ROOT, opts.out)}`);
}

await main();
