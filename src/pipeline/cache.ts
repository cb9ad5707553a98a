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

const SRC = fileURLToPath(new URL('../', import.meta.url));
/** What extraction depends on: the pipeline, the shared helpers and schemas, the curated data. */
const INPUTS = ['pipeline', 'lib', 'schemas', 'data'];

/** Hash of every source and data file extraction depends on. */
export function extractorVersion(): string {
  const hash = createHash('sha256');
  for (const dir of INPUTS) {
    const files = readdirSync(join(SRC, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|json)$/.test(f) && !f.endsWith('.test.ts'))
      .sort();
    for (const f of files) hash.update(`${dir}/${f}\0`).update(readFileSync(join(SRC, dir, f))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
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
}
