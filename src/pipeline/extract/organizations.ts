/**
 * Foreign organisations, companies, agencies, international NGOs and forums named in a report.
 *
 * Two sources of candidates, merged per sentence:
 *  - a Vietnamese head word ("Tập đoàn", "Cơ quan", "Trường Đại học"...) followed by a name, whose
 *    country comes from the name ("Ngân hàng Tái thiết Đức"), a following "(Hàn Quốc)", "- Úc",
 *    ", Nhật Bản", "tại Đài Loan", or a known brand inside it ("Công ty TNHH TOTO Việt Nam");
 *  - the curated list in src/knowledge/data/organizations.json (World Vision, JICA, APEC, Toyota...).
 * Bodies whose only country is Vietnam, or with no country at all, are Vietnamese or unknown and
 * are left out.
 */
import { organizationData as data } from '../../knowledge/organizations.ts';
import type { Mention, Organization } from '../../schemas/extraction.ts';
import { alternation, isVietnameseSyllable, normalizeVietnamese, slugify, SPACE, WORD_END, WORD_START } from '../../lib/text.ts';
import type { ExtractContext } from './context.ts';
import { countryNames } from '../../knowledge/countries.ts';
import { findCountries, type CountryHit } from './countries.ts';
import { phraseScanner, type PhraseScanner } from './phrase-scan.ts';
import { GAP, wordAfter, type Word } from './words.ts';

interface Entry {
  name: string;
  country: string | null;
  aliases: readonly string[];
}

interface HeadWord {
  vi: string;
  en?: string;
}

/** One organisation found in one sentence; `start`/`end` are UTF-16 indices into the sentence. */
interface Candidate {
  start: number;
  end: number;
  asWritten: string;
  name: string;
  country: string | null;
  /** End of the name with its "(Hàn Quốc)" / "(JETRO)" suffix: curated matches there are absorbed. */
  extent: number;
}

/** A head word's reading: the name span it covers, and the organisation when it is foreign. */
interface HeadReading {
  start: number;
  extent: number;
  candidate: Candidate | null;
}

const ENTRIES: readonly Entry[] = data.entries;
const HEADS: readonly HeadWord[] = data.headWords.items;
/** Lower-case function words and verbs: a name never runs on through them. */
const STOP = new Set([
  'đã', 'đang', 'sẽ', 'được', 'bị', 'là', 'có', 'với', 'tại', 'của', 'cho', 'để', 'từ', 'trong', 'ở', 'về', 'theo',
  'do', 'đến', 'sang', 'vào', 'ra', 'các', 'những', 'này', 'đó', 'khi', 'nhằm', 'cùng', 'như', 'giữa', 'trên',
  'dưới', 'qua', 'lại', 'thì', 'mà', 'nên', 'vì', 'hay', 'hoặc', 'nhưng', 'cũng', 'đều', 'không', 'chưa',
  // Verbs that end a name: "bầu … làm Chủ tịch Hội hữu nghị Việt Nam - Hoa Kỳ".
  'làm', 'bầu', 'giữ', 'thay',
]);
const CONNECTORS = new Set(['và', '&', 'of', 'and', 'for', 'the', 'de', 'des', 'du', 'la', 'für']);
const CLASSIFIERS = ['thành phố', 'tỉnh', 'bang', 'quận', 'huyện', 'vùng'];

interface Lookup {
  /** Normalised alias → entry, for exact lookups of a name or its part after the head word. */
  byAlias: ReadonlyMap<string, Entry>;
  /** Lower-cased Vietnamese alias → entry. */
  byAliasLower: ReadonlyMap<string, Entry>;
  /** Single Latin-script words ("TOTO", "Samsung") that mark a subsidiary's parent. */
  brands: ReadonlyMap<string, Entry>;
  /** All aliases, longest first: Latin ones case-sensitive, Vietnamese phrases case-insensitive. */
  latinPattern: PhraseScanner;
  vietPattern: PhraseScanner;
  heads: PhraseScanner;
  /** The same, sticky, to test one position. */
  headAt: RegExp;
  notName: RegExp;
  vietnameseHeads: RegExp;
}

