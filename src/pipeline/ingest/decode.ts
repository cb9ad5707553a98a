import iconv from 'iconv-lite';
import { vietnameseScore } from './vietnamese-score.ts';

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
/** Share of letters that must form plausible Vietnamese for a legacy decoding to be believed. */
const MIN_LEGACY_SCORE = 0.9;

/**
 * Bytes → text. BOMs decide first; then strict UTF-8; then each legacy Vietnamese code page is
 * decoded and scored on how much of the result is valid Vietnamese (detection libraries mislabel
 * these code pages, so we judge the decoded text instead). Refuses rather than guesses.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', notes: [] };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: utf8(bytes.subarray(3)), encoding: 'utf-8', notes: ['UTF-8 byte-order mark removed'] };
  }
  if (startsWith(bytes, [0xff, 0xfe])) return utf16(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return utf16(bytes.subarray(2), 'utf-16be');
  if (looksBinary(bytes)) throw new DecodeError('binary data, not a text report');

  try {
    return { text: utf8(bytes), encoding: 'utf-8', notes: [] };
  } catch {
    // Not UTF-8: try the legacy code pages below.
  }

  const buffer = Buffer.from(bytes);
  const scored = LEGACY_ENCODINGS.map((encoding) => {
    const text = iconv.decode(buffer, encoding);
    return { encoding, text, score: vietnameseScore(text) };
  }).sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best && best.score >= MIN_LEGACY_SCORE) {
    return {
      text: best.text,
      encoding: best.encoding,
      notes: [`converted from ${best.encoding} (not UTF-8; ${(best.score * 100).toFixed(0)}% of words read as Vietnamese)`],
    };
  }
  throw new DecodeError(
    `not valid UTF-8 and no Vietnamese legacy encoding fits (best: ${best?.encoding ?? 'none'} at ${((best?.score ?? 0) * 100).toFixed(0)}%); save the file as UTF-8`,
  );
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, encoding, notes: [`converted from ${encoding.toUpperCase()} (byte-order mark)`] };
  } catch {
    throw new DecodeError(`starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()}`);
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Text has few control bytes; images, archives and executables have many. Stray NULs are cleaned later. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control / sample.length > 0.1;
}
