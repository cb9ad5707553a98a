export interface Cleaned {
  text: string;
  notes: string[];
}

/*
 * Characters that are never content: C0/C1 controls other than tab and newline, zero-width
 * characters, and bidi embedding/override/isolate controls (they can reorder what a reader sees).
 * Right-to-left letters themselves are kept.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/gu;
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/gu;
/*
 * Zero-width (non-)joiners are junk inside Vietnamese words, but they are part of the text in emoji
 * sequences (👨‍👩‍👧) and in scripts that shape letters (Persian "می‌خواهم", Indic): kept only
 * between two emoji or two letters of a non-Latin script.
 */
const JOINER = /\u200c|\u200d/gu;
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
const NON_LATIN_LETTER = /[\p{L}\p{M}]/u;

/**
 * One paragraph of a news page is a few thousand characters at most. Longer lines (a page dumped
 * without line breaks, or garbage) are split at sentence ends so later stages, which work line by
 * line, stay fast; the text itself is unchanged.
 */
export const MAX_LINE = 10_000;

/** Text → NFC, `\n` line ends, tabs as spaces, no control or invisible characters; every change is noted. */
export function clean(input: string): Cleaned {
  const notes: string[] = [];
  let text = input;

  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  if (crlf || cr) {
    text = text.replace(/\r\n?/g, '\n');
    notes.push(`line ends converted to \\n (${crlf} CRLF, ${cr} CR)`);
  }
  text = strip(text, CONTROL, 'control characters (NUL and others)', notes);
  text = strip(text, INVISIBLE, 'zero-width or soft-hyphen characters', notes);
  text = stripJoiners(text, notes);
  text = strip(text, BIDI, 'bidirectional control characters', notes);
  if (text.includes('\t')) {
    text = text.replace(/\t/g, ' ');
    notes.push('tabs replaced by spaces');
  }
  const nfc = text.normalize('NFC');
  if (nfc !== text) {
    notes.push('normalised to Unicode NFC (the file had decomposed characters)');
    text = nfc;
  }
  return { text: splitLongLines(text, notes), notes };
}

function strip(text: string, pattern: RegExp, what: string, notes: string[]): string {
  const count = (text.match(pattern) ?? []).length;
  if (!count) return text;
  notes.push(`${count} ${what} removed`);
  return text.replace(pattern, '');
}

function stripJoiners(text: string, notes: string[]): string {
  let removed = 0;
  const out = text.replace(JOINER, (joiner: string, at: number, all: string) => {
    const before = all.slice(Math.max(0, at - 2), at);
    const after = all.slice(at + 1, at + 3);
    const prev = [...before].at(-1) ?? '';
    const next = [...after][0] ?? '';
    const emoji = joiner === '\u200d' && EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(after);
    const script = isNonLatinLetter(prev) && isNonLatinLetter(next);
    if (emoji || script) return joiner;
    removed++;
    return '';
  });
  if (removed) notes.push(`${removed} zero-width joiner characters removed`);
  return out;
}

function isNonLatinLetter(ch: string): boolean {
  return NON_LATIN_LETTER.test(ch) && !/\p{Script=Latin}|\p{Script=Inherited}/u.test(ch);
}

function splitLongLines(text: string, notes: string[]): string {
  let split = 0;
  const lines = text.split('\n').map((line) => {
    if (line.length <= MAX_LINE) return line;
    split++;
    return splitLine(line).join('\n');
  });
  if (!split) return text;
  notes.push(`${split} line(s) longer than ${MAX_LINE.toLocaleString('en')} characters split at sentence ends`);
  return lines.join('\n');
}

/** Pieces of at most MAX_LINE UTF-16 units, cut after a sentence end, else a space, else anywhere. */
function splitLine(line: string): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > MAX_LINE) {
    const window = rest.slice(0, MAX_LINE);
    const sentence = Math.max(...[...window.matchAll(/[.!?…]["”’)]?\s/gu)].map((m) => m.index + m[0].length));
    const space = window.lastIndexOf(' ') + 1;
    let cut = sentence > MAX_LINE / 2 ? sentence : space > MAX_LINE / 2 ? space : MAX_LINE;
    // Never cut a surrogate pair in two.
    if (/[\ud800-\udbff]/.test(rest.charAt(cut - 1))) cut--;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
}
