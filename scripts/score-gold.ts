/**
 * npm run score                                  the seeds against tests/fixtures/gold
 * npm run score -- GOLD_DIR REPORTS_DIR [--only a,b] [--except a,b] [--split] [--json]
 *
 * The one gold scorer, used by this CLI and by the tests. It runs the extractor on the report of
 * every gold file (formats: tests/fixtures/gold/README.md, ../shared/corpus/README.md) and scores
 * it item by item. Every figure is given twice: "required only" (items with a `doubt` are neither
 * required nor penalised: a prediction that matches one is left out of the counts) and "doubt as
 * required" (doubt items are gold like any other). A gold file without a report, or a report that
 * cannot be extracted, is an error naming the file (exit 1), and "files scored: N/M" says so.
 * On a folder holding the corpus's held-out files (HELD_OUT) the table is printed for dev,
 * held-out and all, and the held-out files' details only when --only names them.
 *
 * Rules (exact on purpose: no prefix or substring matches of names, an empty name never matches):
 * - partner claims: extracted localities with relation `partner` against gold localities with
 *   relation partner, visitor or aid; same country and the same name under `placeKey` (canonical
 *   name, nameVi or any asWritten against the gold canonical or any as_written). A gold `mentioned`
 *   (or older `other`) locality is neither required nor allowed as a claim.
 * - relation: every extracted locality matched to a gold one; its relation is right when both say
 *   partner (gold partner | visitor | aid) or both say mentioned (gold mentioned | other).
 * - facts: same unit (UNIT_MAP), same value (exact for an integer, within 0.5 % otherwise) and the
 *   same sentence (`sameSentence`).
 * - headline: exact after NFC and whitespace collapse; null against null is right.
 * - noise: by line number: gold noise_line_numbers against extracted noise[].line, and every gold
 *   article line removed as noise is counted.
 * - province: name and 2025 province (NFC, tone placement and whitespace normalised).
 * - countries and dates: equal codes and ISO strings (a gold date may be "--MM-DD").
 * - organisations: name or asWritten against the gold canonical or as_written (`nameKey`);
 *   people: name (`nameKey`), role ignored.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { fold, normalizeVietnamese, squash } from '../src/lib/text.ts';
import { isProblem, processFileSafely, type Problem } from '../src/pipeline/index.ts';
import { Extraction, type Fact, type FactUnit, type Partner, type RelationEvent } from '../src/schemas/extraction.ts';
import { readGold, readGoldEvents, type Gold, type GoldEvent, type GoldFact, type GoldOrganization, type GoldPartner, type GoldPerson, type GoldRelation } from '../src/lib/gold.ts';

/** The lead chose, before tuning, 8 corpus files to keep untouched (../shared/corpus; dev = the other 17). */
export const HELD_OUT = ['06-tay-ninh', '10-nghe-an', '15-thua-thien-hue', '21-tuyen-quang', '25-quang-ninh', '30-binh-dinh', '35-ha-noi', '39-phu-tho'] as const;

// ---------------------------------------------------------------------------------------------
// Matching rules

/** Whitespace, hyphens and underscores between words become one space. */
const words = (s: string) => s.replace(/[\s\u00a0_\-‐–]+/gu, ' ').trim();

/** Names of people and organisations: NFC, case, diacritics (đ → d), spaces and hyphens folded. */
export const nameKey = (name: string): string => words(fold(name.normalize('NFC')));

/**
 * Locality names: `nameKey`, then one administrative word dropped on either side of the
 * comparison alike: a leading "tỉnh" / "thành phố", a trailing "Province", "Prefecture", "County",
 * "City" or a "-do" suffix. "Gyeongsangbuk-do" = "Gyeongsangbuk", "Ulju County" = "Ulju".
 */
export function placeKey(name: string): string {
  const key = words(fold(name.normalize('NFC')).trim().replace(/-do$/, ''));
  return key.replace(/^(?:tinh|thanh pho) (?=\S)/, '').replace(/(?<=\S) (?:province|prefecture|county|city)$/, '');
}

