/**
 * npm run content [-- --skip-invalid] [--seeds DIR] [--out DIR] [--cache DIR | --no-cache]
 * Turns every report in seeds/ into content/ (MDX pages and entity JSON). A report that cannot be
 * read fails the build after every problem is listed, unless --skip-invalid is given, in which case
 * the rest is built and the skipped files are listed on the site's build report page.
 *
 * Incremental: ingest + extract results are cached by file hash and extractor version, large
 * batches of new files are extracted in a worker pool, and only output files whose content changed
 * are rewritten (Astro then re-renders only those).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { ExtractCache } from '../src/pipeline/cache.ts';
import { emit, isProblem, link, processFileSafely, type Extracted, type Problem, type SourceFile } from '../src/pipeline/index.ts';

/** Below this many uncached files, starting workers costs more than it saves. */
const POOL_THRESHOLD = 200;

const { values } = parseArgs({
  options: {
    'skip-invalid': { type: 'boolean', default: false },
    seeds: { type: 'string', default: 'seeds' },
    out: { type: 'string', default: 'content' },
    cache: { type: 'string', default: '.cache/content' },
    'no-cache': { type: 'boolean', default: false },
  },
});
const seedsDir = resolve(values.seeds);
const outDir = resolve(values.out);

const started = performance.now();
const { sources, problems: unreadable, ignored } = readSeeds(seedsDir);
const cache = values['no-cache'] ? null : new ExtractCache(resolve(values.cache));
const results = await processAll(sources, cache);
const invalid = results.filter(isProblem);
const atlas = link(results.filter((r): r is Extracted => !isProblem(r)));
const files = emit(atlas, cache?.emitMemo());
const problems = [...unreadable, ...invalid].sort((a, b) => a.file.localeCompare(b.file));

const shown = (file: string) => join(values.seeds, file);
for (const p of ignored) console.error(`ignored: ${shown(p.file)}: ${p.reason}`);
for (const p of problems) console.error(`${values['skip-invalid'] ? 'skipped' : 'error'}: ${shown(p.file)}: ${p.reason}`);
if (problems.length && !values['skip-invalid']) {
  console.error(`\n${problems.length} report(s) could not be built; nothing was written. Fix them, or rebuild with --skip-invalid to publish the rest.`);
  process.exitCode = 1;
} else {
  const outputs = [...files, { path: 'build-report.json', content: `${JSON.stringify(buildReport([...problems, ...ignored]), null, 1)}\n` }];
  const written = writeChanged(outDir, outputs);
  const ms = performance.now() - started;
  console.log(
    `content: ${atlas.reports.length} reports, ${atlas.provinces.length} provinces, ${atlas.partners.length} partners, ` +
      `${atlas.countries.length} countries, ${atlas.organizations.length} organisations in ${ms.toFixed(0)} ms` +
      (problems.length ? `; ${problems.length} skipped` : '') +
      (ignored.length ? `; ${ignored.length} ignored` : '') +
      (cache ? `; extraction cache ${cache.hits} hit(s), ${cache.misses} miss(es)` : '') +
      `; ${written.changed} file(s) written, ${written.removed} removed`,
  );
}

/** Cached results where the bytes are unchanged; the rest extracted here, or in workers when many. */
async function processAll(sources: SourceFile[], cache: ExtractCache | null): Promise<Array<Extracted | Problem>> {
  const results: Array<Extracted | Problem | undefined> = sources.map((s) => cache?.get(s.file, s.bytes));
  const todo = sources.map((s, i) => ({ s, i })).filter(({ i }) => !results[i]);
  const workers = Math.min(availableParallelism(), Math.ceil(todo.length / POOL_THRESHOLD));
  const fresh = workers > 1 ? await inWorkers(todo.map((t) => t.s), workers) : todo.map((t) => processFileSafely(t.s));
  todo.forEach(({ s, i }, k) => {
    const r = fresh[k];
    if (!r) return;
    results[i] = r;
    // Internal errors are not cached: they may be fixed without any change to the extractor's inputs.
    if (!(isProblem(r) && r.reason.startsWith('internal error'))) cache?.set(s.bytes, r);
  });
  return results.filter((r): r is Extracted | Problem => r !== undefined);
}

function inWorkers(sources: SourceFile[], count: number): Promise<Array<Extracted | Problem>> {
  const size = Math.ceil(sources.length / count);
  const batches = Array.from({ length: count }, (_, k) => sources.slice(k * size, (k + 1) * size));
  return Promise.all(
    batches.map(
      (batch) =>
        new Promise<Array<Extracted | Problem>>((resolvePromise, reject) => {
          const worker = new Worker(new URL('./extract-worker.ts', import.meta.url), { workerData: batch });
          worker.once('message', resolvePromise);
          worker.once('error', reject);
        }),
    ),
  ).then((parts) => parts.flat());
}

/**
 * Writes only files whose content changed and removes generated files no longer produced, so an
 * unchanged report keeps its file (and Astro's content layer skips it).
 */
function writeChanged(dir: string, outputs: ReadonlyArray<{ path: string; content: string }>): { changed: number; removed: number } {
  let changed = 0;
  let removed = 0;
  const wanted = new Set(outputs.map((o) => o.path));
  for (const sub of ['reports', 'entities']) {
    if (!existsSync(join(dir, sub))) continue;
    for (const f of readdirSync(join(dir, sub), { recursive: true, encoding: 'utf8' })) {
      const path = join(dir, sub, f);
      if (statSync(path).isFile() && !wanted.has(relative(dir, path))) {
        rmSync(path);
        removed++;
      }
    }
  }
  for (const o of outputs) {
    const path = join(dir, o.path);
    if (existsSync(path) && readFileSync(path, 'utf8') === o.content) continue;
    write(path, o.content);
    changed++;
  }
  return { changed, removed };
}

/**
 * Reads every regular file. Dotfiles (.gitkeep, editor swap files) and folders are not reports:
 * they are listed as ignored, with the reason, but do not fail the build.
 */
function readSeeds(dir: string): { sources: SourceFile[]; problems: Problem[]; ignored: Problem[] } {
  const sources: SourceFile[] = [];
  const problems: Problem[] = [];
  const ignored: Problem[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    console.error(`error: ${values.seeds}: cannot list the seeds folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    process.exit(1);
  }
  for (const file of names) {
    const path = join(dir, file);
    if (file.startsWith('.')) {
      ignored.push({ file, reason: 'hidden file (name starts with a dot), not read as a report' });
      continue;
    }
    try {
      if (!statSync(path).isFile()) {
        ignored.push({ file, reason: 'not a regular file (a folder or device), not read as a report' });
        continue;
      }
      sources.push({ file, bytes: readFileSync(path) });
    } catch (error) {
      problems.push({ file, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    }
  }
  return { sources, problems, ignored };
}

function buildReport(skipped: Problem[]) {
  return {
    $comment: 'Generated by scripts/build-content.ts. Do not edit.',
    skipped,
  };
}

function write(path: string, content: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}
