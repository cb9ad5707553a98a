/**
 * Foreign sub-national localities named in a report ("tỉnh Savannakhet (Lào)", "bang Queensland - Úc",
 * "tỉnh Akita và tỉnh Tochigi (Nhật Bản)", "quận Ulju, thành phố Ulsan (Hàn Quốc)", or a gazetteer
 * name alone such as "Luang Prabang"). Two passes per sentence:
 *  1. classifier phrases: a classifier word, a list of capitalised names, then an optional country;
 *  2. bare gazetteer names, for aliases the gazetteer allows without a classifier.
 * A locality the gazetteer does not know is still kept when its foreign country is written beside it.
 */
import type { Mention, Partner, PartnerKind, ProvinceRef } from '../../schemas/extraction.ts';
import { alternation, escapeRegExp, isVietnameseSyllable, isWhitespaceCode, normalizeVietnamese, slugify, SPACE as SP, WORD_START } from '../../lib/text.ts';
import { countryByName } from '../../knowledge/countries.ts';
import { compactKey, gazetteerMaxWords, matchLocality, type Locality } from '../../knowledge/localities.ts';
import { allProvinces } from '../../knowledge/provinces.ts';
import { localityPhrases as rules } from '../../knowledge/rules.ts';
import { findCountries, type CountryHit } from './countries.ts';
import type { ExtractContext } from './context.ts';
import { decideRelations, type SentenceMentions } from './relation.ts';
import { capitalisedMatches, endsWithMatch, maxSolidLength, phraseScanner, type PhraseScanner } from './phrase-scan.ts';

/** One locality mention in a sentence. */
export interface PartnerMention {
  /** Gazetteer entry, or null for a locality only the pattern found. */
  locality: Locality | null;
  /** The name as written, without the classifier (the whole phrase for groups: "các tỉnh Bắc Lào"). */
  asWritten: string;
  name: string;
  slug: string;
  kind: PartnerKind;
  country: string;
  start: number;
  end: number;
}

const KINDS = new Set<string>(['province', 'prefecture', 'state', 'city', 'district', 'region']);

function isKind(k: string): k is PartnerKind {
  return KINDS.has(k);
}

/** "tỉnh" also matches "Tỉnh" at a sentence start; "TP." stays as written. */
function wordPattern(word: string): string {
  return alternation([word], { capitalFirst: true });
}

interface Rules {
  classifier: PhraseScanner;
  kindsOf: ReadonlyMap<string, readonly PartnerKind[]>;
  quantifiers: RegExp;
  introducer: RegExp;
  introducerSolid: number;
  joiner: RegExp;
  link: RegExp;
  orgHead: RegExp;
  orgHeadSolid: number;
  notNames: ReadonlySet<string>;
  vietnamese: ReadonlySet<string>;
  kindByCountry: ReadonlyMap<string, ReadonlyMap<string, PartnerKind>>;
}