/** True when some non-empty key of one list equals one of the other. Never a prefix or a substring. */
function sameName(a: readonly string[], b: readonly string[], key: (s: string) => string): boolean {
  const keys = new Set(a.map(key).filter(Boolean));
  return b.some((s) => {
    const k = key(s);
    return k !== '' && keys.has(k);
  });
}

const CLAIM: ReadonlySet<GoldRelation> = new Set(['partner', 'visitor', 'aid']);
/** Gold partner, visitor and aid are partner claims; mentioned and other are not. */
export const isClaim = (g: GoldPartner) => CLAIM.has(g.relation);

export function sameLocality(p: Partner, g: Pick<GoldPartner, 'canonical' | 'as_written' | 'country'>): boolean {
  if (p.country !== g.country) return false;
  return sameName([p.name, p.nameVi ?? '', ...p.asWritten], [g.canonical, ...g.as_written], placeKey);
}

/**
 * The gold units each FactUnit stands for. Typed over every FactUnit but 'count', so a unit added
 * to the schema does not compile until it is mapped here. 'count' (a count of whatever the label
 * names) stands for every gold unit no other FactUnit stands for: the gold names such counts freely
 * ("relic", "district", "zone").
 */
export const UNIT_MAP: Record<Exclude<FactUnit, 'count'>, readonly string[]> = {
  VND: ['VND'],
  USD: ['USD'],
  EUR: ['EUR'],
  JPY: ['JPY'],
  percent: ['percent'],
  fraction: ['fraction'],
  turn: ['turn'],
  person: ['person'],
  project: ['project'],
  delegation: ['delegation'],
  agreement: ['agreement'],
  conference: ['conference'],
  organization: ['organization'],
  country: ['country'],
  enterprise: ['enterprise'],
  member: ['member'],
  province: ['province'],
  school: ['school'],
  donor: ['donor'],
  event: ['event'],
  performance: ['performance'],
  permit: ['permit'],
  pass: ['pass'],
  'issue/year': ['issue/year'],
  hectare: ['ha', 'hectare'],
  tonne: ['tonne'],
  km: ['km'],
  km2: ['km2'],
};

const MAPPED = new Set(Object.values(UNIT_MAP).flat());

export const sameUnit = (unit: string, goldUnit: string): boolean =>
  unit === 'count' ? !MAPPED.has(goldUnit) : Object.hasOwn(UNIT_MAP, unit) && UNIT_MAP[unit as keyof typeof UNIT_MAP].includes(goldUnit);

/** Exact for an integer gold value (up to float error), within 0.5 % otherwise. */
export function sameValue(value: number, goldValue: number): boolean {
  const tolerance = Number.isInteger(goldValue) ? 1e-9 * Math.max(1, Math.abs(goldValue)) : 0.005 * Math.abs(goldValue);
  return Math.abs(value - goldValue) <= tolerance;
}

/** A dump artefact some gold sentences keep and others drop (../shared/corpus/README.md). */
const CRAWL_MARKER = /^date \d{4}-\d{2}-\d{2} /;
const sentenceKey = (s: string) => squash(s.normalize('NFC')).replace(CRAWL_MARKER, '');