/** An alias in Latin script only (acronyms, brands, English names) is matched case-sensitively. */
const isLatinAlias = (a: string): boolean => /^[\p{Script=Latin}\p{N}\s&'’.,\-]+$/u.test(a) && !/[ăâđêôơưĂÂĐÊÔƠƯ]/u.test(a) && !hasVietTone(a);

function hasVietTone(a: string): boolean {
  // Vietnamese letters with a hook or dot below never occur in Western names.
  return /[ảạằắẳẵặầấẩẫậẻẽẹềếểễệỉịỏọồốổỗộờớởỡợủụừứửữựỳỷỹỵ]/iu.test(a.normalize('NFC'));
}


let lookup: Lookup | null = null;
function tables(): Lookup {
  if (lookup) return lookup;
  const byAlias = new Map<string, Entry>();
  const byAliasLower = new Map<string, Entry>();
  const brands = new Map<string, Entry>();
  const latin: string[] = [];
  const viet: string[] = [];
  for (const e of ENTRIES) {
    for (const a of e.aliases) {
      const n = normalizeVietnamese(a);
      byAlias.set(n, e);
      if (isLatinAlias(a)) {
        latin.push(a);
        if (!/\s/.test(a) && a.length >= 2) brands.set(n, e);
      } else {
        viet.push(a);
        byAliasLower.set(n.toLowerCase(), e);
      }
    }
  }
  // Head words: capitalised, or lower case when a Latin-script name follows (checked later).
  const headAlt = alternation(HEADS.map((h) => h.vi));
  lookup = {
    byAlias,
    byAliasLower,
    brands,
    latinPattern: phraseScanner(new RegExp(`${WORD_START}(?:${alternation(latin)})${WORD_END}`, 'gu'), latin.map(normalizeVietnamese)),
    vietPattern: phraseScanner(new RegExp(`${WORD_START}(?:${alternation(viet)})${WORD_END}`, 'giu'), viet.map(normalizeVietnamese)),
    heads: phraseScanner(new RegExp(`${WORD_START}(?:${headAlt})${WORD_END}`, 'giu'), HEADS.map((h) => normalizeVietnamese(h.vi))),
    headAt: new RegExp(`(?:${headAlt})${WORD_END}`, 'iuy'),
    notName: new RegExp(`^${SPACE}(?:${alternation(data.notNameWords.items)})${WORD_END}`, 'u'),
    vietnameseHeads: new RegExp(`^(?:${alternation(data.vietnameseHeads.items)})${WORD_END}`, 'u'),
  };
  return lookup;
}




const isCapitalised = (w: string): boolean => /^[\p{Lu}\p{N}]/u.test(w);
const isAcronym = (w: string): boolean => /^[\p{Lu}\p{N}&\-]{2,}$/u.test(w) && /\p{Lu}.*\p{Lu}|\p{Lu}\p{N}/u.test(w);
/** A capitalised Latin word that is no Vietnamese syllable: "Griffith", "Sumitomo", "TOTO". */
const isForeignWord = (w: string): boolean =>
  isAcronym(w) || (/^[A-Z][\p{Script=Latin}'’\-]*$/u.test(w) && !hasVietTone(w) && !isVietnameseSyllable(w));

interface Hits {
  at: ReadonlyMap<number, CountryHit>;
}

function countryAt(hits: Hits, text: string, pos: number): CountryHit | null {
  GAP.lastIndex = pos;
  const gap = GAP.exec(text);
  return hits.at.get(gap ? pos + gap[0].length : pos) ?? null;
}

interface Parsed {
  end: number;
  inside: CountryHit[];
  /** Words after the head word, for brand lookup. */
  words: Word[];
}

/** Index after the lower-case run starting at `pos` that ends right before a country, or -1. */
function runToCountry(text: string, pos: number, hits: Hits): number {
  let at = pos;
  for (let n = 0; n < 7; n++) {
    const w = wordAfter(text, at);
    if (!w || isCapitalised(w.text) || (STOP.has(w.text) && w.text !== 'và')) return -1;
    at = w.end;
    if (countryAt(hits, text, at)) return at;
  }
  return -1;
}

/**
 * Reads the name after a head word: capitalised words, acronyms, "và"/"of" between capitalised
 * words, a locality ("tỉnh Kanagawa"), the lower-case second syllable of a compound ("Thủy sản"),
 * a lower-case description that ends in a country ("xúc tiến thương mại Nhật Bản"). A country ends
 * the name ("Ngân hàng Tái thiết Đức"); a second country joined by a dash stays in it
 * ("Việt Nam - Hàn Quốc").
 */
function parseName(text: string, from: number, hits: Hits, t: Lookup): Parsed {
  const words: Word[] = [];
  const inside: CountryHit[] = [];
  let pos = from;
  let end = from;
  let compoundOpen = false;
  for (let guard = 0; guard < 20; guard++) {
    const hit = countryAt(hits, text, pos);
    if (hit) {
      inside.push(hit);
      end = hit.end;
      const dash = /^[ \u00a0]*[-–][ \u00a0]*/u.exec(text.slice(hit.end));
      const pair = dash ? hits.at.get(hit.end + dash[0].length) : undefined;
      if (pair && (hit.code === 'VN' || pair.code === 'VN')) {
        inside.push(pair);
        end = pair.end;
      }
      break;
    }
    const w = wordAfter(text, pos);
    if (!w) break;
    if (words.length > 0 && isCapitalised(w.text) && startsHead(text, w.start, t)) break;
    if (isCapitalised(w.text)) {
      words.push(w);
      end = pos = w.end;
      compoundOpen = !isAcronym(w.text) && isVietnameseSyllable(w.text);
      continue;
    }
    const lower = w.text.toLowerCase();
    const next = wordAfter(text, w.end);
    if (CONNECTORS.has(lower) && next && isCapitalised(next.text) && words.length > 0) {
      pos = w.end;
      compoundOpen = false;
      continue;
    }
    const classifier = CLASSIFIERS.find((c) => text.startsWith(c, w.start));
    if (classifier) {
      const place = wordAfter(text, w.start + classifier.length);
      if (place && isCapitalised(place.text)) {
        pos = w.start + classifier.length;
        compoundOpen = false;
        continue;
      }
    }
    if (compoundOpen && !STOP.has(lower)) {
      words.push(w);
      end = pos = w.end;
      compoundOpen = false;
      continue;
    }
    const run = runToCountry(text, pos, hits);
    if (run < 0) break;
    pos = run;
    compoundOpen = false;
  }
  return { end, inside, words };
}

function startsHead(text: string, at: number, t: Lookup): boolean {
  t.headAt.lastIndex = at;
  const m = t.headAt.exec(text);
  return m !== null && isCapitalised(m[0]);
}

interface Suffix {
  country: CountryHit | null;
  /** A weak country ("tại Đài Loan") only counts when nothing else gives one. */
  weak: boolean;
  acronym: string | null;
  end: number;
}

/** What follows a name: "(JETRO)", "(Hàn Quốc)", " - Úc", ", Nhật Bản", " tại Đài Loan". */
function readSuffix(text: string, from: number, hits: Hits): Suffix {
  let pos = from;
  let country: CountryHit | null = null;
  let acronym: string | null = null;
  let weak = false;
  for (let round = 0; round < 2; round++) {
    const rest = text.slice(pos);
    const paren = /^[ \u00a0]*\([ \u00a0]*/u.exec(rest);
    if (paren) {
      const inner = pos + paren[0].length;
      const close = /^[^()]*\)/u.exec(text.slice(inner));
      const closeAt = close ? inner + close[0].length : -1;
      // "(Hàn Quốc)", "(Đài Loan, Trung Quốc)", "(100% vốn Nhật Bản)": the first country in a short bracket.
      const hit = [...hits.at.values()]
        .filter((h) => h.start >= inner && h.end < closeAt)
        .sort((a, b) => a.start - b.start)[0];
      if (hit && close && !country && close[0].split(/[ \u00a0]+/u).length <= 6) {
        country = hit;
        pos = closeAt;
        continue;
      }
      const acr = /^([\p{Lu}][\p{Lu}\p{N}&\-]{1,11})[ \u00a0]*\)/u.exec(text.slice(inner));
      if (acr?.[1] && !acronym) {
        acronym = acr[1];
        pos = inner + acr[0].length;
        continue;
      }
      break;
    }
    const sep = /^[ \u00a0]*[-–,][ \u00a0]*/u.exec(rest);
    if (sep && !country) {
      const hit = hits.at.get(pos + sep[0].length);
      if (hit) {
        country = hit;
        pos = hit.end;
        continue;
      }
    }
    break;
  }
  if (!country) {
    const prep = /^[ \u00a0]+(?:tại|của|đến từ|từ)[ \u00a0]+/u.exec(text.slice(pos));
    const hit = prep ? hits.at.get(pos + prep[0].length) : undefined;
    if (hit) {
      country = hit;
      weak = true;
    }
  }
  return { country, weak, acronym, end: pos };
}

/** The name after a head word at `start` (null when none), with the organisation if it is foreign. */
function fromHead(text: string, start: number, head: string, hits: Hits, t: Lookup): HeadReading | null {
  const headEnd = start + head.length;
  if (t.notName.test(text.slice(headEnd))) return null;
  const first = wordAfter(text, headEnd);
  // "tập đoàn", "công ty" in lower case are common nouns unless a Latin-script name follows.
  if (!isCapitalised(head) && !(first && isForeignWord(first.text))) return null;
  const parsed = parseName(text, headEnd, hits, t);
  if (parsed.end <= headEnd || !first) return null;
  // A lower-case head is a common noun ("tổ chức Plan International"): the name starts after it.
  const nameStart = isCapitalised(head) ? start : first.start;
  const asWritten = text.slice(nameStart, parsed.end);
  if (t.vietnameseHeads.test(asWritten)) return null;
  const suffix = readSuffix(text, parsed.end, hits);
  const core = text.slice(headEnd, parsed.end).trim();
  const reading = (candidate: Candidate | null): HeadReading => ({ start, extent: suffix.end, candidate });
  // "Trường Cao đẳng Việt - Đức", "Bệnh viện Hữu nghị Việt - Đức": Vietnamese bilateral bodies.
  if (parsed.words.at(-1)?.text === 'Việt' && suffix.country) return reading(null);

  // "Tập đoàn AEON Nhật Bản": the name without its country may be a known one.
  const firstInside = parsed.inside[0];
  // (Not "Công ty TNHH Canon Việt Nam": a subsidiary keeps its own name.)
  const bare = firstInside && firstInside.code !== 'VN' ? text.slice(headEnd, firstInside.start).trim() : core;
  const known =
    t.byAlias.get(normalizeVietnamese(asWritten)) ??
    t.byAliasLower.get(normalizeVietnamese(asWritten).toLowerCase()) ??
    t.byAlias.get(normalizeVietnamese(core)) ??
    (bare ? t.byAlias.get(normalizeVietnamese(bare)) : undefined) ??
    (suffix.acronym ? t.byAlias.get(suffix.acronym) : undefined);
  const brand = parsed.words.map((w) => t.brands.get(normalizeVietnamese(w.text))).find((e) => e !== undefined);
  const foreignInside = parsed.inside.filter((h) => h.code !== 'VN').at(-1) ?? null;
  const vietnamInside = parsed.inside.some((h) => h.code === 'VN');

  let country: string | null;
  if (known) country = known.country;
  else if (brand) country = brand.country;
  else if (foreignInside) country = foreignInside.code;
  // "Công ty TNHH Foster Việt Nam (Nhật Bản)": a subsidiary, but "Đại sứ quán Việt Nam tại Hàn Quốc" is ours.
  else if (suffix.country && suffix.country.code !== 'VN' && !(vietnamInside && suffix.weak)) country = suffix.country.code;
  else return reading(null);
  if (!known && country === null) return reading(null);

  const name = known ? known.name : englishName(head, core, parsed, country, suffix, foreignInside, asWritten);
  return reading({ start: nameStart, end: parsed.end, asWritten, name, country, extent: suffix.end });
}

/** "Trường Đại học Griffith" → "Griffith University"; Vietnamese descriptions stay as written. */
function englishName(
  head: string,
  core: string,
  parsed: Parsed,
  country: string | null,
  suffix: Suffix,
  foreignInside: CountryHit | null,
  asWritten: string,
): string {
  const template = HEADS.find((h) => normalizeVietnamese(h.vi).toLowerCase() === normalizeVietnamese(head).toLowerCase())?.en;
  const latinCore = core.replace(/[ \u00a0]*Việt[ \u00a0]+Nam$/u, ' Vietnam').trim();
  const isLatin = parsed.words.length > 0 && parsed.words.every((w) => isForeignWord(w.text) || w.text === 'Việt' || w.text === 'Nam');
  let name: string;
  if (template?.includes('{name}') && isLatin && parsed.inside.every((h) => h.code === 'VN')) {
    name = template.replace('{name}', latinCore);
  } else if (template?.includes('{country}') && foreignInside && core === foreignInside.asWritten && country) {
    name = template.replace('{country}', countryNames(country).nameEn);
  } else {
    name = asWritten;
  }
  if (suffix.acronym) name = `${name} (${suffix.acronym})`;
  // A Vietnamese description whose country was outside it: keep the country in the name.
  else if (name === asWritten && !foreignInside && country) name = `${name} (${countryNames(country).nameEn})`;
  return name;
}

const PREVIOUS_WORD = /([\p{L}]+)[ \u00a0]+$/u;
const PREVIOUS_WINDOW = 64;
const WORD_TAIL = /^[\p{L}]*[ \u00a0]+$/u;

/** Curated aliases anywhere in the sentence. */
function fromCurated(text: string, t: Lookup): Candidate[] {
  const out: Candidate[] = [];
  for (const scan of [t.latinPattern, t.vietPattern]) {
    for (const m of scan(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const key = normalizeVietnamese(m[0]).replace(/[\s\u00a0]+/gu, ' ');
      const entry = t.byAlias.get(key) ?? t.byAliasLower.get(key.toLowerCase());
      if (!entry) continue;
      // "Hiroyu Suzuki", "Fukuda Tomikazu": a brand glued to another foreign name is a person's name.
      if (!/\s/.test(m[0])) {
        const near = text.slice(Math.max(0, start - PREVIOUS_WINDOW), start);
        const prev = PREVIOUS_WORD.exec(near);
        // The window may cut the word (or hold only its trailing spaces): then read the whole text before.
        const cut = start > PREVIOUS_WINDOW && (prev ? prev.index === 0 : WORD_TAIL.test(near));
        const whole = cut ? PREVIOUS_WORD.exec(text.slice(0, start)) : prev;
        if (whole?.[1] && isForeignWord(whole[1]) && !isAcronym(whole[1])) continue;
      }
      out.push({ start, end, asWritten: m[0], name: entry.name, country: entry.country, extent: end });
    }
  }
  // "Ngân hàng Phát triển châu Á (ADB)": the acronym in brackets is the same body.
  out.sort((a, b) => a.start - b.start);
  return out.filter((c, i) => {
    const prev = out[i - 1];
    return !(prev && prev.name === c.name && /^[ \u00a0]*\([ \u00a0]*$/u.test(text.slice(prev.end, c.start)));
  });
}

/** Foreign organisations in one sentence, in text order, without overlaps. */
export function findOrganizations(sentence: string, countries?: readonly CountryHit[]): Candidate[] {
  const t = tables();
  const normal = normalizeVietnamese(sentence);
  const text = normal.length === sentence.length ? normal : sentence;
  // The sentence's countries have its positions, which the normalised text keeps.
  const hits: Hits = { at: new Map((countries ?? findCountries(text)).map((h) => [h.start, h])) };

  const readings: HeadReading[] = [];
  for (const m of t.heads(text)) {
    if (readings.some((r) => m.index < r.extent)) continue;
    const r = fromHead(text, m.index, m[0], hits, t);
    if (r) readings.push(r);
  }
  const headed = readings.flatMap((r) => (r.candidate ? [r.candidate] : []));
  // A known name inside a longer one is absorbed ("(JETRO)" after its full name) or, inside a
  // Vietnamese body's name ("Trung tâm WTO"), not an organisation of its own. A known name that
  // is the whole span ("Tổ chức Y tế Thế giới") stays.
  const curated = fromCurated(text, t).filter(
    (c) => !readings.some((r) => c.start >= r.start && c.end <= r.extent && !(r.candidate === null && c.start === r.start)),
  );
  const all = [...headed, ...curated].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  for (const c of all) if (!kept.some((k) => c.start < k.end && c.end > k.start)) kept.push(c);
  return kept.map((c) => ({ ...c, asWritten: sentence.slice(c.start, c.end) }));
}

/** Every foreign organisation of the article, one entry per canonical name, in order of first mention. */
export function extractOrganizations(ctx: ExtractContext): Organization[] {
  const byKey = new Map<string, { org: Omit<Organization, 'slug'>; sentences: Mention[] }>();
  for (const s of ctx.sentences) {
    for (const c of findOrganizations(s.text, s.countries)) {
      const key = slugify(c.name);
      const entry = byKey.get(key) ?? {
        org: { name: c.name, asWritten: c.asWritten, country: c.country, sentences: [] },
        sentences: [],
      };
      byKey.set(key, entry);
      if (!entry.sentences.some((m) => m.line === s.line && m.sentence === s.text)) {
        entry.sentences.push({ sentence: s.text, line: s.line });
      }
    }
  }
  const used = new Set<string>();
  return [...byKey.values()].map(({ org, sentences }) => {
    const base = slugify(org.name) || 'organization';
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return { ...org, slug, sentences };
  });
}
