/**
 * Numeric facts: every figure a fact box could show (counts, money, percentages, fractions, trips).
 *
 * A figure is a number (digits in Vietnamese syntax, or a word number from "ba" up) followed by
 * "%", a fraction denominator, scale words and/or a unit word from src/knowledge/data/fact-units.json. A bare
 * number is never a fact, which leaves out years, periods ("3 năm"), names ("Covid-19", "Ngoại vụ
 * 19") and document numbers ("274/CTr-UBND") without special cases. On top of that:
 * - ordinals and ranks are dropped by the word before the number ("lần thứ", "hạng", "giai đoạn");
 * - "một" and "hai" alone are not read as counts: in reports they are articles or back-references
 *   ("hai tỉnh", "hai nước"); from "ba" up, word numbers count ("ba tỉnh Bắc Lào");
 * - a small count (≤ 3) of places after a possessor ("công dân 2 tỉnh", "giữa hai nước") refers
 *   back to places already counted;
 * - "1/5" is a fraction only next to a fraction cue ("gần bằng 1/5 nguồn thu"), never a day/month;
 * - "1.840 tỷ" without a currency is đồng when a money word comes shortly before it.
 *
 * Matching runs on a lower-cased copy of the NFC sentence with the same UTF-16 indexes, so the
 * patterns need no case-insensitive flag and every span maps straight back to the written text.
 */

import { factUnits as units } from '../../knowledge/rules.ts';
import { alternation, isVietnameseSyllable, normalizeVietnamese } from '../../lib/text.ts';
import type { Block } from '../../schemas/ingest.ts';
import type { Fact, FactUnit } from '../../schemas/extraction.ts';
import type { ExtractContext } from './context.ts';
import { normalizeQuick } from './dates.ts';
import { parseVietnameseNumber } from './numbers.ts';
import type { Sentence } from '../../lib/sentences.ts';

const NOT_WORD = '(?![\\p{L}\\p{N}])';
const NOT_AFTER_WORD = '(?<![\\p{L}\\p{N}])';

/** Lower case, one tone placement, single spaces: how table phrases are compared. */
const key = (s: string) => normalizeVietnamese(s).toLowerCase().replace(/\s+/gu, ' ');

/** Longest-first alternation of table phrases, compared in lower case. */
const phrases = (words: readonly string[]): string => alternation(words.map(key));

/** Lower case without changing UTF-16 length, so indexes stay valid for the written text. */
function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tables, compiled once.

interface UnitEntry {
  unit: FactUnit | null;
  /** The word as the table spells it, used in labels. */
  word: string;
  money: boolean;
}

function buildUnitIndex(): Map<string, UnitEntry> {
  const index = new Map<string, UnitEntry>();
  for (const w of units.ignore) index.set(key(w), { unit: null, word: w, money: false });
  for (const c of units.currencies) {
    for (const w of c.words) index.set(key(w), { unit: c.unit as FactUnit, word: w, money: true });
  }
  for (const c of units.counts) {
    for (const w of c.words) {
      if (!index.has(key(w))) index.set(key(w), { unit: c.unit as FactUnit, word: w, money: false });
    }
  }
  return index;
}

const UNIT_INDEX = buildUnitIndex();
const UNIT_RE = new RegExp(`\\s+(${phrases([...UNIT_INDEX.keys()])})${NOT_WORD}`, 'uy');
/** Scale words of a figure ("trăm", "chục" after digits are not how reports write figures). */
const SCALE_RE = new RegExp(`\\s+(?:${phrases(['nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ'])})${NOT_WORD}`, 'uy');
const PERCENT_RE = /\s?%|\s+phần\s+trăm(?![\p{L}\p{N}])/uy;
/** Units of length and area: their label comes from the words before the figure. */
const MEASURES = new Set<FactUnit | null>(['hectare', 'km', 'km2']);
/** Units of length and area written against the number: "160ha", "50km", "6.700km²". */
const GLUED_UNIT_RE = /(km²|km2|km|ha)(?![\p{L}\p{N}])/uy;
const FRACTION_RE = /\/(\d{1,3})(?![\p{N}]|\s*[/.-]\s*\d|[.,]\d)/uy;
const FRACTION_AFTER_RE = new RegExp(`\\s+(?:${phrases(units.fractionAfter)})${NOT_WORD}`, 'uy');