/** The gold sentence stops where the dump stops: on the last article line, with no sentence end. */
export const cutByDump = (gold: Pick<Gold, 'article_line_numbers'>, fact: Pick<GoldFact, 'line' | 'sentence'>): boolean =>
  fact.line === Math.max(...gold.article_line_numbers) && !/[.!?…]["”’)]?$/u.test(fact.sentence.trim());

/**
 * Equal after NFC, whitespace collapse and the leading crawl marker dropped. When the dump cut the
 * gold sentence, only its end may differ: one of the two must then start with the other.
 */
export function sameSentence(sentence: string, goldSentence: string, cut: boolean): boolean {
  const a = sentenceKey(sentence);
  const b = sentenceKey(goldSentence);
  if (!a || !b) return false;
  return a === b || (cut && (a.startsWith(b) || b.startsWith(a)));
}

export const sameFact = (p: Fact, g: GoldFact, cut: boolean): boolean =>
  sameUnit(p.unit, g.unit) && sameValue(p.value, g.value) && sameSentence(p.sentence, g.sentence, cut);

export const sameTitle = (title: string | null, goldTitle: string | null): boolean =>
  (title === null ? null : squash(title.normalize('NFC'))) === (goldTitle === null ? null : squash(goldTitle.normalize('NFC')));

/** The year an event is dated by: its own, else the start of its period, else none. */
const eventYear = (e: { year: number | null; period?: readonly [number | null, number | null] | null | undefined }) => e.year ?? e.period?.[0] ?? null;

/**
 * Events: same kind, same partner (a locality matched like partners, through the report's partner
 * with that slug; or the same country) and the same year (both undated counts as the same).
 */
export function sameEvent(e: RelationEvent, g: GoldEvent, partners: readonly Partner[]): boolean {
  if (e.kind !== g.kind || eventYear({ year: e.date.year, period: e.date.period }) !== eventYear(g)) return false;
  if (!('canonical' in g.partner)) return e.partner.type === 'country' && e.partner.country === g.partner.country;
  if (e.partner.type !== 'locality') return false;
  const slug = e.partner.slug;
  const p = partners.find((x) => x.slug === slug);
  return p !== undefined && sameLocality(p, { canonical: g.partner.canonical, as_written: [], country: g.partner.country });
}

const sameProvince = (name: string | undefined, goldName: string) =>
  name !== undefined && squash(normalizeVietnamese(name)) === squash(normalizeVietnamese(goldName));

// ---------------------------------------------------------------------------------------------
// Counting

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
/** A share of right answers (title, province, relation). */
export interface Rate {
  ok: number;
  of: number;
}
/** Every figure twice: doubt items optional, and doubt items counted as required. */
export interface Both<T> {
  required: T;
  withDoubt: T;
}

export const precision = (c: Counts) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1);
export const recall = (c: Counts) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);
export const f1 = (c: Counts) => {
  const p = precision(c);
  const r = recall(c);
  return p + r ? (2 * p * r) / (p + r) : 0;
};
export const rate = (r: Rate) => (r.of ? r.ok / r.of : 1);

/**
 * Maximum one-to-one matching (Kuhn's augmenting paths), grown from `takenBy` (gold index →
 * prediction index). A gold item once taken stays taken, so a second call with more gold keeps
 * every match of the first.
 */
function augment(edges: ReadonlyArray<readonly number[]>, takenBy: Map<number, number>): Map<number, number> {
  const taken = new Set(takenBy.values());
  const tryPred = (i: number, seen: Set<number>): boolean =>
    (edges[i] ?? []).some((j) => {
      if (seen.has(j)) return false;
      seen.add(j);
      const other = takenBy.get(j);
      if (other !== undefined && !tryPred(other, seen)) return false;
      takenBy.set(j, i);
      return true;
    });
  edges.forEach((_, i) => {
    if (!taken.has(i)) tryPred(i, new Set());
  });
  return takenBy;
}

/** One column of one measure: counts, and which items made them. */
export interface Column<P, G> {
  counts: Counts;
  matched: Array<[P, G]>;
  missed: G[];
  extra: P[];
}

/**
 * Predictions against required gold, then the rest against optional gold (matched: left out of
 * the counts). The optional pass may re-route predictions but never loses a required match.
 */
export function column<P, G>(pred: readonly P[], required: readonly G[], optional: readonly G[], same: (p: P, g: G) => boolean): Column<P, G> {
  const gold = [...required, ...optional];
  const edges = pred.map((p) => gold.flatMap((g, j) => (same(p, g) ? [j] : [])));
  const firstPass = augment(
    edges.map((js) => js.filter((j) => j < required.length)),
    new Map(),
  );
  const takenBy = augment(edges, firstPass);
  const predsTaken = new Set(takenBy.values());
  const matched = [...takenBy].filter(([j]) => j < required.length).map(([j, i]) => [pred[i], gold[j]] as [P, G]);
  const missed = required.filter((_, j) => !takenBy.has(j));
  const extra = pred.filter((_, i) => !predsTaken.has(i));
  return { counts: { tp: matched.length, fp: extra.length, fn: missed.length }, matched, missed, extra };
}

