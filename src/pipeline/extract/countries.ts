/**
 * Country mentions in Vietnamese reports. The alias table comes from i18n-iso-countries (vi, en)
 * and CLDR (Intl.DisplayNames), plus the curated gaps in src/data/countries-vi.json. Short aliases
 * such as "Đức", "Mỹ", "Lào" are also Vietnamese names and places, so the data file marks them
 * ambiguous and the rules below reject them where they read as part of a name.
 */
import isoCountries from 'i18n-iso-countries';
import viLocale from 'i18n-iso-countries/langs/vi.json' with { type: 'json' };
import enLocale from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import data from '../../data/countries-vi.json' with { type: 'json' };
import type { Country, Mention } from '../../schemas/extraction.ts';
import { escapeRegExp, fold, isLetterOrDigit, isWhitespaceCode, normalizeVietnamese, WORD_END, WORD_START } from '../../lib/text.ts';
import type { ExtractContext } from './context.ts';
import { phraseScanner, wordIndex, type PhraseScanner, type WordIndex } from './phrase-scan.ts';

export interface CountryHit {
  code: string;
  asWritten: string;
  /** UTF-16 indices into the searched text. */
  start: number;
  end: number;
}

interface Ambiguity {
  notBefore: ReadonlySet<string>;
  notAtStart: boolean;
}

interface AliasTable {
  /** Alias (normalised) → code, for mentions anywhere. */
  general: ReadonlyMap<string, string>;
  /** Alias → code, only right after "Việt - " / "Việt Nam - ". */
  friendship: ReadonlyMap<string, string>;
  /** Folded alias → code, for lenient lookups by name. */
  folded: ReadonlyMap<string, string>;
  ambiguous: ReadonlyMap<string, Ambiguity>;
  /** First word of an alias → aliases starting with it, longest first. */
  byFirstWord: ReadonlyMap<string, readonly string[]>;
  /** Where a sentence has a word that starts some alias (in any case: candidates only). */
  firstWords: WordIndex;
  blocked: PhraseScanner;
  titles: RegExp;
  language: RegExp;
  qualifiedBy: ReadonlyMap<string, readonly string[]>;
}

const SPACE = '[\\s\\u00a0]+';

isoCountries.registerLocale(viLocale);
isoCountries.registerLocale(enLocale);

const DISPLAY_VI = new Intl.DisplayNames(['vi'], { type: 'region' });
const DISPLAY_EN = new Intl.DisplayNames(['en'], { type: 'region' });

/** Names the libraries give for every ISO code, before curation. */
function libraryNames(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const lang of ['vi', 'en'] as const) {
    const names = isoCountries.getNames(lang, { select: 'all' });
    for (const [code, list] of Object.entries(names)) for (const n of list) out.push([n, code]);
  }
  for (const code of Object.keys(isoCountries.getAlpha2Codes())) {
    for (const dn of [DISPLAY_VI, DISPLAY_EN]) {
      const n = safeDisplay(dn, code);
      if (n) out.push([n, code]);
    }
  }
  // Inverted ("Korea, Republic of") and bracketed official forms never occur as written.
  return out.filter(([n]) => !/[,()]/.test(n));
}

function safeDisplay(dn: Intl.DisplayNames, code: string): string | null {
  try {
    const n = dn.of(code);
    return n && n !== code ? n : null;
  } catch {
    return null;
  }
}

/** "Hàn Quốc" is often printed "Hàn quốc": accept later words in lower case too. */
function caseVariants(alias: string): string[] {
  const words = alias.split(' ');
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return [alias];
  const lowered = [words[0], ...words.slice(1).map((w) => w.toLowerCase())].join(' ');
  return lowered === alias ? [alias] : [alias, lowered];
}

