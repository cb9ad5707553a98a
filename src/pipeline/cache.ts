/**
 * Incremental content builds: the result of ingest + extract for one file, stored under the hash of
 * its bytes and the extractor's version (a hash of the pipeline's code and curated data, so any
 * change to rules or data invalidates every entry by itself).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extracted } from './link/index.ts';
import type { Problem } from './index.ts';
import type { EmitMemo } from './emit/index.ts';

const SRC = fileURLToPath(new URL('../', import.meta.url));
/**
 * What ingest + extract depend on (their code, the shared helpers and schemas, the knowledge layer). The emit
 * memo adds the emitter, so a change to the page layout re-serialises pages but keeps extractions.
 */
const EXTRACT_INPUTS = ['pipeline/ingest', 'pipeline/extract', 'lib', 'schemas', 'knowledge'];
const EMIT_INPUTS = ['pipeline/emit'];

function hashOf(inputs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const path = join(SRC, input);
    const files = input.endsWith('.ts')
      ? ['']
      : readdirSync(path, { recursive: true, encoding: 'utf8' })
          .filter((f) => /\.(ts|json)$/.test(f) && !f.endsWith('.test.ts'))
          .sort();
    for (const f of files) hash.update(`${input}/${f}\0`).update(readFileSync(f ? join(path, f) : path)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

/** Hash of every source and data file extraction depends on. */
export function extractorVersion(): string {
  return hashOf(EXTRACT_INPUTS);
}

type Result = Extracted | Problem;

export class ExtractCache {
  readonly dir: string;
  hits = 0;
  misses = 0;

  /** Entries live in <root>/<version>/; folders of other versions are removed. */
  constructor(root: string, version = extractorVersion()) {
    this.dir = join(root, version);
    if (existsSync(root)) {
      for (const old of readdirSync(root)) if (old !== version) rmSync(join(root, old), { recursive: true, force: true });
    }
    mkdirSync(this.dir, { recursive: true });
  }

  static key(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** The cached result for these bytes, renamed to `file` (duplicates share one entry). */
  get(file: string, bytes: Uint8Array): Result | undefined {
    const path = join(this.dir, `${ExtractCache.key(bytes)}.json`);
    if (!existsSync(path)) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    const result = JSON.parse(readFileSync(path, 'utf8')) as Result;
    if ('reason' in result) return { ...result, file };
    return { ingested: { ...result.ingested, file }, extraction: { ...result.extraction, file } };
  }

  set(bytes: Uint8Array, result: Result): void {
    writeFileSync(join(this.dir, `${ExtractCache.key(bytes)}.json`), JSON.stringify(result));
  }

  /** Serialised report pages, by the hash of their data (see EmitMemo). */
  emitMemo(): EmitMemo {
    const dir = join(this.dir, `mdx-${hashOf(EMIT_INPUTS)}`);
    for (const old of readdirSync(this.dir)) if (old.startsWith('mdx-') && join(this.dir, old) !== dir) rmSync(join(this.dir, old), { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return {
      get: (key) => {
        const path = join(dir, `${key}.mdx`);
        return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      },
      set: (key, content) => writeFileSync(join(dir, `${key}.mdx`), content),
    };
  }
}