/**
 * Both columns. `counts` says which gold items a prediction should match (partner claims: not a
 * gold `mentioned`); any other gold item is one a prediction must not match, unless it has a doubt.
 */
export function scoreItems<P, G extends { doubt?: string | undefined }>(
  pred: readonly P[],
  gold: readonly G[],
  same: (p: P, g: G) => boolean,
  counts: (g: G) => boolean = () => true,
): Both<Column<P, G>> {
  return {
    required: column(
      pred,
      gold.filter((g) => !g.doubt && counts(g)),
      gold.filter((g) => g.doubt),
      same,
    ),
    withDoubt: column(pred, gold.filter(counts), [], same),
  };
}

/** Gold given as bare values (countries, dates, noise line numbers): never a doubt. */
interface Plain<T> {
  value: T;
  doubt?: string;
}
const plain = <T>(items: readonly T[]): Array<Plain<T>> => items.map((value) => ({ value }));
const sameValueOf = <T>(p: T, g: Plain<T>) => p === g.value;

/** Relation calls of the extracted localities matched to gold ones (any relation on either side). */
export function scoreRelations(pred: readonly Partner[], gold: readonly GoldPartner[]): Both<Column<Partner, GoldPartner>> & { wrong: Array<[Partner, GoldPartner]> } {
  const both = scoreItems(pred, gold, sameLocality);
  const wrong = both.withDoubt.matched.filter(([p, g]) => (p.relation === 'partner') !== isClaim(g));
  return { ...both, wrong };
}

const relationRate = (c: Column<Partner, GoldPartner>): Rate => ({
  ok: c.matched.filter(([p, g]) => (p.relation === 'partner') === isClaim(g)).length,
  of: c.matched.length,
});

// ---------------------------------------------------------------------------------------------
// One file

export interface Check<T> {
  ok: boolean;
  got: T;
  want: T;
}

export interface FileScore {
  file: string;
  partners: Both<Column<Partner, GoldPartner>>;
  relations: ReturnType<typeof scoreRelations>;
  facts: Both<Column<Fact, GoldFact>>;
  countries: Both<Column<string, Plain<string>>>;
  organizations: Both<Column<Extraction['organizations'][number], GoldOrganization>>;
  people: Both<Column<Extraction['people'][number], GoldPerson>>;
  dates: Both<Column<string, Plain<string>>>;
  /** Relation events, when there is events gold for the file (else none to find). */
  events: Both<Column<RelationEvent, GoldEvent>>;
  noise: Both<Column<number, Plain<number>>>;
  /** Gold article lines the extractor removed as noise. */
  articleLinesRemoved: number[];
  title: Check<string | null>;
  province: Check<string | null>;
  province2025: Check<string | null>;
}

export function scoreFile(pred: Extraction, gold: Gold, events: readonly GoldEvent[] = []): FileScore {
  const claims = pred.partners.filter((p) => p.relation === 'partner');
  const article = new Set(gold.article_line_numbers);
  const removed = [...new Set(pred.noise.map((n) => n.line))].sort((a, b) => a - b);
  const check = <T>(ok: boolean, got: T, want: T): Check<T> => ({ ok, got, want });
  return {
    file: gold.file,
    partners: scoreItems(claims, gold.partners, sameLocality, isClaim),
    relations: scoreRelations(pred.partners, gold.partners),
    facts: scoreItems(pred.facts, gold.facts, (p, g) => sameFact(p, g, cutByDump(gold, g))),
    countries: scoreItems(
      pred.countries.map((c) => c.code),
      plain(gold.countries),
      sameValueOf,
    ),
    organizations: scoreItems(pred.organizations, gold.organizations, (p, g) => sameName([p.name, p.asWritten], [g.canonical, g.as_written], nameKey)),
    people: scoreItems(pred.people, gold.people, (p, g) => sameName([p.name], [g.name], nameKey)),
    dates: scoreItems(pred.dates, plain(gold.dates), sameValueOf),
    events: scoreItems(events.length ? pred.events : [], events, (e, g) => sameEvent(e, g, pred.partners)),
    noise: scoreItems(removed, plain(gold.noise_line_numbers), sameValueOf),
    articleLinesRemoved: removed.filter((line) => article.has(line)),
    title: check(sameTitle(pred.title, gold.title), pred.title, gold.title),
    province: check(sameProvince(pred.province?.name, gold.province), pred.province?.name ?? null, gold.province),
    province2025: check(sameProvince(pred.province?.mergedInto.name, gold.province_2025), pred.province?.mergedInto.name ?? null, gold.province_2025),
  };
}