function buildTable(): AliasTable {
  const excluded = new Set(data.excluded.entries.map(normalizeVietnamese));
  const general = new Map<string, string>();
  const conflicting = new Set<string>();
  const add = (raw: string, code: string, curated: boolean) => {
    for (const v of caseVariants(normalizeVietnamese(raw.trim()))) {
      if (excluded.has(v)) continue;
      const prior = general.get(v);
      if (prior && prior !== code) {
        // Curated entries settle a clash; library names shared by two codes ("Congo") are dropped.
        if (curated) general.set(v, code);
        else conflicting.add(v);
        continue;
      }
      general.set(v, code);
    }
  };
  for (const [n, code] of libraryNames()) add(n, code, false);
  for (const c of conflicting) general.delete(c);
  for (const e of data.aliases.entries) add(e.alias, e.code, true);

  const friendship = new Map(data.friendship.entries.map((e) => [normalizeVietnamese(e.alias), e.code]));
  const ambiguous = new Map<string, Ambiguity>(
    data.ambiguous.entries.map((e) => [
      normalizeVietnamese(e.alias),
      { notBefore: new Set(e.notBefore.map((w) => w.toLowerCase())), notAtStart: e.notAtStart === true },
    ]),
  );

  const folded = new Map<string, string>();
  for (const [alias, code] of [...friendship, ...general]) folded.set(fold(alias), code);

  const all = [...new Set([...general.keys(), ...friendship.keys()])].sort((a, b) => b.length - a.length);
  const alternation = (list: readonly string[]) =>
    list.map((a) => escapeRegExp(a).replace(/ /g, SPACE)).join('|');

  const titles = [...data.personTitles.entries].sort((a, b) => b.length - a.length);
  const qualifiedBy = new Map<string, readonly string[]>(Object.entries(data.qualifiedBy.entries));
  const byFirstWord = indexByFirstWord(all);
  return {
    general,
    friendship,
    folded,
    ambiguous,
    byFirstWord,
    firstWords: wordIndex(byFirstWord.keys()),
    blocked: phraseScanner(
      new RegExp(
        `${WORD_START}(?:${alternation([...data.blocked.entries].sort((a, b) => b.length - a.length).map(normalizeVietnamese))})${WORD_END}`,
        'giu',
      ),
      data.blocked.entries.map(normalizeVietnamese),
    ),
    titles: new RegExp(`${WORD_START}(?:${alternation(titles.map(normalizeVietnamese))})${SPACE}$`, 'iu'),
    language: new RegExp(`${WORD_START}(?:${alternation(data.languages.markers.map(normalizeVietnamese))})${SPACE}$`, 'iu'),
    qualifiedBy,
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
function aliasMatches(hay: string, t: AliasTable): Array<{ start: number; end: number; alias: string }> {
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

let table: AliasTable | null = null;
function aliases(): AliasTable {
  table ??= buildTable();
  return table;
}

/*
 * A plausible Vietnamese syllable (after folding): optional initial consonant, a vowel cluster,
 * optional final. "Tho", "Cai", "Minh" pass; "Donald", "Emmanuel", "Latinh" do not, so
 * "Tổng thống Mỹ Donald Trump" keeps its country while "Mỹ Tho" does not.
 */
const SYLLABLE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?$/;

function isNameWord(word: string): boolean {
  return /^\p{Lu}\p{Ll}*$/u.test(word) && SYLLABLE.test(fold(word));
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
function ambiguityRejects(text: string, start: number, end: number, rule: Ambiguity, t: AliasTable): boolean {
  if (t.titles.test(textBefore(text, start))) return true;
  const next = nextWord(text, end);
  if (next?.glued && rule.notBefore.has(next.word.toLowerCase())) return true;
  if (next?.glued && isNameWord(next.word)) return true;
  const prev = previousWord(text, start);
  if (prev?.glued && isNameWord(prev.word) && !isSentenceStart(text, prev.at)) return true;
  if (rule.notAtStart && isSentenceStart(text, start) && next?.glued && /^\p{Ll}/u.test(next.word)) return true;
  return false;
}

function blockedSpans(text: string, t: AliasTable): Array<[number, number]> {
  return t.blocked(text).map((m) => [m.index, m.index + m[0].length]);
}

const FRIENDSHIP_BEFORE = /Việt(?:[\s\u00a0]+Nam)?[\s\u00a0]*[-–—][\s\u00a0]*$/u;
const LIST_GAP = /^[\s\u00a0]*(?:,|;|\/|và|hoặc)[\s\u00a0]*$/u;
const PAREN_GAP = /^[\s\u00a0]*\([\s\u00a0]*$/u;

/*
 * Organisations, partners, people and provinces all ask for the countries of the same sentence,
 * each extractor going through the whole report: the answers for the last 512 texts are kept
 * (more than a long report's sentences; frozen, so no caller can change a shared answer).
 */
const recent = new Map<string, readonly CountryHit[]>();
const RECENT_MAX = 512;

/** Every country mention in `text`, in order (Vietnam included: callers decide). */
export function findCountries(text: string): readonly CountryHit[] {
  const known = recent.get(text);
  if (known) return known;
  const hits = Object.freeze(scanCountries(text).map((h) => Object.freeze(h)));
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(text, hits);
  return hits;
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

/** Alias lookup: "Hàn Quốc", "Mỹ", "Korea", "Lào" → ISO alpha-2, or null. */
export function countryByName(name: string): string | null {
  const t = aliases();
  const key = normalizeVietnamese(name.trim()).replace(/[\s\u00a0]+/gu, ' ');
  return t.general.get(key) ?? t.friendship.get(key) ?? t.folded.get(fold(key)) ?? null;
}

/** Display names: curated preference, else CLDR, else i18n-iso-countries, else the code. */
export function countryNames(code: string): { nameVi: string; nameEn: string } {
  const known = namesByCode.get(code);
  if (known) return { ...known };
  const names = lookUpNames(code);
  namesByCode.set(code, names);
  return { ...names };
}

/** Display names are looked up once per code (Intl.DisplayNames is slow). */
const namesByCode = new Map<string, { nameVi: string; nameEn: string }>();

function lookUpNames(code: string): { nameVi: string; nameEn: string } {
  const upper = code.toUpperCase();
  const vi: Record<string, string> = data.display.vi;
  const en: Record<string, string> = data.display.en;
  return {
    nameVi: vi[upper] ?? safeDisplay(DISPLAY_VI, upper) ?? isoCountries.getName(upper, 'vi') ?? upper,
    nameEn: en[upper] ?? safeDisplay(DISPLAY_EN, upper) ?? isoCountries.getName(upper, 'en') ?? upper,
  };
}

/** Foreign countries named in the article sentences (never Vietnam), sorted by code. */
export function extractCountries(ctx: ExtractContext): Country[] {
  const found = new Map<string, { asWritten: string[]; sentences: Mention[] }>();
  for (const s of ctx.sentences) {
    for (const hit of findCountries(s.text)) {
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
