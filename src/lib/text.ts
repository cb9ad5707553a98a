/**
 * Vietnamese text helpers shared by every stage: normal forms, folding for matching and search,
 * Unicode-aware word boundaries and ASCII slugs.
 */

/**
 * Old-style ("oà") and new-style ("òa") tone placement are both in use and NFC keeps them apart.
 * We fold to the placement used by the government's own spellings ("Hòa Bình", "Thanh Hóa", "Thụy").
 * Only the word-final diphthongs oa, oe, uy differ between the styles.
 */
const TONES = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;

function buildToneMap(): Map<string, string> {
  const map = new Map<string, string>();
  const pairs: Array<[string, string]> = [
    ['o', 'a'],
    ['o', 'e'],
    ['u', 'y'],
  ];
  for (const [first, second] of pairs) {
    for (const tone of TONES) {
      for (const upperFirst of [false, true]) {
        for (const upperSecond of [false, true]) {
          const f = upperFirst ? first.toUpperCase() : first;
          const s = upperSecond ? second.toUpperCase() : second;
          const oldStyle = (f + s + tone).normalize('NFC');
          const newStyle = (f + tone + s).normalize('NFC');
          map.set(oldStyle, newStyle);
        }
      }
    }
  }
  return map;
}

const TONE_MAP = buildToneMap();

/** The old-style pairs as one character class per first letter ("o[àáảãạ…]"): same set, far cheaper than a 120-way alternation. */
function tonePairs(): string {
  const byFirst = new Map<string, string>();
  for (const key of TONE_MAP.keys()) byFirst.set(key.charAt(0), (byFirst.get(key.charAt(0)) ?? '') + key.slice(1));
  return [...byFirst].map(([first, seconds]) => `${first}[${seconds}]`).join('|');
}
// "qu" is a consonant, so "quý" never moves its mark; a following letter ("oàn") fixes it too.
const TONE_PATTERN = new RegExp(`(?<![qQ])(?:${tonePairs()})(?![\\p{L}])`, 'gu');

/**
 * Memo for short strings (words, names, aliases): the same ones are normalised and folded over and
 * over. Cleared when full, so memory stays bounded.
 */
function memo(fn: (s: string) => string, maxLength = 64, maxSize = 20_000): (s: string) => string {
  const cache = new Map<string, string>();
  return (s) => {
    if (s.length > maxLength) return fn(s);
    let out = cache.get(s);
    if (out === undefined) {
      if (cache.size >= maxSize) cache.clear();
      out = fn(s);
      cache.set(s, out);
    }
    return out;
  };
}

function normalizeUncached(input: string): string {
  return input.normalize('NFC').replace(TONE_PATTERN, (m) => TONE_MAP.get(m) ?? m);
}

function foldUncached(input: string): string {
  return normalizeVietnamese(input)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

/** NFC plus one tone-mark placement: "Hoà" and "Hòa" become the same string. */
export const normalizeVietnamese: (input: string) => string = memo(normalizeUncached);

/**
 * Folds for matching and search: tone placement, case, all diacritics, and đ → d
 * (Unicode does not decompose đ, so stripping marks alone leaves it).
 */
export const fold: (input: string) => string = memo(foldUncached);

/** Readable, stable ASCII slug: "Đồng Tháp" → "dong-thap". */
export function slugify(input: string): string {
  return fold(input)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lookbehind/lookahead that stand in for `\b`, which only knows ASCII letters. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(input: string): string {
  return input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whitespace as Vietnamese web dumps use it, including the no-break space. */
export function isBlank(line: string): boolean {
  return /^[\s\u00a0\u200b\ufeff]*$/u.test(line);
}

/** Collapses runs of whitespace (including nbsp) to one space and trims. */
export function squash(input: string): string {
  return input.replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** Word count as a reader would count: runs of letters or digits. */
export function countWords(input: string): number {
  return input.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}
