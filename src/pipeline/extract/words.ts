/** A word of a sentence with its UTF-16 span. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Letters and digits, joined by &, apostrophes or hyphens ("Hon-Hai", "O'Neil", "AT&T"). */
const WORD = /[\p{L}\p{N}]+(?:[&'’\-][\p{L}\p{N}]+)*/uy;
/** Spaces between words of one phrase (no punctuation). */
export const GAP = /[ \u00a0]+/y;

/** The word starting after the spaces at `pos`, or null when punctuation (or nothing) comes first. */
export function wordAfter(text: string, pos: number): Word | null {
  GAP.lastIndex = pos;
  const gap = GAP.exec(text);
  if (!gap) return null;
  WORD.lastIndex = pos + gap[0].length;
  const m = WORD.exec(text);
  return m ? { text: m[0], start: m.index, end: m.index + m[0].length } : null;
}
