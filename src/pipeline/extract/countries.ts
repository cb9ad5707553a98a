/**
 * Country mentions in Vietnamese reports, from the name table of the knowledge layer
 * (src/knowledge/countries.ts). Short aliases such as "Đức", "Mỹ", "Lào" are also Vietnamese names
 * and places, so the table marks them ambiguous and the rules below reject them where they read as
 * part of a name.
 */
import type { Country, Mention } from '../../schemas/extraction.ts';
import { countryNames, countryNameTable, type Ambiguity } from '../../knowledge/countries.ts';
import { alternation, isLetterOrDigit, isVietnameseSyllable, isWhitespaceCode, normalizeVietnamese, SPACE, WORD_END, WORD_START } from '../../lib/text.ts';
import type { ExtractContext } from './context.ts';
import { phraseScanner, wordIndex, type PhraseScanner, type WordIndex } from './phrase-scan.ts';

export interface CountryHit {
  code: string;
  asWritten: string;
  /** UTF-16 indices into the searched text. */
  start: number;
  end: number;
}

interface Scanner {
  general: ReadonlyMap<string, string>;
  friendship: ReadonlyMap<string, string>;
  ambiguous: ReadonlyMap<string, Ambiguity>;
  qualifiedBy: ReadonlyMap<string, readonly string[]>;
  /** First word of an alias → aliases starting with it, longest first. */
  byFirstWord: ReadonlyMap<string, readonly string[]>;
  /** Where a sentence has a word that starts some alias (in any case: candidates only). */
  firstWords: WordIndex;
  blocked: PhraseScanner;
  titles: RegExp;
  language: RegExp;
}

function buildScanner(): Scanner {
  const names = countryNameTable();
  const all = [...new Set([...names.general.keys(), ...names.friendship.keys()])].sort((a, b) => b.length - a.length);
  const byFirstWord = indexByFirstWord(all);
  return {
    general: names.general,
    friendship: names.friendship,
    ambiguous: names.ambiguous,
    qualifiedBy: names.qualifiedBy,
    byFirstWord,
    firstWords: wordIndex(byFirstWord.keys()),
    blocked: phraseScanner(new RegExp(`${WORD_START}(?:${alternation(names.blocked)})${WORD_END}`, 'giu'), names.blocked),
    titles: new RegExp(`${WORD_START}(?:${alternation(names.personTitles)})${SPACE}$`, 'iu'),
    language: new RegExp(`${WORD_START}(?:${alternation(names.languageMarkers)})${SPACE}$`, 'iu'),
  };
}

const WORD = /[\p{L}\p{N}]+/gu;

/** A word index instead of one ~900-way regex alternation, which is several times slower. */
function indexByFirstWord(sortedLongestFirst: readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const alias of sortedLongestFirst) {
    const first = alias.match(WORD)?.[0];
    if (!first) continue;
    const list = index.get(first) ?? [];
    list.push(alias);
    index.set(first, list);
  }
  return index;
}

const AFTER_WORD = new RegExp(`^${WORD_END}`, 'u');
const WORD_AT = /[\p{L}\p{N}]+/uy;

/** `alias` is written at `at`, any one whitespace character standing for each of its spaces. */
function writtenAt(hay: string, at: number, alias: string): boolean {
  if (at + alias.length > hay.length) return false;
  for (let i = 0; i < alias.length; i++) {
    const a = alias.charCodeAt(i);
    const h = hay.charCodeAt(at + i);
    if (a === 0x20 ? !isWhitespaceCode(h) : a !== h || isWhitespaceCode(a)) return false;
  }
  return true;
}

/** Non-overlapping alias matches, leftmost then longest, at word boundaries. */
function aliasMatches(hay: string, t: Scanner): Array<{ start: number; end: number; alias: string }> {
  const out: Array<{ start: number; end: number; alias: string }> = [];
  // Only words that start some alias (compared lower-cased, so a superset) are looked at.
  const { positions } = t.firstWords(hay);
  if (positions.length === 0) return out;
  let resumeAt = 0;
  for (const at of positions) {
    if (at < resumeAt) continue;
    WORD_AT.lastIndex = at;
    const word = WORD_AT.exec(hay)?.[0];
    if (!word) continue;
    const found = t.byFirstWord.get(word)?.find(
      (a) => writtenAt(hay, at, a) && AFTER_WORD.test(hay.slice(at + a.length, at + a.length + 1)),
    );
    if (!found) continue;
    resumeAt = at + found.length;
    out.push({ start: at, end: resumeAt, alias: found });
  }
  return out;
}

let scanner: Scanner | null = null;
function aliases(): Scanner {
  scanner ??= buildScanner();
  return scanner;
}

/** A capitalised word that can be a Vietnamese syllable: "Tho" in "Mỹ Tho", not "Donald". */
function isNameWord(word: string): boolean {
  return /^\p{Lu}\p{Ll}*$/u.test(word) && isVietnameseSyllable(word);
}

interface Neighbour {
  word: string;
  /** Index of the word's first character. */
  at: number;
  /** Only whitespace separates it from the alias. */
  glued: boolean;
}

/** Code point ending at `end` in `s`, and where it starts (a surrogate pair is one code point). */
function codePointBefore(s: string, end: number): { cp: number; at: number } {
  const low = s.charCodeAt(end - 1);
  if (low >= 0xdc00 && low <= 0xdfff && end >= 2) {
    const high = s.charCodeAt(end - 2);
    if (high >= 0xd800 && high <= 0xdbff) return { cp: 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00), at: end - 2 };
  }
  return { cp: low, at: end - 1 };
}