function buildRules(): Rules {
  const kindsOf = new Map<string, PartnerKind[]>();
  for (const c of rules.classifiers.entries) kindsOf.set(compactKey(c.word), c.kinds.filter(isKind));
  const classifierAlt = alternation(rules.classifiers.entries.map((c) => c.word), { capitalFirst: true });
  const vietnamese = new Set<string>();
  for (const p of allProvinces()) {
    vietnamese.add(compactKey(p.name));
    for (const a of p.aliases) vietnamese.add(compactKey(a));
  }
  const kindByCountry = new Map<string, Map<string, PartnerKind>>();
  for (const [cc, map] of Object.entries(rules.kindByCountry.entries)) {
    kindByCountry.set(cc, new Map(Object.entries(map).filter((e): e is [string, PartnerKind] => isKind(e[1]))));
  }
  const joinerAlt = rules.listJoiners.entries
    .filter((j) => j !== ',' && j !== ', và')
    .map((j) => escapeRegExp(j))
    .join('|');
  return {
    // Classifier, optional list joiner before it, then a capitalised name (checked by the caller).
    classifier: phraseScanner(
      new RegExp(
        `${WORD_START}(?:(?<q>${alternation(rules.groupQuantifiers.entries, { capitalFirst: true })})${SP})?(?<c>${classifierAlt})(?:${SP}|(?<=\\.))(?=\\p{Lu})`,
        'gu',
      ),
      [...rules.groupQuantifiers.entries, ...rules.classifiers.entries.map((c) => c.word)].map((w) => normalizeVietnamese(w)),
    ),
    kindsOf,
    quantifiers: new RegExp(`^(?:${alternation(rules.groupQuantifiers.entries, { capitalFirst: true })})$`, 'u'),
    introducer: new RegExp(
      `(?:${rules.listIntroducers.entries
        .map((w) => (w === ':' ? ':' : `${WORD_START}${wordPattern(w)}`))
        .join('|')})[\\s\\u00a0]*$`,
      'u',
    ),
    introducerSolid: maxSolidLength([...rules.listIntroducers.entries, ...rules.listIntroducers.entries.map((w) => normalizeVietnamese(w))]),
    joiner: new RegExp(
      `^(?:[\\s\\u00a0]*,[\\s\\u00a0]*(?:(?:${joinerAlt})${SP})?|${SP}(?:${joinerAlt})${SP})(?:(?<c>${classifierAlt})${SP})?(?=\\p{Lu})`,
      'u',
    ),
    link: new RegExp(
      `^[\\s\\u00a0]*(?:\\(|[-–—]|,|của|thuộc)?[\\s\\u00a0]*(?:(?:nước|Vương quốc|CHDCND|Cộng hòa|CH|Liên bang)${SP})*$`,
      'u',
    ),
    orgHead: new RegExp(`(?:${alternation(rules.organisationHeads.entries, { capitalFirst: true })})${SP}$`, 'u'),
    orgHeadSolid: maxSolidLength([...rules.organisationHeads.entries, ...rules.organisationHeads.entries.map((w) => normalizeVietnamese(w))]),
    notNames: new Set(rules.notNames.entries.map(compactKey)),
    vietnamese,
    kindByCountry,
  };
}

let cached: Rules | null = null;
function phraseRules(): Rules {
  cached ??= buildRules();
  return cached;
}

interface Span {
  text: string;
  start: number;
  end: number;
}

// A name word: capitalised, letters and marks, hyphenated syllables allowed ("Sa-van-na-khẹt").
const WORD = `\\p{Lu}[\\p{L}\\p{M}'’]*(?:-[\\p{L}\\p{M}]+)*`;
const NAME = new RegExp(`^${WORD}(?:[ \\u00a0](?:(?:de|la|du|des|del)[ \\u00a0])?${WORD})*`, 'u');
// The capital is looked for before the word start: the same matches, found much faster.
const NAME_RUNS = new RegExp(`(?=\\p{Lu})${WORD_START}${WORD}(?:[ \\u00a0]${WORD})*`, 'gu');

function readName(text: string, at: number): Span | null {
  const m = NAME.exec(text.slice(at));
  if (!m) return null;
  return { text: m[0], start: at, end: at + m[0].length };
}

/** Word spans of a name (its runs of non-space characters), so prefixes can be tried longest first. */
function words(span: Span): Span[] {
  const out: Span[] = [];
  const t = span.text;
  let from = -1;
  for (let i = 0; i <= t.length; i++) {
    const space = i === t.length || isWhitespaceCode(t.charCodeAt(i));
    if (!space && from < 0) from = i;
    else if (space && from >= 0) {
      out.push({ text: t.slice(from, i), start: span.start + from, end: span.start + i });
      from = -1;
    }
  }
  return out;
}

function sub(text: string, parts: readonly Span[], from: number, to: number): Span | null {
  const a = parts[from];
  const b = parts[to - 1];
  if (!a || !b) return null;
  return { text: text.slice(a.start, b.end), start: a.start, end: b.end };
}