const DIGITS_RE = /\d+(?:[.,]\d+)*/g;
/** Word numbers; no unicode flag (faster), so the word boundaries are checked in code. */
const WORD_NUMBER_RE = new RegExp(
  '(?:(?:hai|ba|bốn|năm|sáu|bảy|bẩy|tám|chín) +mươi(?: +(?:mốt|hai|ba|bốn|tư|lăm|nhăm|sáu|bảy|bẩy|tám|chín))?' +
    '|mười(?: +(?:một|hai|ba|bốn|lăm|sáu|bảy|bẩy|tám|chín))?|ba|bốn|sáu|bảy|bẩy|tám|chín)',
  'g',
);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

interface PhraseSet {
  phrases: Set<string>;
  maxWords: number;
}

function phraseSet(words: readonly string[]): PhraseSet {
  const phrases = new Set(words.map(key));
  return { phrases, maxWords: Math.max(1, ...[...phrases].map((p) => p.split(' ').length)) };
}

const QUALIFIERS = phraseSet(units.qualifiers);
const ORDINALS = phraseSet(units.ordinalBefore);
const REFERENCES = phraseSet(units.referenceBefore);
const DIRECTIONS = phraseSet(units.directions);
const FRACTION_CUES = phraseSet(units.fractionBefore);
/** A money word within the few words before a bare scaled amount. */
const MONEY_CONTEXT_RE = new RegExp(`${NOT_AFTER_WORD}(?:${phrases(units.moneyContext)})${NOT_WORD}`, 'u');
const MONEY_WINDOW = 60;

const HEAD_LABELS = new Map(units.labelHeads.map((h) => [key(h.words), h.label ?? h.words]));
const HEAD_RE = new RegExp(`${NOT_AFTER_WORD}(?:${phrases(units.labelHeads.map((h) => h.words))})${NOT_WORD}`, 'gu');
const REWRITES = new Map(units.labelRewrites.map((r) => [key(r.from), r.to]));
const REWRITE_RE = new RegExp(`${NOT_AFTER_WORD}(?:${phrases(units.labelRewrites.map((r) => r.from))})(?![\\p{L}\\p{N}])`, 'gu');
const STOPS = new Set(units.labelStops.map(key));
const SOFT_BREAKS = new Set(units.labelSoftBreaks.map(key));
/** Words a label should not end with. */
const TRAILING = new Set(['và', 'của', 'các', 'những', 'ở', 'đi', 'có', 'được', 'này', 'hơn', 'gần', 'khoảng']);
/** Labels stay short: at most this many words (syllables), unit word included. */
const MAX_LABEL_WORDS = 8;
const LABEL_SPAN = 120;

/** Words and single punctuation marks, with their positions. */
const TOKEN_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
/** The same, stepped by hand in `followingPhrase` (own copy: matchAll copies lastIndex). */
const STEP_TOKEN_RE = new RegExp(TOKEN_RE.source, 'gu');

/** A year mention in a sentence: "năm 2019", "25/11/2021", "tháng 6/2020". */
const YEAR_MENTION_RE = /(?<![\p{L}\p{N}])(?:năm\s+|\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*|tháng\s+\d{1,2}\s*[/-]\s*)(\d{4})(?![\p{N}])/gu;
/** Before a year mention: a comparison base ("so với năm 2019"), not the fact's year. */
const COMPARISON_BEFORE = /(?:so\s+với|cùng\s+kỳ|trước)(?:\s+(?:cùng\s+kỳ|đầu|cuối|giữa|ngày|tháng))*\s*$/u;
/** Before a year mention: the start of a period ("từ năm 2018", "từ đầu năm 2021"). */
const PERIOD_BEFORE = /(?:từ|kể\s+từ)(?:\s+(?:đầu|cuối|giữa|ngày|tháng))*\s*$/u;

// ---------------------------------------------------------------------------------------------
// One sentence, prepared once.

interface Token {
  t: string;
  at: number;
}

