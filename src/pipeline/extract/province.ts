/**
 * Vietnamese province mentions in report text, and the subject province of a report. The province
 * data (63 → 34) lives in the knowledge layer (src/knowledge/provinces.ts).
 */
import type { ProvinceRef } from '../../schemas/extraction.ts';
import { allProvinces, provinceData, provinceRef, provincesAfter2025 } from '../../knowledge/provinces.ts';
import { alternation, escapeRegExp, fold, normalizeVietnamese, SPACE, WORD_END, WORD_START } from '../../lib/text.ts';
import type { ExtractContext } from './context.ts';
import { findCountries } from './countries.ts';
import { endsWithMatch, maxSolidLength, phraseScanner, type PhraseScanner } from './phrase-scan.ts';

export interface ProvinceHit {
  slug: string;
  asWritten: string;
  /** "tỉnh", "thành phố", "TP." ... when the name follows one, else null. */
  classifier: string | null;
  /** UTF-16 index where the mention starts, classifier included. */
  from: number;
  /** UTF-16 indices of the name (without the classifier) in the searched text. */
  start: number;
  end: number;
}

interface Form {
  slug: string;
  needsClassifier: boolean;
  notBefore: readonly string[];
}

const CLASSIFIER = '(?:tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|THÀNH PHỐ|TP\\.|Tp\\.|TP|Tp)';
/** Where a classified mention can start ("TP." starts with "TP"). */
const CLASSIFIER_STARTS = ['tỉnh', 'Tỉnh', 'TỈNH', 'thành phố', 'Thành phố', 'THÀNH PHỐ', 'TP', 'Tp'];

interface Matcher {
  forms: ReadonlyMap<string, Form>;
  folded: ReadonlyMap<string, string>;
  pattern: PhraseScanner;
  surnames: ReadonlySet<string>;
  /** "chị " before a one-word form. */
  addressed: RegExp;
  addressedSolid: number;
}

function buildMatcher(): Matcher {
  const forms = new Map<string, Form>();
  const folded = new Map<string, string>();
  const data = provinceData;
  const OLD = allProvinces();
  for (const p of data.provinces) {
    const onlyAfter = new Set(p.classifierOnly ?? []);
    const written = [p.name, ...(p.aliases ?? []), ...onlyAfter];
    for (const raw of written) {
      const form = normalizeVietnamese(raw);
      const entry = { slug: p.slug, needsClassifier: onlyAfter.has(raw), notBefore: p.notBefore ?? [] };
      // Headlines are sometimes set in capitals.
      for (const v of new Set([form, form.toUpperCase()])) forms.set(v, entry);
      folded.set(fold(form), p.slug);
    }
  }
  for (const p of provincesAfter2025()) folded.set(fold(p.name), OLD.some((o) => o.slug === p.slug) ? p.slug : (OLD.find((o) => o.mergedInto === p.slug)?.slug ?? p.slug));
  return {
    forms,
    folded,
    pattern: phraseScanner(
      new RegExp(`(?:(${CLASSIFIER})[\\s\\u00a0]*)?${WORD_START}(${alternation(forms.keys())})${WORD_END}`, 'gu'),
      forms.keys(),
      CLASSIFIER_STARTS,
    ),
    surnames: new Set(data.personNames.surnames),
    addressed: new RegExp(`${WORD_START}(?:${data.personNames.titles.map(escapeRegExp).join('|')})${SPACE}$`, 'iu'),
    addressedSolid: maxSolidLength(data.personNames.titles),
  };
}

let matcher: Matcher | null = null;
function provinceMatcher(): Matcher {
  matcher ??= buildMatcher();
  return matcher;
}

/** Slug for a written province name ("TP. HCM" and "Hoà Bình" included), or null. */
export function provinceByName(name: string): string | null {
  const m = provinceMatcher();
  const hits = findProvinces(name.trim());
  if (hits.length === 1 && hits[0]) return hits[0].slug;
  return m.folded.get(fold(name.trim().replace(/^(tỉnh|thành phố|tp\.?)\s+/iu, ''))) ?? null;
}

/** True when the capitalised words glued before `start` begin with a family name ("Nguyễn Thái Bình"). */
function insidePersonName(text: string, start: number, surnames: ReadonlySet<string>): boolean {
  const run = /((?:\p{Lu}\p{Ll}*[\s\u00a0]+)+)$/u.exec(text.slice(0, start));
  if (!run?.[1]) return false;
  const first = run[1].trim().split(/[\s\u00a0]+/u)[0] ?? '';
  return surnames.has(first);
}