function isVietnamese(name: string, r: Rules): boolean {
  return r.vietnamese.has(compactKey(name));
}

/** The country written right after `end` ("(Lào)", "- Úc", ", Nhật Bản", "của Lào"), if any. */
function countryAfter(text: string, end: number, hits: readonly CountryHit[], r: Rules): CountryHit | null {
  for (const h of hits) {
    if (h.start < end) continue;
    if (!r.link.test(text.slice(end, h.start))) return null;
    // "Thái Bình Dương": a country alias glued to more capitalised words is part of another name.
    if (/^[ \u00a0]\p{Lu}/u.test(text.slice(h.end))) return null;
    return h;
  }
  return null;
}

/** The country of a list opened by "gồm", "như", ":" after a phrase that names it ("ba tỉnh Bắc Lào gồm"). */
function countryBefore(text: string, start: number, hits: readonly CountryHit[], r: Rules): string | null {
  if (!endsWithMatch(r.introducer, text, start, r.introducerSolid)) return null;
  const windowStart = Math.max(0, start - 80);
  const near = hits.filter((h) => h.start >= windowStart && h.end <= start && h.code !== 'VN');
  return near.at(-1)?.code ?? null;
}

function kindFor(kinds: readonly PartnerKind[], country: string, r: Rules): PartnerKind {
  const k = kinds[0] ?? 'province';
  return r.kindByCountry.get(country)?.get(k) ?? k;
}

interface Item {
  name: Span;
  kinds: readonly PartnerKind[];
}

/** Pass 1: classifier phrases and their lists. */
function classifierMentions(text: string, hits: readonly CountryHit[], r: Rules, taken: Array<[number, number]>): PartnerMention[] {
  const out: PartnerMention[] = [];
  for (const m of r.classifier(text)) {
    const start = m.index;
    if (taken.some(([s, e]) => start >= s && start < e)) continue;
    const classifier = m.groups?.['c'] ?? '';
    const quantifier = m.groups?.['q'];
    const kinds = r.kindsOf.get(compactKey(classifier)) ?? ['province'];
    const first = readName(text, start + m[0].length);
    if (!first) continue;

    if (quantifier) {
      // "các tỉnh Bắc Lào" is a named group; "các tỉnh Lào" is generic. "hai tỉnh X và Y" lists localities.
      const group = matchLocality(first.text, null, { kinds: ['region'] }).find((x) => x.locality.group);
      if (group) {
        out.push(mention(group.locality, text.slice(start, first.end), start, first.end));
        taken.push([start, first.end]);
        continue;
      }
      if (countryByName(first.text)) continue;
    }

    const items: Item[] = [{ name: first, kinds }];
    let end = first.end;
    for (;;) {
      const j = r.joiner.exec(text.slice(end));
      if (!j) break;
      const next = readName(text, end + j[0].length);
      if (!next) break;
      // ", Nhật Bản" closes the list as its country.
      if (hits.some((h) => h.start === next.start)) break;
      const c = j.groups?.['c'];
      items.push({ name: next, kinds: c ? (r.kindsOf.get(compactKey(c)) ?? kinds) : (items.at(-1)?.kinds ?? kinds) });
      end = next.end;
    }

    const after = countryAfter(text, end, hits, r);
    // "tỉnh Lạng Sơn và thành phố Bách Sắc (Quảng Tây)": a list opened by a Vietnamese province is
    // no foreign list; the localities after it are read from their own classifiers.
    if (!after && isVietnamese(first.text, r)) continue;
    const parent = after ? null : parentAfter(text, end);
    const listCountry = after?.code ?? parent?.country ?? countryBefore(text, start, hits, r);
    const found: PartnerMention[] = [];
    for (const item of items) {
      const f = resolveItem(text, item, listCountry, after !== null, hits, r, item === items.at(-1));
      if (f) found.push(f);
      else if (!after) break; // an unresolved name ends a list that has no country to vouch for it
    }
    if (parent) found.push(parent);
    if (found.length > 0) {
      out.push(...found);
      taken.push([start, Math.max(end, ...found.map((f) => f.end))]);
    }
  }
  return out;
}

