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
 * Memo for words, names, aliases and sentences: every extractor normalises the same ones over and
 * over. Cleared when full, so memory stays bounded.
 */
function memo(fn: (s: string) => string, maxLength: number, maxSize: number): (s: string) => string {
  return memoByString(fn, maxLength, maxSize);
}

/** A pure string → value function with a bounded memo for inputs up to `maxLength` characters. */
export function memoByString<T>(fn: (s: string) => T, maxLength: number, maxSize: number): (s: string) => T {
  const cache = new Map<string, T>();
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

/*
 * Folding is character by character for text made only of Latin letters (Vietnamese included),
 * ASCII and general punctuation with no combining marks: tone placement does not matter once marks
 * are stripped, and no two such characters compose. Those texts are folded from a per-character
 * table filled from the full rule; anything else takes the full rule.
 */
const foldedChars = new Map<number, string>();

const isTableChar = (c: number): boolean => c < 0x250 || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x2070);

function foldByTable(input: string): string | null {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      out += String.fromCharCode(c + 32);
      continue;
    }
    if (c < 0x80) {
      out += input.charAt(i);
      continue;
    }
    if (!isTableChar(c)) return null;
    let f = foldedChars.get(c);
    if (f === undefined) {
      f = foldByRule(String.fromCharCode(c));
      foldedChars.set(c, f);
    }
    out += f;
  }
  return out;
}

function foldByRule(input: string): string {
  return normalizeVietnamese(input)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
}

function foldUncached(input: string): string {
  return foldByTable(input) ?? foldByRule(input);
}

/** NFC plus one tone-mark placement: "Hoà" and "Hòa" become the same string. */
export const normalizeVietnamese: (input: string) => string = memo(normalizeUncached, 2_000, 20_000);

/**
 * Folds for matching and search: tone placement, case, all diacritics, and đ → d
 * (Unicode does not decompose đ, so stripping marks alone leaves it).
 */
export const fold: (input: string) => string = memo(foldUncached, 200, 20_000);

/** Readable, stable ASCII slug: "Đồng Tháp" → "dong-thap". */
export function slugify(input: string): string {
  return fold(input)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Lookbehind/lookahead that stand in for `\b`, which only knows ASCII letters. */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

/** Any run of whitespace (the no-break space included) between the words of a phrase. */
export const SPACE = '[\\s\\u00a0]+';

/**
 * A RegExp alternation of literal phrases: normalised (one tone placement), without duplicates,
 * longest first so the longest phrase wins at a position, each space matching any run of
 * whitespace. With `capitalFirst`, a phrase written in lower case also matches with a capital first
 * letter ("tỉnh" opening a sentence as "Tỉnh").
 */
export function alternation(phrases: Iterable<string>, opts: { capitalFirst?: boolean } = {}): string {
  return [...new Set([...phrases].map((p) => normalizeVietnamese(p)))]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      const body = escapeRegExp(p).replace(/ /g, SPACE);
      const first = p.charAt(0);
      if (!opts.capitalFirst || first.toUpperCase() === first) return body;
      return `[${first}${first.toUpperCase()}]${body.slice(escapeRegExp(first).length)}`;
    })
    .join('|');
}

const WORD_RUN = /[\p{L}\p{N}]+/gu;

/** Lower-case words of a text (one tone placement), for phrase lookups. */
export function wordsOf(text: string): readonly string[] {
  return normalizeVietnamese(text).toLowerCase().match(WORD_RUN) ?? [];
}

/**
 * Tags a text with the groups of the phrases it contains, in one pass over its words (case and tone
 * placement ignored, punctuation between words too): much cheaper than one long alternation with
 * look-behinds per group, run at every position of long sentences. The last texts' tags are kept.
 */
