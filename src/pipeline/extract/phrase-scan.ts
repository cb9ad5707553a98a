/**
 * Word-indexed phrase scanning: the same matches as `text.matchAll(pattern)` for a pattern that is
 * a long alternation of phrases (titles, organisation names, province names...), without running
 * the alternation at every position of every sentence. The pattern is only tried, sticky, where a
 * sentence word is the first word of one of its phrases (or where one of a few literal prefixes
 * occurs), which is the only place a match can start.
 *
 * Contract of `pattern` (global): every match starts either at a word start with a whole word
 * (a maximal run of letters and digits) that is the first word of one of `phrases`, compared
 * case-insensitively, or at an occurrence of one of `literalStarts`. Patterns built as
 * `${WORD_START}(?:phrase|phrase...)${WORD_END}`, optionally with an optional phrase group before
 * (then list both groups' phrases), meet it.
 */

import { isWhitespaceCode } from '../../lib/text.ts';

/** Letters and digits, as WORD_START/WORD_END see them. */
const RUN = /[\p{L}\p{N}]+/gu;
const FIRST_RUN = /^[\p{L}\p{N}]+/u;

/*
 * Characters for which "equal ignoring case" (the RegExp `iu` flags, Unicode simple case folding)
 * and "equal after toLowerCase()" disagree (ſ ~ s, ς ~ σ, µ ~ μ, Cyrillic and Greek variants).
 * Computed from Node 22's Unicode data by comparing the two over every code point; 'S' is left
 * out because it only disagrees with ſ, which is in the list. Text containing one is scanned
 * with the plain pattern.
 */
const UNSAFE_CASE =
  /[\u00b5\u017f\u0345\u0392\u0395\u0398\u0399\u039a\u039c\u03a0\u03a1\u03a3\u03a6\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f4\u03f5\u0412\u0414\u041e\u0421\u0422\u042a\u0462\u1c80-\u1c88\u1e60\u1e9b\u1fbe\ua64a]/u;

/*
 * One table for all indexes: lower-cased first word → bit mask of the indexes that start a phrase
 * with it. A sentence is split into words once; each index then only visits the words with its bit.
 * Bits are reused past 30 indexes, which only adds candidates (every candidate is verified).
 */
const indexBits = new Map<string, number>();
let indexCount = 0;
let generation = 0;

interface Words {
  generation: number;
  /** The text has a letter whose case folding is unusual. */
  unsafeCase: boolean;
  /** Start of each word that begins some index's phrase, and that word's mask. */
  starts: number[];
  masks: number[];
  /** Start of each word whose first letter is upper case (\p{Lu}). */
  capitals: number[];
}

/** `\p{Lu}` by code point; BMP answers are kept (0 unknown, 1 yes, 2 no). */
const upperCase = new Uint8Array(0x10000);
const UPPER = /^\p{Lu}$/u;

function isUpperCase(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  if (cp > 0xffff) return UPPER.test(String.fromCodePoint(cp));
  let known = upperCase[cp];
  if (!known) {
    known = UPPER.test(String.fromCharCode(cp)) ? 1 : 2;
    upperCase[cp] = known;
  }
  return known === 1;
}

/**
 * The candidate words of the last texts scanned: each extractor reads every sentence of a report
 * in turn, so a report's sentences are split once for all of them.
 */
const recent = new Map<string, Words>();
const RECENT_MAX = 512;

function wordsOf(text: string): Words {
  const known = recent.get(text);
  if (known && known.generation === generation) return known;
  const starts: number[] = [];
  const masks: number[] = [];
  const capitals: number[] = [];
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m !== null; m = RUN.exec(text)) {
    if (isUpperCase(m[0].codePointAt(0) as number)) capitals.push(m.index);
    const mask = indexBits.get(m[0].toLowerCase());
    if (mask === undefined) continue;
    starts.push(m.index);
    masks.push(mask);
  }
  const words = { generation, unsafeCase: UNSAFE_CASE.test(text), starts, masks, capitals };
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(text, words);
  return words;
}

/** Word starts of a text whose word, lower-cased, is one of the index's keys; `unsafeCase` as above. */
export type WordIndex = (text: string) => { positions: number[]; unsafeCase: boolean };

/**
 * An index of first words (compared lower-cased). Exact-case users verify each candidate; users that
 * ignore case must also treat `unsafeCase` texts the slow way.
 */