/** "tỉnh Hà Nam (Trung Quốc)": a foreign locality that shares a Vietnamese province name. */
function foreignQualified(text: string, end: number): boolean {
  const after = text.slice(end);
  const gap = /^[\s\u00a0]*(\(|,)[\s\u00a0]*/u.exec(after);
  if (!gap) return false;
  const [first] = findCountries(after.slice(gap[0].length));
  if (!first || first.start !== 0 || first.code === 'VN') return false;
  return gap[1] === '(' || first.code === 'CN';
}

/** Every Vietnamese province mention in `text`, in order. */
export function findProvinces(text: string): ProvinceHit[] {
  const m = provinceMatcher();
  const normal = normalizeVietnamese(text);
  const hay = normal.length === text.length ? normal : text;
  const hits: ProvinceHit[] = [];
  for (const match of m.pattern(hay)) {
    const classifier = match[1] ?? null;
    const name = match[2] ?? '';
    const start = match.index + match[0].length - name.length;
    const end = start + name.length;
    const form = m.forms.get(name.replace(/[\s\u00a0]+/gu, ' '));
    if (!form) continue;
    if (form.needsClassifier && !classifier) continue;
    const next = /^[\s\u00a0]+([\p{L}\p{N}]+)/u.exec(hay.slice(end))?.[1];
    if (next && form.notBefore.includes(next)) continue;
    if (!classifier && insidePersonName(hay, start, m.surnames)) continue;
    if (!classifier && !/\s/u.test(name) && endsWithMatch(m.addressed, hay, start, m.addressedSolid)) continue;
    if (foreignQualified(hay, end)) continue;
    hits.push({ slug: form.slug, asWritten: text.slice(start, end), classifier, from: match.index, start, end });
  }
  return hits;
}

/*
 * Scoring weights. A report names its own province often, with "tỉnh", in its headline and lede,
 * and as the owner of the work ("công tác đối ngoại của tỉnh X", "Sở Ngoại vụ X"); other
 * provinces appear once or twice as places ("tại Hà Nội").
 */
const W_MENTION = 1;
const W_CLASSIFIER = 1;
const W_OWNER = 1;
const W_TITLE = 3;
const W_OUTLET = 4;
const W_LEDE = 1;
const LEDE_SENTENCES = 3;
/** Below this nothing is convincing enough to name the report's province. */
const MIN_SCORE = 3;

/** The grammatical subject ("Tỉnh Quảng Ninh tiếp ...") opens its sentence. */
const W_SUBJECT = 2;
/** "đoàn công tác của tỉnh Lạng Sơn": the visitors' province, not the host's. */
const W_VISITOR = -2;
const VISITOR_BEFORE = /đoàn(?:[\s\u00a0]+(?:công tác|đại biểu|cán bộ|lãnh đạo|khảo sát))?[\s\u00a0]+(?:của[\s\u00a0]+)?$/u;

const OWNER_BEFORE = /(?:của|thuộc|đối ngoại|[Nn]goại vụ|UBND|HĐND|[Tt]ỉnh ủy|[Tt]hành ủy)[\s\u00a0]+$/u;

interface Tally {
  score: number;
  first: number;
  inTitle: boolean;
}

function mentionScore(text: string, hit: ProvinceHit): number {
  let s = W_MENTION + roleScore(text, hit);
  if (hit.classifier) s += W_CLASSIFIER;
  if (OWNER_BEFORE.test(text.slice(0, hit.from)) && !VISITOR_BEFORE.test(text.slice(0, hit.from))) s += W_OWNER;
  return s;
}

/** Subject of its sentence, or the origin of a visiting delegation. */
function roleScore(text: string, hit: ProvinceHit): number {
  const before = text.slice(0, hit.from);
  if (!before.trim()) return W_SUBJECT;
  return VISITOR_BEFORE.test(before) ? W_VISITOR : 0;
}

/**
 * The province a report is about, and the other Vietnamese provinces it names. Null when no
 * province scores MIN_SCORE (a lone "tại Hà Nội" is not enough).
 */
export function detectProvince(
  ctx: ExtractContext,
  title: string | null,
  /** The province whose own paper published the report, when the dateline says so. */
  outletProvince: string | null = null,
): { province: ProvinceRef | null; otherProvinces: ProvinceRef[] } {
  const tallies = new Map<string, Tally>();
  let order = 0;
  const count = (slug: string, points: number, inTitle: boolean) => {
    const t = tallies.get(slug) ?? { score: 0, first: order, inTitle: false };
    t.score += points;
    t.inTitle ||= inTitle;
    tallies.set(slug, t);
    order++;
  };

  // A province's own paper writes about that province: a strong prior, still outweighed by a text
  // that is plainly about another one.
  if (outletProvince) count(outletProvince, W_OUTLET, false);
  if (title) {
    const seen = new Set<string>();
    for (const hit of findProvinces(title)) {
      if (seen.has(hit.slug)) continue;
      seen.add(hit.slug);
      count(hit.slug, W_TITLE + roleScore(title, hit), true);
    }
  }
  const headlines = new Set(ctx.blocks.filter((b) => b.kind === 'headline').map((b) => b.line));
  let bodyIndex = 0;
  for (const s of ctx.sentences) {
    const isHeadline = headlines.has(s.line) || (title !== null && normalizeVietnamese(s.text) === normalizeVietnamese(title));
    const lede = !isHeadline && bodyIndex < LEDE_SENTENCES;
    if (!isHeadline) bodyIndex++;
    if (isHeadline && title) continue; // already counted from the title
    for (const hit of s.provinces) count(hit.slug, mentionScore(s.text, hit) + (lede ? W_LEDE : 0), false);
  }

  const ranked = [...tallies.entries()].sort(
    ([, a], [, b]) => b.score - a.score || Number(b.inTitle) - Number(a.inTitle) || a.first - b.first,
  );
  const best = ranked[0];
  const subject = best && best[1].score >= MIN_SCORE ? best[0] : null;
  const others = [...tallies.entries()]
    .filter(([slug]) => slug !== subject)
    .sort(([, a], [, b]) => a.first - b.first)
    .map(([slug]) => provinceRef(slug));
  return { province: subject ? provinceRef(subject) : null, otherProvinces: others };
}
