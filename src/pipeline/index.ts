/**
 * The content pipeline, in order. Each stage is a pure function with typed input and output;
 * scripts/build-content.ts does the file I/O around them.
 *
 *   ingest  bytes → decoded, cleaned text split into classified blocks (noise kept, labelled)
 *   extract article blocks → province, partners, countries, organisations, people, dates, facts
 *   link    all reports → duplicates merged, stable slugs, entity graph, province figures
 *   emit    atlas → content/reports/<slug>.mdx and content/entities/*.json
 */
import type { Extraction } from '../schemas/extraction.ts';
import { extract } from './extract/index.ts';
import { ingest, DecodeError } from './ingest/index.ts';
import { link, type Atlas, type Extracted } from './link/index.ts';
import { emit, type OutputFile } from './emit/index.ts';

export { ingest, extract, link, emit, DecodeError };
export type { Atlas, Extracted, OutputFile, Extraction };

/** A report that could not be used, with the reason in one line. */
export interface Problem {
  file: string;
  reason: string;
}

export interface SourceFile {
  file: string;
  bytes: Uint8Array;
}

/** Ingest and extract one file, or say why not. Never throws for bad input. */
export function processFile(source: SourceFile): Extracted | Problem {
  try {
    const ingested = ingest(source.file, source.bytes);
    if (!ingested.blocks.some((b) => b.kind !== 'noise')) {
      return { file: source.file, reason: ingested.text.trim() ? 'no article text (every line is page noise)' : 'empty report (no text)' };
    }
    return { ingested, extraction: extract(ingested) };
  } catch (error) {
    if (error instanceof DecodeError) return { file: source.file, reason: error.message };
    throw error;
  }
}

/** processFile, and an unexpected error becomes that file's problem line: one bad report never stops the rest. */
export function processFileSafely(source: SourceFile): Extracted | Problem {
  try {
    return processFile(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { file: source.file, reason: `internal error while processing (${message.split('\n')[0]})` };
  }
}

export function isProblem(x: Extracted | Problem): x is Problem {
  return 'reason' in x;
}

/** The whole pipeline over in-memory files: what build-content writes, and the problems it lists. */
export function buildContent(sources: readonly SourceFile[]): { files: OutputFile[]; problems: Problem[]; atlas: Atlas } {
  const results = sources.map(processFileSafely);
  const problems = results.filter(isProblem);
  const atlas = link(results.filter((r): r is Extracted => !isProblem(r)));
  return { files: emit(atlas), problems, atlas };
}
