/**
 * Named people in a report: Vietnamese officials and foreign guests introduced by a title
 * ("Giám đốc Sở Ngoại vụ Thái Phúc Sơn", "Thống đốc Koutarou Nagasaki"), by a form of address with
 * the title after the name ("đồng chí Trần Hồng Quang, Giám đốc Sở Ngoại vụ", "ông Fukuda Tomikazu,
 * Thống đốc tỉnh Tochigi"), photo credits ("(Ảnh: Minh Thư)") and closing bylines.
 *
 * Vocabulary (titles, forms of address, surnames, places that look like names) lives in
 * src/knowledge/data/titles-vi.json.
 */
import { titleData as vocab } from '../../knowledge/titles.ts';
import { organizationData as orgData } from '../../knowledge/organizations.ts';
import type { Person } from '../../schemas/extraction.ts';
import type { Block } from '../../schemas/ingest.ts';
import { alternation, codePointClass, fold, isVietnameseSyllable, normalizeVietnamese, SPACE, WORD_END, WORD_START } from '../../lib/text.ts';
import type { ExtractContext } from './context.ts';
import { countryByName } from '../../knowledge/countries.ts';
import { findCountries } from './countries.ts';
import { phraseScanner } from './phrase-scan.ts';
import { wordAfter, type Word } from './words.ts';