export function wordIndex(firstWords: Iterable<string>): WordIndex {
  const bit = 1 << indexCount++ % 30;
  for (const word of firstWords) {
    const key = word.toLowerCase();
    indexBits.set(key, (indexBits.get(key) ?? 0) | bit);
  }
  generation++;
  return (text) => {
    const words = wordsOf(text);
    const positions: number[] = [];
    for (let i = 0; i < words.starts.length; i++) {
      if (((words.masks[i] as number) & bit) !== 0) positions.push(words.starts[i] as number);
    }
    return { positions, unsafeCase: words.unsafeCase };
  };
}

/**
 * `[...text.matchAll(pattern)]` for a pattern whose matches all start at a word start with an
 * upper-case letter (`(?=\p{Lu})${WORD_START}...`), tried only at those words.
 */
export function capitalisedMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  return stickyMatches(stickyOf(pattern), text, wordsOf(text).capitals);
}

const stickies = new WeakMap<RegExp, RegExp>();
function stickyOf(pattern: RegExp): RegExp {
  let sticky = stickies.get(pattern);
  if (!sticky) {
    if (!pattern.global) throw new Error('phrase-scan: the pattern must be global');
    sticky = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}y`);
    stickies.set(pattern, sticky);
  }
  return sticky;
}

/** Leftmost non-overlapping matches, as matchAll finds them, given every position one can start at. */
function stickyMatches(sticky: RegExp, text: string, positions: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let from = 0;
  for (const at of positions) {
    if (at < from) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    from = at + Math.max(m[0].length, 1);
  }
  return out;
}

function occurrences(text: string, literal: string, into: number[]): void {
  for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + 1)) into.push(at);
}

export type PhraseScanner = (text: string) => RegExpExecArray[];

/** A scanner with the results of `[...text.matchAll(pattern)]` (see the contract above). */
export function phraseScanner(pattern: RegExp, phrases: Iterable<string>, literalStarts: readonly string[] = []): PhraseScanner {
  const sticky = stickyOf(pattern);
  const ignoreCase = pattern.ignoreCase;
  const keys = new Set<string>();
  let always = false;
  for (const phrase of phrases) {
    const first = FIRST_RUN.exec(phrase)?.[0];
    // A phrase that opens with punctuation, or with a letter whose case folding is unusual: no shortcut.
    if (!first || UNSAFE_CASE.test(first)) always = true;
    else keys.add(first);
  }
  const plain = (text: string): RegExpExecArray[] => [...text.matchAll(pattern)];
  if (always) return plain;
  const index = wordIndex(keys);

  return (text) => {
    const found = index(text);
    if (ignoreCase && found.unsafeCase) return plain(text);
    let positions = found.positions;
    if (literalStarts.length > 0) {
      for (const literal of literalStarts) occurrences(text, literal, positions);
      positions = [...new Set(positions)].sort((a, b) => a - b);
    }
    return stickyMatches(sticky, text, positions);
  };
}

/**
 * `pattern.test(text.slice(0, at))` for an end-anchored pattern (`...$`) each of whose matches has
 * at most `maxSolid` characters that are not whitespace (a phrase and the spaces after it).
 * Only the last stretch of the text is searched, unless it is mostly whitespace. `pattern` must
 * be global or sticky-free and is searched from a lastIndex, so look-behinds still see the text.
 */
export function endsWithMatch(pattern: RegExp, text: string, at: number, maxSolid: number): boolean {
  const searchable = globalOf(pattern);
  const prefix = text.slice(0, at);
  const from = Math.max(0, at - (2 * maxSolid + 16));
  searchable.lastIndex = from;
  if (searchable.exec(prefix) !== null) return true;
  if (from === 0) return false;
  // A match starting before `from` would cover the whole stretch: it would be mostly whitespace.
  let spaces = 0;
  for (let i = from; i < at; i++) if (isWhitespaceCode(prefix.charCodeAt(i))) spaces++;
  if (spaces < at - from - maxSolid) return false;
  searchable.lastIndex = 0;
  return searchable.exec(prefix) !== null;
}

const globals = new WeakMap<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let g = globals.get(pattern);
  if (!g) {
    g = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
    globals.set(pattern, g);
  }
  return g;
}

/** The most non-whitespace characters a match of this alternation of phrases can hold. */
export function maxSolidLength(phrases: Iterable<string>): number {
  let max = 0;
  for (const p of phrases) max = Math.max(max, p.replace(/[\s\u00a0]/gu, '').length);
  return max;
}
