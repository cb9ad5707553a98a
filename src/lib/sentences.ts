import type { Block } from '../schemas/ingest.ts';

/** A sentence of an article line, with its position in the decoded text. */
export interface Sentence {
  text: string;
  /** 1-based line of the block it comes from. */
  line: number;
  /** Code-point offset of the sentence's first character within its block's text. */
  start: number;
  /** Code-point offset of its block in the file (a line can hold two blocks). */
  blockOffset: number;
}

/*
 * Split after . ! ? or … (optionally closed by a quote or parenthesis), then whitespace, then
 * something that can start a sentence: an upper-case letter, digit, opening quote, parenthesis or
 * dash. "TP." (thành phố) is an abbreviation, never a sentence end.
 */
const BOUNDARY = /(?<!\bTP)([.!?…]+["”’)]?)(\s+)(?=[\p{Lu}\p{N}"“‘(\-–])/gu;

/** Removes list dashes, caption debris (" |") and the end-of-article marker "/.". */
export function tidySentence(raw: string): string {
  let out = raw.replace(/^[-–•]\s+/u, '');
  // The end-anchored patterns are only run when their character is there at all.
  if (out.includes('|')) out = out.replace(/\s*\|\s*$/u, '');
  if (out.includes('/.')) out = out.replace(/\/\.\s*$/u, '');
  return out.trim();
}

/** Code points in text[from, to), as `[...text.slice(from, to)].length` counts them. */
function codePointsBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // A low surrogate right after a high one is the same code point (counted with the high one).
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue;
    }
    n++;
  }
  return n;
}

/** Splits one article block into sentences. */
export function splitSentences(block: Pick<Block, 'text' | 'line' | 'offset'>): Sentence[] {
  const out: Sentence[] = [];
  const text = block.text;
  let from = 0;
  // Code points before `counted`, kept as sentences move along the line.
  let counted = 0;
  let codePointsBefore = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const end = (m.index ?? 0) + (m[1]?.length ?? 0);
    push(text.slice(from, end), from);
    from = end + (m[2]?.length ?? 0);
  }
  push(text.slice(from), from);
  return out;

  function push(raw: string, start: number) {
    const cleaned = tidySentence(raw);
    if (!cleaned) return;
    codePointsBefore += codePointsBetween(text, counted, start);
    counted = start;
    out.push({ text: cleaned, line: block.line, start: codePointsBefore, blockOffset: block.offset });
  }
}

/** All sentences of the article blocks (noise excluded), in text order. */
export function articleSentences(blocks: readonly Block[]): Sentence[] {
  return blocks.filter((b) => b.kind !== 'noise').flatMap((b) => splitSentences(b));
}