// ---------------------------------------------------------------------------------------------
// Totals

export const COUNTED = ['partners', 'facts', 'noise', 'countries', 'organizations', 'people', 'dates', 'events'] as const;
export const RATED = ['relation', 'title', 'province', 'province2025'] as const;
export type Counted = (typeof COUNTED)[number];
export type Rated = (typeof RATED)[number];

export type Totals = { files: number; articleLinesRemoved: number } & Record<Counted, Both<Counts>> & Record<Rated, Both<Rate>>;

const addCounts = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const addRate = (a: Rate, b: Rate): Rate => ({ ok: a.ok + b.ok, of: a.of + b.of });
const same2 = <T>(x: T): Both<T> => ({ required: x, withDoubt: x });
const checkRate = (c: Check<unknown>): Rate => ({ ok: Number(c.ok), of: 1 });

/** One file's figures, in the shape of the totals. */
export function figures(s: FileScore): Totals {
  const counted = Object.fromEntries(
    COUNTED.map((k) => [k, { required: s[k].required.counts, withDoubt: s[k].withDoubt.counts }]),
  ) as Record<Counted, Both<Counts>>;
  return {
    files: 1,
    articleLinesRemoved: s.articleLinesRemoved.length,
    ...counted,
    relation: { required: relationRate(s.relations.required), withDoubt: relationRate(s.relations.withDoubt) },
    title: same2(checkRate(s.title)),
    province: same2(checkRate(s.province)),
    province2025: same2(checkRate(s.province2025)),
  };
}

export function sumScores(scores: readonly FileScore[]): Totals {
  const zero: Totals = {
    files: 0,
    articleLinesRemoved: 0,
    ...(Object.fromEntries(COUNTED.map((k) => [k, same2({ tp: 0, fp: 0, fn: 0 })])) as Record<Counted, Both<Counts>>),
    ...(Object.fromEntries(RATED.map((k) => [k, same2({ ok: 0, of: 0 })])) as Record<Rated, Both<Rate>>),
  };
  return scores.map(figures).reduce((a, b) => {
    const out = { ...a, files: a.files + b.files, articleLinesRemoved: a.articleLinesRemoved + b.articleLinesRemoved };
    for (const k of COUNTED) out[k] = { required: addCounts(a[k].required, b[k].required), withDoubt: addCounts(a[k].withDoubt, b[k].withDoubt) };
    for (const k of RATED) out[k] = { required: addRate(a[k].required, b[k].required), withDoubt: addRate(a[k].withDoubt, b[k].withDoubt) };
    return out;
  }, zero);
}

// ---------------------------------------------------------------------------------------------
// A folder

export interface FolderScore {
  /** Gold files looked at (after --only / --except). */
  gold: number;
  scores: FileScore[];
  /** A gold file that cannot be read, has no report, or whose report cannot be extracted. */
  problems: Problem[];
}

export interface Selection {
  only?: readonly string[];
  except?: readonly string[];
}

/** "06-tay-ninh" for 06-tay-ninh.json and 06-tay-ninh.txt. */
export const stem = (file: string) => basename(file).replace(/\.[^.]*$/, '');

/**
 * Relation-event gold kept beside each gold set in the repo (tests/fixtures/events/README.md): for a
 * gold folder, the events folder scored with it, by the gold folder's path.
 */
export function eventsGoldFor(goldDir: string): string | null {
  const dir = resolve(goldDir);
  if (dir === resolve('tests/fixtures/gold')) return resolve('tests/fixtures/events/seeds');
  if (/(?:^|\/)corpus\/gold\/?$/u.test(dir)) return resolve('tests/fixtures/events/corpus');
  return null;
}