/** "châu Hồng Hà (Vân Nam)": a gazetteer locality in parentheses gives the country and is named too. */
function parentAfter(text: string, end: number): PartnerMention | null {
  const m = /^[\s\u00a0]*\([\s\u00a0]*/u.exec(text.slice(end));
  if (!m) return null;
  const name = readName(text, end + m[0].length);
  if (!name || !/^[\s\u00a0]*\)/u.test(text.slice(name.end))) return null;
  const hit = matchLocality(name.text, null).find((x) => !x.locality.group);
  return hit ? mention(hit.locality, name.text, name.start, name.end) : null;
}

function mention(locality: Locality, asWritten: string, start: number, end: number): PartnerMention {
  const { name, slug, kind, country } = locality;
  return { locality, asWritten, name, slug, kind, country, start, end };
}

function resolveItem(
  text: string,
  item: Item,
  country: string | null,
  explicit: boolean,
  hits: readonly CountryHit[],
  r: Rules,
  /** The item the country is written next to (the last of its list). */
  adjacent = true,
): PartnerMention | null {
  if (country === 'VN') return null;
  const parts = words(item.name);
  const max = Math.min(parts.length, gazetteerMaxWords());
  for (let n = max; n >= 1; n--) {
    const span = sub(text, parts, 0, n);
    if (!span) continue;
    const best = matchLocality(span.text, country, { kinds: item.kinds }).find((x) => !x.locality.group);
    if (!best) continue;
    const loc = best.locality;
    // A Vietnamese name ("Hà Nam") is foreign only when a foreign country is written beside it.
    if (isVietnamese(span.text, r) && !explicit) return null;
    // "huyện Đông Hưng" (Thái Bình) is not the Chinese city Đông Hưng: a Hán-Việt name whose
    // classifier disagrees with the gazetteer's kind needs its country written beside it.
    if (!explicit && !item.kinds.includes(loc.kind) && words(span).every((w) => isVietnameseSyllable(w.text))) return null;
    // "thành phố Luang Prabang" is the town, not the province of the same name.
    if (item.kinds[0] === 'city' && loc.kind !== 'city' && loc.kind !== 'district') {
      return unknown(span, loc.country, 'city', `${slugify(span.text)}-city`);
    }
    return mention(loc, span.text, span.start, span.end);
  }
  // Not in the gazetteer: keep it only with a foreign country, and never a Vietnamese or generic name.
  let name = item.name;
  let cc = country;
  const inner = hits.find((h) => h.start > name.start && h.end === name.end);
  if (inner) {
    const trimmed = text.slice(name.start, inner.start).trimEnd();
    name = { text: trimmed, start: name.start, end: name.start + trimmed.length };
    cc = inner.code;
  }
  if (!cc || cc === 'VN' || !name.text) return null;
  if (r.notNames.has(compactKey(name.text)) || countryByName(name.text) || isVietnamese(name.text, r)) return null;
  // "thành phố Móng Cái và thành phố Đông Hưng (Trung Quốc)": an unknown name in Vietnamese
  // syllables takes a list's country only when the country is written right after it.
  if (!inner && !adjacent && words(name).every((w) => isVietnameseSyllable(w.text))) return null;
  return unknown(name, cc, kindFor(item.kinds, cc, r));
}

/** A locality the gazetteer does not know: canonical name as written, slug from country and name. */
function unknown(span: Span, country: string, kind: PartnerKind, slugTail = slugify(span.text)): PartnerMention {
  const slug = `${country.toLowerCase()}-${slugTail}`;
  return { locality: null, asWritten: span.text, name: span.text, slug, kind, country, start: span.start, end: span.end };
}