/** The last word of the window before `start` and what separates it from `start` (the last `[L/N]+` run). */
function previousWord(text: string, start: number): Neighbour | null {
  const cut = Math.max(0, start - WINDOW);
  const w = text.slice(cut, start);
  let gapStart = w.length;
  while (gapStart > 0) {
    const { cp, at } = codePointBefore(w, gapStart);
    if (isLetterOrDigit(cp)) break;
    gapStart = at;
  }
  if (gapStart === 0) return null;
  let wordStart = gapStart;
  while (wordStart > 0) {
    const { cp, at } = codePointBefore(w, wordStart);
    if (!isLetterOrDigit(cp)) break;
    wordStart = at;
  }
  const gap = w.slice(gapStart);
  return { word: w.slice(wordStart, gapStart), at: cut + wordStart, glued: /^[\s\u00a0]+$/u.test(gap) };
}

function nextWord(text: string, end: number): Neighbour | null {
  const m = /^([^\p{L}\p{N}]*)([\p{L}\p{N}]+)/u.exec(text.slice(end, end + WINDOW));
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { word: m[2], at: end + m[1].length, glued: /^[\s\u00a0]+$/u.test(m[1]) };
}

/** Enough text before a position for every look-behind rule here; `$`-anchored regexes scan all they get. */
const WINDOW = 48;

/** The text just before `at`; a letter stands in for anything cut off so `^` only means the real start. */
function textBefore(text: string, at: number): string {
  const cut = Math.max(0, at - WINDOW);
  return (cut > 0 ? 'x' : '') + text.slice(cut, at);
}

/** True when `at` starts the string or follows a sentence/clause end (after quotes, dashes). */
function isSentenceStart(text: string, at: number): boolean {
  return /(?:^|[.!?…:;]["”’)]?[\s\u00a0]+)[\s\u00a0"“‘(\-–—•]*$/u.test(textBefore(text, at));
}

/** Why an ambiguous single-word alias at [start, end) reads as a name or a word, or null. */
function ambiguityRejects(text: string, start: number, end: number, rule: Ambiguity, t: Scanner): boolean {
  if (t.titles.test(textBefore(text, start))) return true;
  const next = nextWord(text, end);
  if (next?.glued && rule.notBefore.has(next.word.toLowerCase())) return true;
  if (next?.glued && isNameWord(next.word)) return true;
  const prev = previousWord(text, start);
  if (prev?.glued && isNameWord(prev.word) && !isSentenceStart(text, prev.at)) return true;
  if (rule.notAtStart && isSentenceStart(text, start) && next?.glued && /^\p{Ll}/u.test(next.word)) return true;
  return false;
}

function blockedSpans(text: string, t: Scanner): Array<[number, number]> {
  return t.blocked(text).map((m) => [m.index, m.index + m[0].length]);
}

const FRIENDSHIP_BEFORE = /Việt(?:[\s\u00a0]+Nam)?[\s\u00a0]*[-–—][\s\u00a0]*$/u;
const LIST_GAP = /^[\s\u00a0]*(?:,|;|\/|và|hoặc)[\s\u00a0]*$/u;
const PAREN_GAP = /^[\s\u00a0]*\([\s\u00a0]*$/u;

/** Every country mention in `text`, in order (Vietnam included: callers decide). */
export function findCountries(text: string): readonly CountryHit[] {
  return scanCountries(text);
}

function scanCountries(text: string): CountryHit[] {
  const t = aliases();
  const normal = normalizeVietnamese(text);
  // Tone folding keeps the length for NFC input; otherwise search the text as given so indices hold.
  const hay = normal.length === text.length ? normal : text;
  let blocked: Array<[number, number]> | null = null; // computed on the first candidate only
  const hits: CountryHit[] = [];
  let languageEnd = -1;
  for (const { start, end, alias: key } of aliasMatches(hay, t)) {
    blocked ??= blockedSpans(hay, t);
    if (blocked.some(([s, e]) => start < e && end > s)) continue;

    const before = textBefore(hay, start);
    if (t.language.test(before) || (languageEnd >= 0 && LIST_GAP.test(hay.slice(languageEnd, start)))) {
      languageEnd = end;
      continue;
    }

    let code: string | undefined;
    const friendCode = t.friendship.get(key);
    if (friendCode && FRIENDSHIP_BEFORE.test(before)) code = friendCode;
    else {
      code = t.general.get(key);
      const rule = t.ambiguous.get(key);
      if (code && rule && ambiguityRejects(hay, start, end, rule, t)) code = undefined;
    }
    if (!code) continue;

    const prev = hits.at(-1);
    if (prev && t.qualifiedBy.get(prev.code)?.includes(code) && PAREN_GAP.test(hay.slice(prev.end, start))) continue;
    hits.push({ code, asWritten: text.slice(start, end), start, end });
  }
  return hits;
}

/** Foreign countries named in the article sentences (never Vietnam), sorted by code. */
export function extractCountries(ctx: ExtractContext): Country[] {
  const found = new Map<string, { asWritten: string[]; sentences: Mention[] }>();
  for (const s of ctx.sentences) {
    for (const hit of s.countries) {
      if (hit.code === 'VN') continue;
      const entry = found.get(hit.code) ?? { asWritten: [], sentences: [] };
      found.set(hit.code, entry);
      if (!entry.asWritten.includes(hit.asWritten)) entry.asWritten.push(hit.asWritten);
      if (!entry.sentences.some((m) => m.line === s.line && m.sentence === s.text)) {
        entry.sentences.push({ sentence: s.text, line: s.line });
      }
    }
  }
  return [...found.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, e]) => ({ code, ...countryNames(code), asWritten: e.asWritten, sentences: e.sentences }));
}