export function phraseTagger<T extends string>(groups: Readonly<Record<T, readonly string[]>>): (text: string) => ReadonlyMap<T, string> {
  const tags = new Map<string, T[]>();
  let longest = 1;
  for (const [group, phrases] of Object.entries(groups) as Array<[T, readonly string[]]>) {
    for (const p of phrases) {
      const words = wordsOf(p);
      if (words.length === 0) continue;
      const key = words.join(' ');
      tags.set(key, [...(tags.get(key) ?? []), group]);
      longest = Math.max(longest, words.length);
    }
  }
  return memoByString(
    (text) => {
      const found = new Map<T, string>();
      const words = wordsOf(text);
      for (let i = 0; i < words.length; i++) {
        let key = '';
        for (let n = 0; n < longest && i + n < words.length; n++) {
          key = n === 0 ? (words[i] as string) : `${key} ${words[i + n] as string}`;
          for (const group of tags.get(key) ?? []) if (!found.has(group)) found.set(group, key);
        }
      }
      return found;
    },
    4_000,
    1_000,
  );
}

/*
 * A plausible Vietnamese syllable after folding: optional initial consonant, one of the vowel
 * nuclei Vietnamese spelling allows, optional final. "Nguyễn", "Thúy", "Quân", "Tho" pass;
 * "Suzuki", "Koutarou", "Park", "Donald" do not, which is how foreign words are told apart.
 */
const NUCLEI =
  'uye|uya|uyu|oai|oay|oeo|uay|uoi|uou|ieu|yeu|oao|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ya|ye|yu|a|e|i|o|u|y';
const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:${NUCLEI})(?:ch|ng|nh|[cmnpt])?$`);

/** True for a word that can be a Vietnamese syllable ("Minh", "Thư", "Nguyễn"); case is ignored. */
export function isVietnameseSyllable(word: string): boolean {
  const f = fold(word);
  return f.length <= 7 && SYLLABLE.test(f);
}

/** Escapes a literal for use inside a RegExp. */
export function escapeRegExp(input: string): string {
  return input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whitespace as Vietnamese web dumps use it, including the no-break space. */
export function isBlank(line: string): boolean {
  return /^[\s\u00a0\u200b\ufeff]*$/u.test(line);
}

/** What `\s` (which includes the no-break space) matches, by UTF-16 code unit. */
export function isWhitespaceCode(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Collapses runs of whitespace (including nbsp) to one space and trims. */
export function squash(input: string): string {
  return input.replace(/[\s\u00a0]+/gu, ' ').trim();
}

/**
 * A test of one code point against a one-character class (`/^[...]$/u`), with the answers for the
 * BMP remembered (0 unknown, 1 yes, 2 no): hot loops ask about the same characters over and over.
 */
export function codePointClass(pattern: RegExp): (cp: number) => boolean {
  const known = new Uint8Array(0x10000);
  return (cp) => {
    if (cp > 0xffff) return pattern.test(String.fromCodePoint(cp));
    if (cp >= 0xd800 && cp <= 0xdfff) return false; // a lone surrogate is no character
    let answer = known[cp];
    if (!answer) {
      answer = pattern.test(String.fromCharCode(cp)) ? 1 : 2;
      known[cp] = answer;
    }
    return answer === 1;
  };
}

const letterOrDigitBeyondAscii = codePointClass(/^[\p{L}\p{N}]$/u);

/** Letter or digit (`[\p{L}\p{N}]`), by code point. */
export function isLetterOrDigit(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x30 && cp <= 0x39);
  return letterOrDigitBeyondAscii(cp);
}

/** Word count as a reader would count: runs of letters or digits. */
export function countWords(input: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < input.length; i++) {
    let cp = input.charCodeAt(i);
    // A surrogate pair is one code point; a lone surrogate is neither letter nor digit.
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < input.length) {
      const low = input.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    const letter = cp >= 0xd800 && cp <= 0xdfff ? false : isLetterOrDigit(cp);
    if (letter && !inWord) words++;
    inWord = letter;
  }
  return words;
}