export function scoreFolder(goldDir: string, reportsDir: string, select: Selection & { eventsDir?: string | null } = {}): FolderScore {
  if (!existsSync(goldDir)) throw new Error(`gold folder not found: ${goldDir}`);
  const all = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  const unknown = [...(select.only ?? []), ...(select.except ?? [])].filter((name) => !all.some((f) => stem(f) === stem(name)));
  if (unknown.length) throw new Error(`no gold file named ${unknown.join(', ')} in ${goldDir}`);
  const files = all.filter((f) => (!select.only || select.only.some((n) => stem(n) === stem(f))) && !select.except?.some((n) => stem(n) === stem(f)));
  const scores: FileScore[] = [];
  const problems: Problem[] = [];
  const eventsDir = select.eventsDir === undefined ? eventsGoldFor(goldDir) : select.eventsDir;
  for (const f of files) {
    const result = scoreOne(join(goldDir, f), reportsDir, eventsDir);
    if ('reason' in result) problems.push(result);
    else scores.push(result);
  }
  return { gold: files.length, scores, problems };
}

function scoreOne(goldPath: string, reportsDir: string, eventsDir: string | null): FileScore | Problem {
  let gold: Gold;
  let events: GoldEvent[] = [];
  try {
    gold = readGold(goldPath);
    const eventsPath = eventsDir ? join(eventsDir, basename(goldPath)) : null;
    // An events folder is complete: every gold file has its events file.
    if (eventsPath && !existsSync(eventsPath)) return { file: goldPath, reason: `has no events gold (${eventsPath} does not exist)` };
    if (eventsPath) events = readGoldEvents(eventsPath).events;
  } catch (error) {
    return { file: goldPath, reason: (error as Error).message.replace(`${goldPath}: `, '') };
  }
  const reportPath = join(reportsDir, gold.file);
  if (!existsSync(reportPath)) return { file: goldPath, reason: `has no report (${reportPath} does not exist)` };
  const result = processFileSafely({ file: gold.file, bytes: readFileSync(reportPath) });
  if (isProblem(result)) return { file: reportPath, reason: `cannot be extracted (${result.reason})` };
  const extraction = Extraction.safeParse(result.extraction);
  if (!extraction.success) return { file: reportPath, reason: `extraction does not fit the Extraction schema (${z.prettifyError(extraction.error).replace(/\n/g, ' ')})` };
  return scoreFile(extraction.data, gold, events);
}

// ---------------------------------------------------------------------------------------------
// Report

const partnerName = (p: Partner) => `${p.name} (${p.country})`;
const goldPartnerName = (g: GoldPartner) => `${g.canonical} (${g.country})`;
const factName = (f: Fact | GoldFact) => `"${f.text}" = ${f.value} ${f.unit}`;
const quote = (s: string | null) => (s === null ? 'null' : JSON.stringify(s));

/** What was missed and what is extra, in both columns (doubt items marked). */
function differences<P, G>(m: Both<Column<P, G>>, showP: (p: P) => string, showG: (g: G) => string): string[] {
  const out: string[] = [];
  const missed = m.required.missed.map(showG);
  const extra = m.required.extra.map(showP);
  const doubtMissed = m.withDoubt.missed.filter((g) => !m.required.missed.includes(g)).map(showG);
  const doubtExtra = m.withDoubt.extra.filter((p) => !m.required.extra.includes(p)).map(showP);
  if (missed.length) out.push(`missed ${missed.join('; ')}`);
  if (extra.length) out.push(`extra ${extra.join('; ')}`);
  if (doubtMissed.length) out.push(`missed (doubt as required) ${doubtMissed.join('; ')}`);
  if (doubtExtra.length) out.push(`extra (doubt as required) ${doubtExtra.join('; ')}`);
  return out;
}

/** Why a missed fact was missed, when an extracted fact has its value. */
function factNearMiss(s: FileScore, g: GoldFact): string {
  const p = s.facts.withDoubt.extra.find((f) => sameValue(f.value, g.value));
  if (!p) return factName(g);
  const why = [!sameUnit(p.unit, g.unit) && `unit ${p.unit}`, !sameSentence(p.sentence, g.sentence, false) && `sentence "${p.sentence.slice(0, 60)}…"`].filter(Boolean);
  return `${factName(g)} (got ${why.join(', ') || 'it'})`;
}