function isSentenceStart(text: string, at: number): boolean {
  return /(?:^|[.!?…:;]["”’)]?[\s\u00a0]+)[\s\u00a0"“‘(\-–—•]*$/u.test(text.slice(0, at));
}

/** Pass 2: gazetteer names without a classifier, when the whole capitalised run is the name. */
function bareMentions(text: string, hits: readonly CountryHit[], r: Rules, taken: ReadonlyArray<[number, number]>): PartnerMention[] {
  const out: PartnerMention[] = [];
  for (const m of capitalisedMatches(NAME_RUNS, text)) {
    const run: Span = { text: m[0], start: m.index, end: m.index + m[0].length };
    if (taken.some(([s, e]) => run.start < e && run.end > s)) continue;
    const parts = words(run);
    // A sentence-initial capital ("Tại Savannakhet") may precede the name.
    const candidates = [sub(text, parts, 0, parts.length)];
    if (parts.length > 1 && isSentenceStart(text, run.start)) candidates.push(sub(text, parts, 1, parts.length));
    for (const span of candidates) {
      if (!span || compactKey(span.text).length < 5) continue;
      if (isVietnamese(span.text, r) || endsWithMatch(r.orgHead, text, span.start, r.orgHeadSolid)) continue;
      const after = countryAfter(text, span.end, hits, r);
      if (after?.code === 'VN') continue;
      const best = matchLocality(span.text, after?.code ?? null, { bareOnly: !after }).find((x) => !x.locality.group);
      if (!best) continue;
      out.push(mention(best.locality, span.text, span.start, span.end));
      break;
    }
  }
  return out;
}

/** Every foreign locality mention in one sentence, in text order. */
export function findPartnerMentions(text: string, hits: readonly CountryHit[] = findCountries(text)): PartnerMention[] {
  const r = phraseRules();
  const taken: Array<[number, number]> = [];
  const found = [...classifierMentions(text, hits, r, taken), ...bareMentions(text, hits, r, taken)];
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Foreign localities of the article, one per locality, in order of first mention, each with its
 * relation to the subject province (src/pipeline/extract/relation.ts). A group phrase ("các tỉnh
 * Bắc Lào") is recognised so that it is not read as a locality, and left out.
 */
export function extractPartners(ctx: ExtractContext, subject: ProvinceRef | null): Partner[] {
  const headlines = new Set(ctx.blocks.filter((b) => b.kind === 'headline').map((b) => `${b.line}:${b.offset}`));
  const sentences: SentenceMentions[] = ctx.sentences.map((s) => ({
    text: s.text,
    line: s.line,
    headline: headlines.has(`${s.line}:${s.blockOffset}`),
    localities: findPartnerMentions(s.text, s.countries).filter((m) => !m.locality?.group),
    provinces: s.provinces,
  }));
  const relations = decideRelations(sentences, subject);
  const bySlug = new Map<string, Partner>();
  for (const s of sentences) {
    const seen = new Set<string>();
    for (const m of s.localities) {
      const slug = m.slug;
      const mentionOf: Mention = { sentence: s.text, line: s.line };
      const prior = bySlug.get(slug);
      const decided = relations.get(slug);
      if (!prior && decided) {
        bySlug.set(slug, {
          name: m.name,
          slug,
          kind: m.kind,
          country: m.country,
          ...(m.locality?.nameVi ? { nameVi: m.locality.nameVi } : {}),
          asWritten: [m.asWritten],
          sentences: [mentionOf],
          inGazetteer: m.locality !== null,
          ...decided,
        });
      } else if (prior) {
        if (!prior.asWritten.includes(m.asWritten)) prior.asWritten.push(m.asWritten);
        if (!seen.has(slug)) prior.sentences.push(mentionOf);
      }
      seen.add(slug);
    }
  }
  return [...bySlug.values()];
}
