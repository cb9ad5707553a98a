import iconv from 'iconv-lite';
import { decodeVni } from './vni.ts';
import { vietnameseWords } from './vietnamese-score.ts';

/** A file that cannot be turned into text. The message names the reason; callers add the file. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

export interface Decoded {
  text: string;
  encoding: string;
  notes: string[];
}

/** Legacy Vietnamese code pages tried when the bytes are not UTF-8, best candidate wins. */
const LEGACY_ENCODINGS = ['windows-1258', 'tcvn', 'viscii'] as const;
/** Share of non-ASCII words that must be well-formed Vietnamese for a decoding to be believed. */
const MIN_LEGACY_SCORE = 0.9;
/** Fewer non-ASCII words than this prove nothing about a code page. */
const MIN_LEGACY_WORDS = 5;
/** A runner-up this close to the winner (with different text) makes the choice a guess: refuse. */
const MIN_MARGIN = 0.1;
/**
 * News-page dumps are 5-50 kB. Anything past this is not a report (a log, a database dump) and
 * would make the build crawl, so it is refused with a clear reason rather than half-processed.
 */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

/**
 * Bytes → text. BOMs decide first; then BOM-less UTF-16 (zero-byte pattern); then strict UTF-8;
 * then each legacy Vietnamese code page is decoded and scored on how much of the result is valid
 * Vietnamese (detection libraries mislabel these code pages, so we judge the decoded text instead).
 * Refuses rather than guesses.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_REPORT_BYTES) {
    throw new DecodeError(`too large (${mb(bytes.length)}); a report is at most ${mb(MAX_REPORT_BYTES)}`);
  }
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', notes: [] };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryUtf8(bytes.subarray(3));
    if (text === null) throw new DecodeError(`starts with a UTF-8 byte-order mark but is not valid UTF-8 (${badByte(bytes, 3)})`);
    return { text, encoding: 'utf-8', notes: ['UTF-8 byte-order mark removed'] };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), 'utf-16le', 'byte-order mark');
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), 'utf-16be', 'byte-order mark');
  const bomless = utf16Layout(bytes);
  if (bomless) return utf16(bytes, bomless, 'no byte-order mark; recognised from its zero bytes');
  if (looksBinary(bytes)) throw new DecodeError('binary data, not a text report');

  const text = tryUtf8(bytes);
  if (text !== null) return { text, encoding: 'utf-8', notes: [] };
  return legacy(bytes);
}

function legacy(bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes);
  const candidates = [
    ...LEGACY_ENCODINGS.map((encoding) => ({ encoding: encoding as string, text: iconv.decode(buffer, encoding) })),
    // VNI-Windows is not a code page iconv knows: a letter is an ASCII base plus a Latin-1 mark byte.
    { encoding: 'vni', text: decodeVni(bytes) },
  ];
  const scored = candidates
    .map(({ encoding, text }) => {
      const { total, valid } = vietnameseWords(text);
      return { encoding, text, total, score: total ? valid / total : 0 };
    })
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  const notUtf8 = `not valid UTF-8 (${badByte(bytes, 0)})`;
  if (!best || best.score < MIN_LEGACY_SCORE || best.total < MIN_LEGACY_WORDS) {
    const hint = `no Vietnamese legacy encoding fits (best: ${best?.encoding ?? 'none'}, ${pct(best?.score ?? 0)} of words read as Vietnamese)`;
    throw new DecodeError(`${notUtf8} and ${hint}; save the file as UTF-8`);
  }
  if (second && best.score - second.score < MIN_MARGIN && second.text.normalize('NFC') !== best.text.normalize('NFC')) {
    throw new DecodeError(
      `${notUtf8} and both ${best.encoding} (${pct(best.score)}) and ${second.encoding} (${pct(second.score)}) read as Vietnamese; save the file as UTF-8`,
    );
  }
  return {
    text: best.text,
    encoding: best.encoding,
    notes: [`converted from ${best.encoding} (not UTF-8; ${pct(best.score)} of words read as Vietnamese, next best ${second ? `${second.encoding} ${pct(second.score)}` : 'none'})`],
  };
}

const pct = (score: number) => `${(score * 100).toFixed(0)}%`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** One strict decoder: a non-streaming decode starts from a clean state, even after a failure. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/** Where UTF-8 first breaks, for the error message: "first bad byte 0xC3 at offset 400". */
export function badByte(bytes: Uint8Array, from: number): string {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    const chunk = bytes.subarray(i, i + length);
    if (!length || chunk.length < length || tryUtf8(chunk) === null) {
      return `first bad byte 0x${b.toString(16).toUpperCase().padStart(2, '0')} at offset ${i}`;
    }
    i += length;
  }
  return 'truncated at the end';
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', how: string): Decoded {
  const name = encoding.toUpperCase();
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding, notes: [`converted from ${name} (${how})`] };
  } catch {
    throw new DecodeError(`read as ${name} (${how}) but is not valid ${name}`);
  }
}

/**
 * UTF-16 saved without a BOM: text that is mostly ASCII has a zero in every other byte (the high
 * byte). Taken only when the zeros sit on one side and the decoded text reads as Vietnamese
 * (or has no non-ASCII words at all).
 */
function utf16Layout(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2) return null;
  const sample = bytes.subarray(0, 8192);
  let evenZeros = 0;
  let oddZeros = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2) oddZeros++;
      else evenZeros++;
    }
  });
  const pairs = sample.length / 2;
  const layout = oddZeros > 0.3 * pairs && evenZeros < 0.02 * pairs ? 'utf-16le' : evenZeros > 0.3 * pairs && oddZeros < 0.02 * pairs ? 'utf-16be' : null;
  if (!layout) return null;
  let text: string;
  try {
    text = new TextDecoder(layout, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  if (/[\u0000-\u0008\u000e-\u001f]/u.test(text)) return null;
  const { total, valid } = vietnameseWords(text);
  return total === 0 || valid / total >= MIN_LEGACY_SCORE ? layout : null;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Text has few control bytes; images, archives and executables have many. Stray NULs are cleaned later. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i] as number;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / sample.length > 0.1;
}