/** One capitalised name word: "Thúy", "Nagasaki", "Khăm-phăn", "O'Neill". */
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]*(?:[-'’]\p{L}[\p{Ll}\p{M}]*)*$/u;
const isNameWord = (w: string): boolean => NAME_WORD.test(w);
const isVietWord = (w: string): boolean => /^\p{Lu}[\p{Ll}\p{M}]*$/u.test(w) && isVietnameseSyllable(w);

const fset = (items: readonly string[]): ReadonlySet<string> => new Set(items.map((i) => fold(i)));
const SURNAMES = new Set(vocab.surnames.items.map((s) => normalizeVietnamese(s)));
const NOT_NAME = new Set(vocab.notNameWords.items.map((s) => normalizeVietnamese(s)));
const PLACES = fset([...vocab.places.items, ...vocab.places.alsoPeople]);
const PLACES_ALSO_PEOPLE = fset(vocab.places.alsoPeople);
const COMPOUNDS = fset(vocab.roleCompounds.items);
const ORG_ALIASES = fset(orgData.entries.flatMap((e) => e.aliases));
const ROLE_WORDS = [...vocab.roleWords.items].sort((a, b) => b.length - a.length);
const LINKING = new Set(['tỉnh', 'thành phố', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'thị trấn', 'bang', 'vùng', 'khu vực', 'tại', 'và', 'của', 'kiêm', 'phụ trách']);
const CLASSIFIERS = new Set(['tỉnh', 'thành phố', 'tp', 'tp.', 'huyện', 'quận', 'thị xã', 'xã', 'phường', 'bang', 'thị trấn']);


const TITLE_ALT = alternation(vocab.titles.items);
const MODIFIER_ALT = alternation(vocab.modifiers.items);
/** A title with an optional "nguyên"/"quyền" before it. Titles are matched in any case. */
const TITLE = phraseScanner(
  new RegExp(`${WORD_START}(?:(?:${MODIFIER_ALT})${SPACE})?(?:${TITLE_ALT})${WORD_END}`, 'giu'),
  [...vocab.modifiers.items, ...vocab.titles.items].map((a) => normalizeVietnamese(a)),
);
const TITLE_AT = new RegExp(`(?:(?:${MODIFIER_ALT})${SPACE})?(?:${TITLE_ALT})${WORD_END}`, 'iuy');
/** Forms of address are matched as written: "Bà" starts "Bà Rịa" only with a name-like word after. */
const HONORIFIC = phraseScanner(
  new RegExp(`${WORD_START}(?:${alternation(vocab.honorifics.items)})(?=${SPACE})`, 'gu'),
  vocab.honorifics.items.map((a) => normalizeVietnamese(a)),
);
const HONORIFIC_WORDS = new Set(vocab.honorifics.items.map((h) => h.toLowerCase()));
const HONORIFIC_AT = new RegExp(`(?:${alternation(vocab.honorifics.items)})(?=${SPACE})`, 'uy');




const startsAt = (re: RegExp, text: string, at: number): number => {
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m[0].length : 0;
};

/** Name words from `pos` on (spaces only between them), stopping where a title or address begins. */
function nameRun(text: string, pos: number): Word[] {
  const run: Word[] = [];
  let at = pos;
  for (;;) {
    const w = wordAfter(text, at);
    if (!w || !isNameWord(w.text) || run.length >= 8) break;
    if (run.length > 0 && (startsAt(TITLE_AT, text, w.start) > 0 || startsAt(HONORIFIC_AT, text, w.start) > 0)) break;
    run.push(w);
    at = w.end;
  }
  return run;
}

const capitalise = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);
const joinWords = (ws: readonly Word[]): string => ws.map((w) => w.text).join(' ');

/** A Vietnamese name: 2–4 syllables, a known surname first, no heading words, not a place. */
function isVietnameseName(ws: readonly Word[]): boolean {
  if (ws.length < 2 || ws.length > 4) return false;
  if (!ws.every((w) => isVietWord(w.text) && !NOT_NAME.has(normalizeVietnamese(w.text)))) return false;
  const first = normalizeVietnamese(ws[0]?.text ?? '');
  const firstTwo = normalizeVietnamese(joinWords(ws.slice(0, 2)));
  if (!SURNAMES.has(first) && !SURNAMES.has(firstTwo)) return false;
  const all = fold(joinWords(ws));
  if (countryByName(joinWords(ws)) !== null) return false;
  return !PLACES.has(all) || PLACES_ALSO_PEOPLE.has(all);
}

/** A foreign name: 2–4 capitalised words, at least one of which is no Vietnamese syllable. */
function isForeignName(ws: readonly Word[]): boolean {
  if (ws.length < 2 || ws.length > 4) return false;
  if (!ws.every((w) => isNameWord(w.text))) return false;
  if (ws.some((w) => countryByName(w.text) !== null && !/-/.test(w.text))) return false;
  return ws.some((w) => !isVietnameseSyllable(w.text) || /-/.test(w.text));
}

/** Drops leading country and place names: "Việt Nam Hiroyu Suzuki", "Vĩnh Phúc Lê Duy Thành". */
function stripPlaces(ws: readonly Word[], text: string, afterClassifier: boolean): { rest: Word[]; stripped: boolean } {
  let rest = [...ws];
  let stripped = false;
  for (let guard = 0; guard < 3 && rest.length > 0; guard++) {
    const first = rest[0];
    const last = rest.at(-1);
    if (!first || !last) break;
    const span = text.slice(first.start, last.end);
    const hit = findCountries(span).find((h) => h.start === 0);
    let take = 0;
    if (hit) take = rest.findIndex((w) => w.end - first.start >= hit.end) + 1;
    else {
      for (const n of [3, 2, 1]) {
        if (n > rest.length) continue;
        const cand = fold(joinWords(rest.slice(0, n)));
        // "Hồ Chí Minh" is the city only after "TP."/"thành phố".
        if (PLACES.has(cand) && (afterClassifier || !PLACES_ALSO_PEOPLE.has(cand))) {
          take = n;
          break;
        }
      }
    }
    if (take <= 0 || take >= rest.length) break;
    rest = rest.slice(take);
    stripped = true;
  }
  return { rest, stripped };
}

/**
 * The person's name at the end of a run of capitalised words that follows a title or its body
 * ("Sở Công Thương Hoàng Văn Quảng", "tỉnh Vĩnh Phúc Lê Duy Thành"). After a locality word
 * ("tỉnh", "huyện") the first words are the place.
 */
function nameInRun(run: readonly Word[], text: string, afterClassifier: boolean): Word[] | null {
  const { rest, stripped } = stripPlaces(run, text, afterClassifier);
  const classified = afterClassifier && !stripped;
  if (classified && PLACES.has(fold(joinWords(rest)))) return null;
  if (rest.some((w) => !isVietWord(w.text))) {
    let ws = rest;
    if (classified && ws.length >= 3) ws = ws.slice(1);
    if (ws.length > 3) ws = ws.slice(-3);
    return isForeignName(ws) ? ws : null;
  }
  if (classified) {
    // An unknown place of 2 or 3 syllables, then the name; or the name alone ("UBND tỉnh Nguyễn Hồng Lĩnh").
    for (const k of [2, 3]) if (rest.length >= k + 2 && isVietnameseName(rest.slice(k))) return rest.slice(k);
    if (rest.length >= 3 && isVietnameseName(rest)) return rest;
    return null;
  }
  for (let i = 0; i + 2 <= rest.length; i++) {
    const cand = rest.slice(i);
    if (cand.length <= 4 && isVietnameseName(cand)) return cand;
  }
  return null;
}

/** Length of a lower-case role word or phrase at `at` ("tỉnh", "ngoại giao", "tại"), or 0. */
function roleWordAt(text: string, at: number): number {
  for (const r of ROLE_WORDS) {
    if (text.startsWith(r, at) && !/[\p{L}\p{N}]/u.test(text.charAt(at + r.length))) return r.length;
  }
  return 0;
}

const isCompound = (prev: string, w: string): boolean => COMPOUNDS.has(fold(`${prev} ${w}`));
const isAcronym = (w: string): boolean => /^[\p{Lu}\p{N}&\-]{2,}$/u.test(w) && /\p{Lu}.*\p{Lu}/u.test(w);

interface Found {
  name: string;
  role: string | null;
  at: number;
}

/** Title first: "Phó Chủ tịch Thường trực UBND tỉnh Nguyễn Hồng Lĩnh", "Thống đốc Koutarou Nagasaki". */
function titleThenName(text: string, titles: readonly RegExpExecArray[]): Found[] {
  const out: Found[] = [];
  for (const m of titles) {
    const start = m.index;
    let pos = start + m[0].length;
    let prev = m[0].split(/[ \u00a0]+/u).at(-1) ?? '';
    let afterClassifier = false;
    for (let steps = 0; steps < 16; steps++) {
      const w = wordAfter(text, pos);
      if (!w) break;
      if (isNameWord(w.text)) {
        const run = nameRun(text, pos);
        if (run.length === 0) break;
        const name = nameInRun(run, text, afterClassifier);
        if (name?.[0]) {
          out.push({ name: joinWords(name), role: text.slice(start, name[0].start).trim(), at: name[0].start });
          break;
        }
        const last = run.at(-1);
        if (!last) break;
        pos = last.end;
        prev = last.text;
        afterClassifier = false;
        continue;
      }
      if (isAcronym(w.text)) {
        // "TP." (thành phố) keeps its dot.
        pos = w.text === 'TP' && text.charAt(w.end) === '.' ? w.end + 1 : w.end;
        prev = w.text;
        afterClassifier = w.text === 'TP';
        continue;
      }
      const roleLen = roleWordAt(text, w.start);
      if (roleLen > 0) {
        afterClassifier = CLASSIFIERS.has(text.slice(w.start, w.start + roleLen).toLowerCase());
        pos = w.start + roleLen;
        prev = text.slice(w.start, pos);
        continue;
      }
      if (/^\p{Ll}/u.test(w.text) && isCompound(prev, w.text)) {
        pos = w.end;
        prev = w.text;
        afterClassifier = false;
        continue;
      }
      break;
    }
  }
  return out;
}

/** The title phrase that starts at `at` ("Thống đốc tỉnh Tochigi"), or null. */
function roleAt(text: string, at: number): string | null {
  const len = startsAt(TITLE_AT, text, at);
  if (len === 0) return null;
  let end = at + len;
  let pos = end;
  let prev = text.slice(at, end).split(/[ \u00a0]+/u).at(-1) ?? '';
  for (let steps = 0; steps < 14; steps++) {
    const w = wordAfter(text, pos);
    if (!w) break;
    if (/^[\p{Lu}\p{N}]/u.test(w.text)) {
      // Another person's address or name ends the role.
      if (startsAt(HONORIFIC_AT, text, w.start) > 0) break;
      const run = nameRun(text, pos);
      const name = run.length > 0 ? nameInRun(run, text, CLASSIFIERS.has(fold(prev))) : null;
      const nameStart = name?.[0]?.start;
      if (nameStart !== undefined) {
        end = run.filter((r) => r.end <= nameStart).at(-1)?.end ?? end;
        break;
      }
      pos = end = w.end;
      prev = w.text;
      continue;
    }
    const roleLen = roleWordAt(text, w.start);
    if (roleLen > 0) {
      pos = w.start + roleLen;
      prev = text.slice(w.start, pos);
      // "quốc tế", "ngoại giao" may end a role; "tỉnh", "tại", "và" need what follows them.
      if (!LINKING.has(prev)) end = pos;
      continue;
    }
    // A body's name capitalises only the first syllable of each word ("Ban Thường vụ Tỉnh ủy"): a
    // lower-case syllable after a capitalised one belongs to the role when it is a known word, or
    // when the name goes on right after it.
    const after = wordAfter(text, w.end);
    const continues = after !== null && /^[\p{Lu}]/u.test(after.text);
    if (isCompound(prev, w.text) || (isVietWord(capitalise(prev)) && /^\p{Lu}/u.test(prev) && continues)) {
      pos = end = w.end;
      prev = w.text;
      continue;
    }
    break;
  }
  return text.slice(at, end).trim();
}

const SEPARATOR = /[ \u00a0]*(?:[,–—-][ \u00a0]*)?/uy;

/** A role right after a name: "…Quang, Giám đốc Sở Ngoại vụ", "…Nam – Phó Giám đốc…". */
function roleAfter(text: string, end: number): string | null {
  SEPARATOR.lastIndex = end;
  const sep = SEPARATOR.exec(text);
  const at = end + (sep?.[0].length ?? 0);
  return at > end ? roleAt(text, at) : null;
}

/** Form of address first: "đồng chí Trần Hồng Quang, Giám đốc…", "ông Fukuda Tomikazu, Thống đốc…". */
function addressThenName(text: string): Found[] {
  const out: Found[] = [];
  for (const m of HONORIFIC(text)) {
    const run = nameRun(text, m.index + m[0].length);
    const name = run.length <= 4 && (isVietnameseName(run) || isForeignName(run)) ? run : null;
    const last = name?.at(-1);
    if (!name?.[0] || !last) continue;
    out.push({ name: joinWords(name), role: roleAfter(text, last.end), at: name[0].start });
  }
  return out;
}

/** Characters a name and its separator before a title can hold. */
const isNameChar = codePointClass(/^[\p{L}\p{M}'’\- \u00a0,–—]$/u);

/** Start of the run of name characters that ends at `end` (by code point). */
function nameStretchStart(text: string, end: number): number {
  let at = end;
  while (at > 0) {
    let cp = text.charCodeAt(at - 1);
    let width = 1;
    if (cp >= 0xdc00 && cp <= 0xdfff && at >= 2) {
      const high = text.charCodeAt(at - 2);
      if (high >= 0xd800 && high <= 0xdbff) {
        cp = 0x10000 + ((high - 0xd800) << 10) + (cp - 0xdc00);
        width = 2;
      }
    }
    if (!isNameChar(cp)) break;
    at -= width;
  }
  return at;
}

/** No address: "Nguyễn Văn A, Giám đốc Sở…", "Hiroyu Suzuki – Tổng Giám đốc…". */
function nameThenTitle(text: string, titles: readonly RegExpExecArray[]): Found[] {
  const out: Found[] = [];
  const before = /((?:\p{Lu}[\p{L}\p{M}'’\-]*[ \u00a0]+){1,5}\p{Lu}[\p{L}\p{M}'’\-]*)[ \u00a0]*[,–—-][ \u00a0]*$/u;
  for (const m of titles) {
    // A match only holds name characters, so the search starts after the last other character.
    const head = before.exec(text.slice(nameStretchStart(text, m.index), m.index));
    if (!head?.[1]) continue;
    const base = m.index - head[0].length;
    const runEnd = base + head[1].length;
    const words = wordsOf(text, base, runEnd);
    while (words[0] && HONORIFIC_WORDS.has(words[0].text.toLowerCase())) words.shift();
    const name = nameInRun(words, text, false);
    // The name must reach the separator: "Sở Công Thương, Giám đốc…" names nobody.
    if (!name?.[0] || name.at(-1)?.end !== runEnd) continue;
    out.push({ name: joinWords(name), role: roleAt(text, m.index), at: name[0].start });
  }
  return out;
}

function wordsOf(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  for (const m of text.slice(start, end).matchAll(/[\p{L}\p{M}'’\-]+/gu)) {
    out.push({ text: m[0], start: start + m.index, end: start + m.index + m[0].length });
  }
  return out;
}

const CREDIT = /(?:^|[(\[|]|[ \u00a0])(?:Ảnh|Ảnh và bài|Bài và ảnh|Bài, ảnh|Photo)[ \u00a0]*:[ \u00a0]*([^()\[\]/;,|:.]+)/gu;

/** Photo credits: "(Ảnh: Minh Thư)". */
function credits(text: string): Found[] {
  const out: Found[] = [];
  // Every credit has a colon ("Ảnh:").
  if (!text.includes(':')) return out;
  for (const m of normalizeVietnamese(text).matchAll(CREDIT)) {
    const name = (m[1] ?? '').replace(/[ \u00a0]*[-–].*$/u, '').trim();
    if (looksLikePersonName(name)) out.push({ name, role: null, at: m.index });
  }
  return out;
}

/**
 * A line that could be a person's name, e.g. a byline: "Trần Quốc Văn", "Kim Duyên", "Bình Giang".
 * Pen names need not start with a surname, so this accepts 2–4 capitalised Vietnamese syllables
 * with no digits or heading words, and rejects known places, countries and organisations.
 */
export function looksLikePersonName(s: string): boolean {
  const text = normalizeVietnamese(s).replace(/[\s\u00a0]+/gu, ' ').replace(/[ .,;:/–-]+$/u, '').trim();
  const words = text.split(' ');
  if (words.length < 2 || words.length > 4) return false;
  if (!words.every((w) => isVietWord(w) && !NOT_NAME.has(w))) return false;
  const folded = fold(text);
  if (PLACES.has(folded) || PLACES.has(fold(words.slice(0, 2).join(' ')))) return false;
  if (ORG_ALIASES.has(folded) || countryByName(text) !== null) return false;
  return true;
}

const BYLINE_ZONE = 3;

/** Closing bylines: a name alone on a line near the end, with its title on the next line if any. */
function bylines(blocks: readonly Block[]): Array<Found & { line: number }> {
  const out: Array<Found & { line: number }> = [];
  const article = blocks.filter((b) => b.kind !== 'noise');
  article.forEach((b, i) => {
    const nearEnd = i >= article.length - BYLINE_ZONE && i > 0;
    if (!(b.kind === 'byline' || nearEnd) || !looksLikePersonName(b.text)) return;
    const next = article[i + 1];
    const role = next && next.text.split(/\s+/u).length <= 14 ? roleAt(normalizeVietnamese(next.text), 0) : null;
    out.push({ name: normalizeVietnamese(b.text).replace(/[ .,;:/–-]+$/u, '').trim(), role, at: 0, line: b.line });
  });
  return out;
}

/** People found in one sentence, in text order. */
export function findPeople(sentence: string): Found[] {
  const text = normalizeVietnamese(sentence);
  const titles = TITLE(text);
  const all = [...titleThenName(text, titles), ...addressThenName(text), ...nameThenTitle(text, titles), ...credits(text)];
  // One finding per name start: the longest role ("Cục trưởng Cục Lãnh sự", not "Lãnh sự").
  all.sort((a, b) => a.at - b.at || (b.role?.length ?? -1) - (a.role?.length ?? -1));
  return all.filter((f, i) => i === 0 || all[i - 1]?.at !== f.at);
}

/** Every named person of the article, once each (first mention's line, first role found). */
export function extractPeople(ctx: ExtractContext): Person[] {
  const byName = new Map<string, Person>();
  const add = (name: string, role: string | null, line: number) => {
    const key = fold(name);
    const known = byName.get(key);
    if (!known) byName.set(key, { name, role, line });
    else if (known.role === null && role !== null) known.role = role;
  };
  for (const s of ctx.sentences) for (const f of findPeople(s.text)) add(f.name, f.role, s.line);
  for (const b of bylines(ctx.blocks)) add(b.name, b.role, b.line);
  return [...byName.values()];
}