interface Prepared {
  /** The sentence as written. */
  text: string;
  /** NFC with one tone placement (same length as `text`). */
  norm: string;
  /** `norm` in lower case (same length). */
  low: string;
  heads: Array<{ end: number; label: string }> | null;
}

function prepare(text: string): Prepared {
  const normalized = normalizeQuick(text);
  // Normalising tone placement never changes lengths; fall back to the text if it somehow did.
  const norm = normalized.length === text.length ? normalized : text;
  return { text, norm, low: lowerSameLength(norm), heads: null };
}

/** Tokens of the few words before `at` (a cut first word is dropped). */
function tokensBefore(low: string, at: number, span = 32): Token[] {
  const from = Math.max(0, at - span);
  const out: Token[] = [];
  for (const m of low.slice(from, at).matchAll(TOKEN_RE)) out.push({ t: m[0], at: from + m.index });
  if (from > 0 && out.length > 0 && LETTER_OR_DIGIT.test(low[from - 1] ?? '')) out.shift();
  return out;
}

/** Index of the first token of a set phrase that ends exactly at `end` (exclusive), or -1. */
function phraseEndingAt(tokens: readonly Token[], end: number, set: PhraseSet): number {
  let phrase = '';
  let found = -1;
  for (let n = 1; n <= Math.min(set.maxWords, end); n++) {
    const t = tokens[end - n]?.t ?? '';
    phrase = n === 1 ? t : `${t} ${phrase}`;
    if (set.phrases.has(phrase)) found = end - n;
  }
  return found;
}

