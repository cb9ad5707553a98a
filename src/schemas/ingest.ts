import { z } from 'zod';

/** What a line of a news-page dump is. Everything but `noise` belongs to the article. */
export const BlockKind = z.enum(['headline', 'lede', 'subheading', 'body', 'caption', 'byline', 'noise']);
export type BlockKind = z.infer<typeof BlockKind>;

/** One non-blank line of the source, classified. */
export const Block = z.object({
  /** 1-based line number in the decoded, normalised text (a line can hold two blocks: a headline run into its lede). */
  line: z.number().int().positive(),
  /** The line with surrounding whitespace trimmed (inner text untouched), without a crawl marker or section name before it. */
  text: z.string(),
  /** Code-point offset of the trimmed text's first character in the decoded file. */
  offset: z.number().int().nonnegative(),
  kind: BlockKind,
  /**
   * Why a line got its kind when a reader may want to check it: the noise rule that removed it, or
   * how a headline was found ("headline-of-several", "headline-run-into-lede").
   */
  reason: z.string().optional(),
});
export type Block = z.infer<typeof Block>;

/** A removed noise line, kept in the report's data so nothing is silently lost. */
export const NoiseLine = z.object({
  line: z.number().int().positive(),
  text: z.string(),
  reason: z.string(),
});
export type NoiseLine = z.infer<typeof NoiseLine>;

/** Output of the ingest stage for one file. */
export const IngestedReport = z.object({
  /** File name as found in the seeds folder. */
  file: z.string(),
  /** The encoding the bytes were decoded from (e.g. "utf-8", "utf-16le", "windows-1258"). */
  encoding: z.string(),
  /** What the decoder and cleaner changed (BOM removed, CRLF converted, control characters stripped...). */
  notes: z.array(z.string()),
  /** SHA-256 of the raw bytes, for duplicate detection and caching. */
  sha256: z.string(),
  /** Decoded text: NFC, `\n` line ends, control characters removed. */
  text: z.string(),
  /**
   * Date of the crawl marker a search index put before the dump ("date 2025-12-04 …"): when the page
   * was published as the index recorded it (ISO, day or month precision), or null.
   */
  published: z.string().nullable(),
  blocks: z.array(Block),
});
export type IngestedReport = z.infer<typeof IngestedReport>;
