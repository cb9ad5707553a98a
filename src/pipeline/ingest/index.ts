import { createHash } from 'node:crypto';
import type { IngestedReport } from '../../schemas/ingest.ts';
import { clean } from './clean.ts';
import { decode } from './decode.ts';
import { segment } from './segment.ts';

/** Ingest one file: decode → clean → segment. Throws DecodeError for bytes that are not text. */
export function ingest(file: string, bytes: Uint8Array): IngestedReport {
  const decoded = decode(bytes);
  const cleaned = clean(decoded.text);
  const segmented = segment(cleaned.text);
  return {
    file,
    encoding: decoded.encoding,
    notes: [...decoded.notes, ...cleaned.notes, ...segmented.notes],
    sha256: createHash('sha256').update(bytes).digest('hex'),
    text: cleaned.text,
    published: segmented.published,
    blocks: segmented.blocks,
  };
}

export { DecodeError } from './decode.ts';