/** The per-file lines: only what differs from the gold. */
export function describeFile(s: FileScore): string[] {
  const lines: string[] = [];
  const add = (label: string, items: string[]) => {
    for (const item of items) lines.push(`  ${label.padEnd(14)}${item}`);
  };
  add('partners', differences(s.partners, partnerName, goldPartnerName));
  add(
    'relation',
    s.relations.wrong.map(([p, g]) => `${goldPartnerName(g)}: got ${p.relation}, want ${g.relation}${g.doubt ? ' (doubt)' : ''}`),
  );
  add('facts', differences(s.facts, factName, (g) => factNearMiss(s, g)));
  if (!s.title.ok) add('title', [`got ${quote(s.title.got)}, want ${quote(s.title.want)}`]);
  if (!s.province.ok || !s.province2025.ok) add('province', [`got ${s.province.got} / ${s.province2025.got}, want ${s.province.want} / ${s.province2025.want}`]);
  add('noise', differences(s.noise, (n) => `line ${n}`, (g) => `line ${g.value}`));
  if (s.articleLinesRemoved.length) add('noise', [`article lines removed: ${s.articleLinesRemoved.join(', ')}`]);
  add('countries', differences(s.countries, String, (g) => g.value));
  add('organisations', differences(s.organizations, (o) => o.name, (g) => g.canonical));
  add('people', differences(s.people, (p) => p.name, (g) => g.name));
  add('dates', differences(s.dates, String, (g) => g.value));
  const who = (p: { type: string; name?: string; country: string }) => (p.type === 'locality' ? `${p.name} (${p.country})` : p.country);
  add(
    'events',
    differences(
      s.events,
      (e) => `${e.kind} ${who(e.partner)} ${eventYear({ year: e.date.year, period: e.date.period }) ?? '-'}`,
      (g) => `${g.kind} ${'canonical' in g.partner ? `${g.partner.canonical} (${g.partner.country})` : g.partner.country} ${eventYear(g) ?? '-'}`,
    ),
  );
  return lines;
}

interface Row {
  label: string;
  cell: (t: Totals, column: keyof Both<unknown>) => string;
  /** The issue's bar, and whether a column meets it. */
  target?: [string, (t: Totals, column: keyof Both<unknown>) => boolean];
}

const fmt = (x: number) => x.toFixed(3);
const prf = (c: Counts) => `P ${fmt(precision(c))} R ${fmt(recall(c))} F1 ${fmt(f1(c))} (tp ${c.tp} fp ${c.fp} fn ${c.fn})`;
const share = (r: Rate) => `${fmt(rate(r))} (${r.ok}/${r.of})`;
const counted = (k: Counted) => (t: Totals, c: keyof Both<unknown>) => prf(t[k][c]);
const rated = (k: Rated) => (t: Totals, c: keyof Both<unknown>) => share(t[k][c]);

export const ROWS: Row[] = [
  { label: 'partner claims', cell: counted('partners'), target: ['P ≥ 0.95, R ≥ 0.95', (t, c) => precision(t.partners[c]) >= 0.95 && recall(t.partners[c]) >= 0.95] },
  { label: 'relation (matched)', cell: rated('relation') },
  { label: 'facts', cell: counted('facts'), target: ['P ≥ 0.95, R ≥ 0.85', (t, c) => precision(t.facts[c]) >= 0.95 && recall(t.facts[c]) >= 0.85] },
  { label: 'headline exact', cell: rated('title'), target: ['≥ 0.95', (t, c) => rate(t.title[c]) >= 0.95] },
  { label: 'noise lines', cell: counted('noise'), target: ['R ≥ 0.90', (t, c) => recall(t.noise[c]) >= 0.9] },
  { label: 'article lines removed', cell: (t) => String(t.articleLinesRemoved), target: ['0', (t) => t.articleLinesRemoved === 0] },
  { label: 'subject province', cell: rated('province'), target: ['1.00', (t, c) => rate(t.province[c]) === 1] },
  { label: 'province 2025', cell: rated('province2025'), target: ['1.00', (t, c) => rate(t.province2025[c]) === 1] },
  { label: 'countries', cell: counted('countries'), target: ['F1 1.00', (t, c) => f1(t.countries[c]) === 1] },
  { label: 'organisations', cell: counted('organizations') },
  { label: 'people', cell: counted('people') },
  { label: 'dates', cell: counted('dates') },
  { label: 'events (kind, partner, year)', cell: counted('events') },
];