function sticky(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Digits glued to letters, codes, dates or "Covid-" are not figures. */
function freeStandingDigits(low: string, start: number, end: number): boolean {
  const p1 = low[start - 1] ?? ' ';
  const p2 = low[start - 2] ?? ' ';
  if (LETTER_OR_DIGIT.test(p1) || '+.,_#&@'.includes(p1)) return false;
  if (p1 === '/' && /[\d\s]/u.test(p2)) return false;
  if ((p1 === '-' || p1 === '–') && LETTER_OR_DIGIT.test(p2)) return false;
  const n1 = low[end] ?? ' ';
  const n2 = low[end + 1] ?? ' ';
  if (LETTER.test(n1)) return sticky(GLUED_UNIT_RE, low, end) !== null;
  if ((n1 === '-' || n1 === '–' || n1 === '/') && LETTER.test(n2)) return false;
  return true;
}

/** Cuts a written unit phrase to its first word group ("hội nghị, hội thảo" → "hội nghị"). */
function firstUnitWordLength(phrase: string): number {
  const cut = phrase.search(/,|\/|\s+và\s+/u);
  return cut < 0 ? phrase.length : cut;
}

interface Candidate {
  /** UTF-16 indexes in the sentence text. */
  start: number;
  textEnd: number;
  end: number;
  value: number;
  unit: FactUnit;
  /** Table spelling of the unit word, for count labels. */
  unitWord: string | null;
  /** UTF-16 span of the hedge word, or null. */
  qualifier: [number, number] | null;
  direction: string | null;
}

/** What follows a number: the figure's end, value and unit, before the words in front are read. */
interface RightSide {
  textEnd: number;
  end: number;
  value: number;
  unit: FactUnit;
  unitWord: string | null;
  /** Only valid with a fraction cue before it. */
  fraction?: boolean;
  /** Only valid with a money word before it (đồng implied). */
  impliedMoney?: boolean;
}

/** English thousands grouping typed by mistake: "1,234". */
const EN_GROUPS = /^\d{1,3}(?:,\d{3})+$/;

/**
 * People, projects and delegations come in whole numbers: an unscaled count written "1,234" is
 * English grouping (1234); any other fractional count is not a figure. Amounts, hectares, tonnes,
 * kilometres and square kilometres may be fractional.
 */
function countValue(entry: UnitEntry, value: number, digits: string, scaled: boolean): number | null {
  const fractional = entry.money || entry.unit === 'hectare' || entry.unit === 'tonne' || entry.unit === 'km' || entry.unit === 'km2' || scaled;
  if (fractional || Number.isInteger(value)) return value;
  return EN_GROUPS.test(digits) ? Number(digits.replace(/,/g, '')) : null;
}

function readRightSide(low: string, start: number, numberEnd: number, isDigits: boolean): RightSide | null {
  const digits = low.slice(start, numberEnd);
  if (isDigits && /^\d+$/.test(digits)) {
    const f = sticky(FRACTION_RE, low, numberEnd);
    if (f) {
      // "1/5": numerator below denominator (and a cue, checked later), else a day/month or a code.
      const num = Number(digits);
      const den = Number(f[1]);
      const end = numberEnd + f[0].length;
      if (!(num > 0 && num < den)) return null;
      return { textEnd: end, end, value: num / den, unit: 'fraction', unitWord: null, fraction: true };
    }
  }
  if (isDigits) {
    const pct = sticky(PERCENT_RE, low, numberEnd);
    if (pct) {
      const value = parseVietnameseNumber(digits);
      const end = numberEnd + pct[0].length;
      return value === null ? null : { textEnd: end, end, value, unit: 'percent', unitWord: null };
    }
  }
  let end = numberEnd;
  for (let s = sticky(SCALE_RE, low, end); s; s = sticky(SCALE_RE, low, end)) end += s[0].length;
  const scaled = end > numberEnd;
  const glued = isDigits && !scaled ? sticky(GLUED_UNIT_RE, low, end) : null;
  const u = glued ? null : sticky(UNIT_RE, low, end);
  if (!u && !glued && !(scaled && isDigits)) {
    return isDigits ? openCount(low, start, numberEnd) : null;
  }
  const value = parseVietnameseNumber(low.slice(start, end));
  if (value === null) return null;
  if (glued) {
    const entry = UNIT_INDEX.get(glued[1] ?? '');
    if (!entry?.unit) return null;
    const stop = end + glued[0].length;
    return { textEnd: stop, end: stop, value, unit: entry.unit, unitWord: null };
  }
  if (!u) return { textEnd: end, end, value, unit: 'VND', unitWord: null, impliedMoney: true };
  const written = u[1] ?? '';
  const entry = UNIT_INDEX.get(written.replace(/\s+/gu, ' '));
  if (!entry || entry.unit === null || (!isDigits && entry.money)) return null;
  const count = countValue(entry, value, digits, scaled);
  if (count === null) return null;
  const unitStart = end + u[0].length - written.length;
  return {
    textEnd: unitStart + firstUnitWordLength(written),
    end: end + u[0].length,
    value: count,
    unit: entry.unit,
    // What an area or a length measures is named before it ("diện tích gần 4.000 km²").
    unitWord: entry.money || MEASURES.has(entry.unit) ? null : entry.word,
  };
}

const NOT_COUNTERS = phraseSet(units.notCounters);
/** A counter noun's syllables: lower-case letters, or a capitalised word such as "Huân chương". */
const NOUN_WORD_RE = /[ \u00a0]+(\p{L}[\p{L}\p{M}]*)(?![\p{L}\p{N}'’-])/uy;
/** Counter nouns are mostly one or two syllables; what follows them is a qualifier ("nhiệm vụ trọng tâm"). */
const MAX_NOUN_WORDS = 2;

/**
 * A whole number followed by a noun no table lists ("5.000 di tích", "9 huyện", "12 cặp cửa
 * khẩu", "11 Huân chương"): a count of that noun, unit "count", the noun in the label. Periods,
 * ages, the sides of a relation, grammar words and units this project does not convert are not
 * counter nouns (data/fact-units.json, notCounters).
 */
function openCount(low: string, start: number, numberEnd: number): RightSide | null {
  const digits = low.slice(start, numberEnd);
  if (!/^\d+(?:\.\d{3})*$/.test(digits)) return null;
  const value = parseVietnameseNumber(digits);
  if (value === null || !Number.isInteger(value)) return null;
  const words: Array<{ text: string; end: number }> = [];
  let at = numberEnd;
  for (let m = sticky(NOUN_WORD_RE, low, at); m && words.length < MAX_NOUN_WORDS; m = sticky(NOUN_WORD_RE, low, at)) {
    const word = m[1] ?? '';
    const two = words.length > 0 ? `${words.at(-1)?.text ?? ''} ${word}` : '';
    if (NOT_COUNTERS.phrases.has(word) || (two && NOT_COUNTERS.phrases.has(two))) break;
    words.push({ text: word, end: at + m[0].length });
    at += m[0].length;
  }
  const first = words[0];
  if (!first || !isVietnameseSyllable(first.text)) return null;
  const last = words.at(-1) ?? first;
  return { textEnd: last.end, end: first.end, value, unit: 'count', unitWord: low.slice(numberEnd, first.end).trim() };
}

const GROUP_AFTER = new RegExp(`^[ \\u00a0]+(?:${phrases(units.groupAfter)})(?![\\p{L}\\p{N}])`, 'u');

/**
 * A count of places that only counts the parties being talked about: the two sides ("2 tỉnh",
 * "hai nước", "2 địa phương"), a word number ("ba nước"), a small count after a possessor ("công
 * dân 3 tỉnh"), or the members of a region named right after it ("4 tỉnh Nam Lào").
 */
function refersToParties(p: Prepared, right: RightSide, isDigits: boolean, afterPossessor: boolean): boolean {
  if (right.value === 2 || !isDigits) return true;
  if (afterPossessor && right.value <= 3) return true;
  return GROUP_AFTER.test(p.low.slice(right.end, right.end + 40));
}

function readCandidate(p: Prepared, start: number, numberEnd: number, isDigits: boolean): Candidate | null {
  const low = p.low;
  const right = readRightSide(low, start, numberEnd, isDigits);
  if (!right) return null;

  const tokens = tokensBefore(low, start);
  if (phraseEndingAt(tokens, tokens.length, ORDINALS) >= 0) return null;
  // Counts from 1.000 up are written with a thousands dot, so a bare 1945-2099 is a year
  // ("năm 2024 tỉnh sẽ...", "giai đoạn 2021 – 2023 thành phố..."), whatever word follows it.
  if (isDigits && /^(19[4-9]\d|20\d\d)$/u.test(low.slice(start, numberEnd))) return null;
  if (right.fraction && phraseEndingAt(tokens, tokens.length, FRACTION_CUES) < 0 && !sticky(FRACTION_AFTER_RE, low, right.end)) {
    return null;
  }
  // "tương đương 1.840 tỷ": a scaled amount with đồng implied by a money word shortly before it.
  if (right.impliedMoney && !MONEY_CONTEXT_RE.test(low.slice(Math.max(0, start - MONEY_WINDOW), start))) return null;
  const q = phraseEndingAt(tokens, tokens.length, QUALIFIERS);
  const last = tokens[tokens.length - 1];
  const qualifier: [number, number] | null = q >= 0 && last ? [tokens[q]?.at ?? 0, last.at + last.t.length] : null;
  const beforeQual = q >= 0 ? q : tokens.length;
  const isPlace = right.unit === 'province' || right.unit === 'country';
  if (isPlace && refersToParties(p, right, isDigits, phraseEndingAt(tokens, beforeQual, REFERENCES) >= 0)) return null;
  const d = phraseEndingAt(tokens, beforeQual, DIRECTIONS);
  return {
    start,
    textEnd: right.textEnd,
    end: right.end,
    value: right.value,
    unit: right.unit,
    unitWord: right.unitWord,
    qualifier,
    direction: d >= 0 ? (tokens[d]?.t ?? null) : null,
  };
}

function candidates(p: Prepared): Candidate[] {
  const found: Candidate[] = [];
  for (const m of p.low.matchAll(DIGITS_RE)) {
    const end = m.index + m[0].length;
    if (!freeStandingDigits(p.low, m.index, end)) continue;
    const c = readCandidate(p, m.index, end, true);
    if (c) found.push(c);
  }
  const words: Candidate[] = [];
  for (const m of p.low.matchAll(WORD_NUMBER_RE)) {
    const after = p.low[m.index + m[0].length] ?? ' ';
    if (LETTER_OR_DIGIT.test(p.low[m.index - 1] ?? ' ') || LETTER_OR_DIGIT.test(after)) continue;
    const c = readCandidate(p, m.index, m.index + m[0].length, false);
    if (c) words.push(c);
  }
  return words.length === 0 ? found : [...found, ...words].sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------
// Labels

/** Labels given when the sentence names nothing the figure measures (listed for review). */
export const GENERIC_LABELS = { amount: 'giá trị', share: 'tỷ lệ', level: 'mức' } as const;

/** The noun phrase after a unit word: "lao động đi làm việc ở nước ngoài" (up to `room` words). */
function followingPhrase(p: Prepared, from: number, room: number): string[] {
  const low = p.low.slice(from, from + LABEL_SPAN);
  const norm = p.norm.slice(from, from + LABEL_SPAN);
  // Long phrases become their abbreviation ("có vốn đầu tư trực tiếp nước ngoài" → "FDI").
  const rewrites = [...low.matchAll(REWRITE_RE)];
  const out: string[] = [];
  let ended = false;
  const tokens = STEP_TOKEN_RE;
  tokens.lastIndex = 0;
  let r = 0;
  const next = (): { t: string; low: string } | null => {
    const rw = rewrites[r];
    if (rw && tokens.lastIndex >= rw.index) {
      r += 1;
      tokens.lastIndex = rw.index + rw[0].length;
      const to = REWRITES.get(rw[0].replace(/\s+/gu, ' ')) ?? rw[0];
      return { t: to, low: to.toLowerCase() };
    }
    const m = tokens.exec(low);
    if (!m) return null;
    if (rw && m.index >= rw.index) {
      tokens.lastIndex = rw.index;
      return next();
    }
    return { t: norm.slice(m.index, m.index + m[0].length), low: m[0] };
  };
  let t = next();
  while (t) {
    const after = next();
    const two = `${t.low} ${after?.low ?? ''}`;
    if (!LETTER.test(t.low[0] ?? '') || STOPS.has(t.low) || STOPS.has(two)) {
      ended = true;
      break;
    }
    if (out.length === room) break;
    out.push(t.t);
    t = after;
  }
  // Cut short by the length cap: end before the last verb of motion rather than mid-compound.
  if (!ended) {
    const soft = out.findLastIndex((w, i) => i > 0 && SOFT_BREAKS.has(w.toLowerCase()));
    if (soft > 0) out.length = soft;
  }
  while (out.length > 0 && TRAILING.has((out[out.length - 1] ?? '').toLowerCase())) out.pop();
  return out;
}

/** Nearest key noun phrase before `at` ("kim ngạch xuất khẩu", "tổng vốn đầu tư"). */
function headBefore(p: Prepared, at: number): string | null {
  p.heads ??= [...p.low.matchAll(HEAD_RE)].map((m) => ({
    end: m.index + m[0].length,
    label: HEAD_LABELS.get(m[0].replace(/\s+/gu, ' ')) ?? m[0],
  }));
  let label: string | null = null;
  for (const h of p.heads) if (h.end <= at) label = h.label;
  return label;
}

function labelOf(p: Prepared, c: Candidate): string {
  if (c.unitWord !== null) {
    const room = MAX_LABEL_WORDS - c.unitWord.split(/\s+/u).length;
    const phrase = [c.unitWord, ...followingPhrase(p, c.end, room)].join(' ');
    return c.direction ? `số ${phrase} ${c.direction}` : phrase;
  }
  if ((c.unit === 'percent' || c.unit === 'fraction') && !c.direction) {
    const after = followingPhrase(p, c.end, MAX_LABEL_WORDS);
    if (after.length > 0) return after.join(' ');
  }
  const head = headBefore(p, c.start);
  if (c.direction) return `${head ?? GENERIC_LABELS.level} ${c.direction}`;
  return head ?? (c.unit === 'percent' || c.unit === 'fraction' ? GENERIC_LABELS.share : GENERIC_LABELS.amount);
}

// ---------------------------------------------------------------------------------------------
// Year a figure refers to

interface YearMention {
  at: number;
  year: number;
  kind: 'plain' | 'comparison' | 'period';
}

function yearMentions(low: string): YearMention[] {
  if (!/\d{4}/.test(low)) return [];
  const out: YearMention[] = [];
  for (const m of low.matchAll(YEAR_MENTION_RE)) {
    const pre = low.slice(Math.max(0, m.index - 30), m.index);
    const kind = COMPARISON_BEFORE.test(pre) ? 'comparison' : PERIOD_BEFORE.test(pre) ? 'period' : 'plain';
    out.push({ at: m.index, year: Number(m[1]), kind });
  }
  return out;
}

/**
 * A year written in the figure's own clause after it ("50 thân nhân ... trong năm 2020") wins; a
 * period start there ("từ đầu năm 2021") means no single year. Otherwise the nearest year before
 * the figure in the sentence ("Năm 2020, có 11 đoàn"), or none when that is a period start
 * ("Từ năm 2018 đến nay"). Comparison bases ("so với năm 2019") never count.
 */
function yearOf(mentions: readonly YearMention[], low: string, c: Candidate, nextStart: number): number | null {
  if (mentions.length === 0) return null;
  const stop = low.slice(c.end, nextStart).search(/[,;()]/u);
  const clauseEnd = stop < 0 ? nextStart : c.end + stop;
  for (const y of mentions) {
    if (y.at < c.end || y.at >= clauseEnd) continue;
    if (y.kind === 'period') return null;
    if (y.kind === 'plain') return y.year;
  }
  for (let i = mentions.length - 1; i >= 0; i--) {
    const y = mentions[i];
    if (!y || y.at >= c.start || y.kind === 'comparison') continue;
    return y.kind === 'plain' ? y.year : null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/** A fact found in one sentence; `start` is a UTF-16 index in the sentence text. */
export interface SentenceFact {
  start: number;
  text: string;
  value: number;
  unit: FactUnit;
  label: string;
  qualifier: string | null;
  year: number | null;
}

/** Facts of one sentence, in text order. */
export function factsInSentence(text: string): SentenceFact[] {
  const p = prepare(text);
  const found = candidates(p);
  if (found.length === 0) return [];
  const mentions = yearMentions(p.low);
  return found.map((c, i) => ({
    start: c.start,
    text: text.slice(c.start, c.textEnd),
    value: c.value,
    unit: c.unit,
    label: labelOf(p, c),
    qualifier: c.qualifier ? text.slice(c.qualifier[0], c.qualifier[1]) : null,
    year: yearOf(mentions, p.low, c, found[i + 1]?.start ?? text.length),
  }));
}

const SURROGATE = /[\uD800-\uDFFF]/;

function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
}

/** UTF-16 index of a code-point offset. */
function utf16At(s: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp && i < s.length; n++) i += (s.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i;
}

/** Where a (tidied) sentence starts in its block's text, as a UTF-16 index. */
function sentenceStart(block: Block, s: Sentence, astral: boolean): number {
  const from = astral ? utf16At(block.text, s.start) : s.start;
  const at = block.text.indexOf(s.text, from);
  return at < 0 ? from : at;
}

export function extractFacts(ctx: ExtractContext): Fact[] {
  const blocks = new Map(ctx.blocks.map((b) => [`${b.line}:${b.offset}`, b]));
  const facts: Fact[] = [];
  for (const s of ctx.sentences) {
    const found = factsInSentence(s.text);
    if (found.length === 0) continue;
    const block = blocks.get(`${s.line}:${s.blockOffset}`);
    // Without astral characters, code-point and UTF-16 indexes are the same.
    const astral = block ? SURROGATE.test(block.text) : false;
    const base = block ? sentenceStart(block, s, astral) : 0;
    for (const f of found) {
      // The same count of places again ("4 tỉnh" … "sở ngoại vụ 4 tỉnh") names the same parties.
      if ((f.unit === 'province' || f.unit === 'country') && facts.some((g) => g.unit === f.unit && g.value === f.value)) continue;
      const inBlock = base + f.start;
      facts.push({
        id: `f${facts.length + 1}`,
        text: f.text,
        value: f.value,
        unit: f.unit,
        label: f.label,
        qualifier: f.qualifier,
        approx: f.qualifier !== null,
        year: f.year,
        sentence: s.text,
        line: s.line,
        offset: block ? block.offset + (astral ? codePoints(block.text.slice(0, inBlock)) : inBlock) : 0,
      });
    }
  }
  return facts;
}
