import type { Block } from '../../schemas/ingest.ts';

/** A sentence of an article line, with its position in the decoded text. */
export interface Sentence {
  text: string;
  /** 1-based line of the block it comes from. */
  line: number;
  /** Code-point offset of the sentence's first character within its line's trimmed text. */
  start: number;
}

/*
 * Split after . ! ? or … (optionally closed by a quote or parenthesis), then whitespace, then
 * something that can start a sentence: an upper-case letter, digit, opening quote, parenthesis or
 * dash. "TP." (thành phố) is an abbreviation, never a sentence end.
 */
const BOUNDARY = /(?<!\bTP)([.!?…]+["”’)]?)(\s+)(?=[\p{Lu}\p{N}"“‘(\-–])/gu;

/** Removes list dashes, caption debris (" |") and the end-of-article marker "/.". */
export function tidySentence(raw: string): string {
  return raw
    .replace(/^[-–•]\s+/u, '')
    .replace(/\s*\|\s*$/u, '')
    .replace(/\/\.\s*$/u, '')
    .trim();
}

/** Splits one article block into sentences. */
export function splitSentences(block: Pick<Block, 'text' | 'line'>): Sentence[] {
  const out: Sentence[] = [];
  const text = block.text;
  let from = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + (m[1]?.length ?? 0);
    push(text.slice(from, end), from);
    from = end + (m[2]?.length ?? 0);
  }
  push(text.slice(from), from);
  return out;

  function push(raw: string, start: number) {
    const cleaned = tidySentence(raw);
    if (cleaned) out.push({ text: cleaned, line: block.line, start: [...text.slice(0, start)].length });
  }
}

/** All sentences of the article blocks (noise excluded), in text order. */
export function articleSentences(blocks: readonly Block[]): Sentence[] {
  return blocks.filter((b) => b.kind !== 'noise').flatMap((b) => splitSentences(b));
}