/** The table: a row per measure, "required only" and "doubt as required", the target; ✗ marks a miss. */
export function table(t: Totals, title: string): string {
  const cell = (row: Row, c: keyof Both<unknown>) => `${row.cell(t, c)}${row.target && !row.target[1](t, c) ? ' ✗' : ''}`;
  const rows = ROWS.map((row) => [row.label, cell(row, 'required'), cell(row, 'withDoubt'), row.target?.[0] ?? '']);
  const header = [title, 'required only', 'doubt as required', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// CLI

interface Options extends Selection {
  goldDir: string;
  reportsDir: string;
  split: boolean;
  json: boolean;
}

export function parseArgs(argv: readonly string[]): Options {
  const positional: string[] = [];
  const opts: Options = { goldDir: 'tests/fixtures/gold', reportsDir: 'seeds', split: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const list = () => (argv[++i] ?? '').split(',').filter(Boolean);
    if (arg === '--only') opts.only = list();
    else if (arg === '--except') opts.except = list();
    else if (arg === '--split') opts.split = true;
    else if (arg === '--json') opts.json = true;
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else positional.push(arg);
  }
  if (positional.length === 1 || positional.length > 2) throw new Error('usage: npm run score -- [GOLD_DIR REPORTS_DIR] [--only a,b] [--except a,b] [--split] [--json]');
  if (positional.length === 2) [opts.goldDir, opts.reportsDir] = positional as [string, string];
  return opts;
}

const isHeldOut = (s: FileScore) => (HELD_OUT as readonly string[]).includes(stem(s.file));

/** The parts to print: dev / held-out / all when the folder holds held-out files (or --split). */
export function parts(scores: readonly FileScore[], split: boolean): Array<[string, FileScore[]]> {
  const heldOut = scores.filter(isHeldOut);
  if (!heldOut.length && split) throw new Error(`--split: none of the held-out files (${HELD_OUT.join(', ')}) is scored here`);
  if (!heldOut.length) return [['all', [...scores]]];
  return [
    ['dev', scores.filter((s) => !isHeldOut(s))],
    ['held-out', heldOut],
    ['all', [...scores]],
  ];
}

function main(argv: readonly string[]): number {
  const opts = parseArgs(argv);
  const run = scoreFolder(resolve(opts.goldDir), resolve(opts.reportsDir), opts);
  const groups = parts(run.scores, opts.split);
  // Held-out files are for measuring, not tuning: their details only when asked for by name.
  const hideHeldOut = groups.length > 1 && !opts.only;
  const details = (s: FileScore) => (hideHeldOut && isHeldOut(s) ? null : describeFile(s));
  if (opts.json) {
    const totals = Object.fromEntries(groups.map(([name, scores]) => [name, sumScores(scores)]));
    const files = run.scores.map((s) => ({ file: s.file, ...figures(s), differences: details(s)?.map((l) => l.trim()) ?? 'held out' }));
    console.log(JSON.stringify({ gold: run.gold, scored: run.scores.length, problems: run.problems, totals, files }, null, 2));
  } else {
    for (const s of run.scores) {
      const lines = details(s);
      if (!lines) continue;
      console.log(`${s.file}${lines.length ? '' : ': all right'}`);
      for (const l of lines) console.log(l);
    }
    if (hideHeldOut) console.log(`(details of the ${groups[1]?.[1].length} held-out files are not printed; --only NAME prints them)`);
    for (const [name, scores] of groups) console.log(`\n${table(sumScores(scores), `${name}: ${scores.length} files`)}`);
    console.log(`\nfiles scored: ${run.scores.length}/${run.gold}`);
  }
  for (const p of run.problems) console.error(`error: ${p.file}: ${p.reason}`);
  return run.problems.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
