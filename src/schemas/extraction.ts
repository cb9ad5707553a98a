import { z } from 'zod';
import { NoiseLine } from './ingest.ts';

/** ISO 3166-1 alpha-2 code, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');

/** Where a thing was found: the sentence and its line in the decoded text. */
export const Mention = z.object({
  sentence: z.string(),
  line: z.number().int().positive(),
});
export type Mention = z.infer<typeof Mention>;

export const ProvinceRef = z.object({
  /** Vietnamese name with diacritics, as before the 2025 merger (e.g. "Vĩnh Phúc"). */
  name: z.string(),
  /** ASCII slug, e.g. "vinh-phuc". */
  slug: z.string(),
  /** The province it belongs to since 2025-07-01 (itself when unchanged). */
  mergedInto: z.object({ name: z.string(), slug: z.string() }),
});
export type ProvinceRef = z.infer<typeof ProvinceRef>;

export const PartnerKind = z.enum(['province', 'prefecture', 'state', 'city', 'district', 'region']);
export type PartnerKind = z.infer<typeof PartnerKind>;

/**
 * What a foreign locality is to the report's subject province: `partner`, a counterpart
 * (cooperation, twinning, agreements, delegations either way, aid, trade between them), or
 * `mentioned`: named for another reason (a venue abroad, the parent region of a partner, background
 * geography, a product or fair name, another province's relation, a teaser of another article).
 */
export const Relation = z.enum(['partner', 'mentioned']);
export type Relation = z.infer<typeof Relation>;

/** The sentence that decided a locality's relation, and how. */
export const RelationEvidence = z.object({
  sentence: z.string(),
  line: z.number().int().positive(),
  /** The rule that decided, in a few words ("hợp tác giữa tỉnh và địa phương này", "nơi diễn ra sự kiện"). */
  reason: z.string().min(1),
  /** True when no sentence gave clear evidence either way: shown on the review page. */
  weak: z.boolean(),
});
export type RelationEvidence = z.infer<typeof RelationEvidence>;

/** A foreign sub-national locality named in a report. */
export const Partner = z.object({
  /** Canonical (usually English/romanised) name, e.g. "Luang Prabang". */
  name: z.string(),
  slug: z.string(),
  kind: PartnerKind,
  country: CountryCode,
  /** Vietnamese press name when the gazetteer has one (e.g. "Luông Phabang"). */
  nameVi: z.string().optional(),
  /** Every surface form seen in the text, without the classifier word ("tỉnh", "bang"). */
  asWritten: z.array(z.string()).min(1),
  /** Sentences (article lines only) that name it, in text order. */
  sentences: z.array(Mention).min(1),
  /** False when the pattern found it but the gazetteer does not know it. */
  inGazetteer: z.boolean(),
  relation: Relation,
  evidence: RelationEvidence,
});
export type Partner = z.infer<typeof Partner>;

export const Country = z.object({
  code: CountryCode,
  nameVi: z.string(),
  nameEn: z.string(),
  asWritten: z.array(z.string()).min(1),
  sentences: z.array(Mention).min(1),
});
export type Country = z.infer<typeof Country>;

export const Organization = z.object({
  name: z.string(),
  slug: z.string(),
  asWritten: z.string(),
  /** Home country when the text or the curated list gives it; null for intergovernmental bodies or unknown. */
  country: CountryCode.nullable(),
  sentences: z.array(Mention).min(1),
});
export type Organization = z.infer<typeof Organization>;

export const Person = z.object({
  name: z.string(),
  /** Title phrase as written ("Giám đốc Sở Ngoại vụ"), or null for bylines and credits. */
  role: z.string().nullable(),
  line: z.number().int().positive(),
});
export type Person = z.infer<typeof Person>;

export const FactUnit = z.enum([
  'VND',
  'USD',
  'EUR',
  'JPY',
  'percent',
  'fraction',
  'turn',
  'person',
  'project',
  'delegation',
  'agreement',
  'conference',
  'organization',
  'country',
  'enterprise',
  'member',
  'province',
  'school',
  'donor',
  'event',
  'performance',
  'permit',
  'pass',
  'issue/year',
  'hectare',
  'tonne',
  'km',
  'km2',
  /** A count of whatever the label names ("5.000 di tích", "9 huyện", "12 cặp cửa khẩu"). */
  'count',
]);
export type FactUnit = z.infer<typeof FactUnit>;

/** A number a fact box can show. */
export const Fact = z.object({
  /** Stable id within the report, used for the anchor of the sentence ("f3"). */
  id: z.string(),
  /** The number with its scale and first unit word, as written ("5,64 tỷ USD"). */
  text: z.string(),
  /** Full value: "5,64 tỷ USD" → 5640000000. Percentages in percent points. */
  value: z.number(),
  unit: FactUnit,
  /** Short Vietnamese label of what it counts ("dự án FDI", "kim ngạch xuất khẩu"). */
  label: z.string(),
  /** The hedge word as written ("hơn", "gần", "khoảng", "trên"), or null. */
  qualifier: z.string().nullable(),
  /** True when a qualifier makes the value approximate. */
  approx: z.boolean(),
  /** Year the figure refers to, when the sentence gives one. */
  year: z.number().int().nullable(),
  sentence: z.string(),
  line: z.number().int().positive(),
  /** Code-point offset of `text` in the decoded file. */
  offset: z.number().int().nonnegative(),
});
export type Fact = z.infer<typeof Fact>;

/** What happened between the subject province and a partner. */
export const EventKind = z.enum([
  'twinning',
  'established',
  'agreement',
  'visit-in',
  'visit-out',
  'meeting',
  'aid-given',
  'aid-received',
  'conference',
  'trade',
]);
export type EventKind = z.infer<typeof EventKind>;

/** The other side of an event: a foreign locality (a partner of the report), or a country when no locality is named. */
export const EventPartner = z.discriminatedUnion('type', [
  z.object({ type: z.literal('locality'), slug: z.string(), name: z.string(), country: CountryCode }),
  z.object({ type: z.literal('country'), country: CountryCode, name: z.string() }),
]);
export type EventPartner = z.infer<typeof EventPartner>;

/** When an event happened, as precisely as the text says. */
export const EventDate = z.object({
  /** "2017-01-06", "2017-01" or "2017"; null when only a period or nothing is known. */
  value: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/).nullable(),
  year: z.number().int().nullable(),
  /** A year range the sentence gives ("giai đoạn 2021–2025"; "từ năm 2019 đến nay" has no end). */
  period: z.tuple([z.number().int(), z.number().int().nullable()]).nullable(),
  /** Where the date comes from: the sentence itself, or the report's publication date. */
  from: z.enum(['sentence', 'published', 'none']),
});
export type EventDate = z.infer<typeof EventDate>;

/** One relation event, linked to its sentence. */
export const RelationEvent = z.object({
  /** Stable id within the report ("e3"). */
  id: z.string(),
  kind: EventKind,
  partner: EventPartner,
  date: EventDate,
  /** Named people in the sentence who led it (names as in `people`). */
  people: z.array(z.string()),
  /** Ids of the facts stated in the same sentence ("f2"). */
  facts: z.array(z.string()),
  sentence: z.string(),
  line: z.number().int().positive(),
});
export type RelationEvent = z.infer<typeof RelationEvent>;

/** Kinds of calls an editor should check: the extractor was unsure. */
export const ReviewKind = z.enum(['locality-unknown', 'relation-weak', 'headline-guessed', 'province-missing', 'figure-unlabelled']);
export type ReviewKind = z.infer<typeof ReviewKind>;

/** One uncertain call, with the sentence it rests on. */
export const ReviewItem = z.object({
  kind: ReviewKind,
  /** What was decided, as shown on the page ("Sán Đầu (CN)", a headline, "5 tỷ đồng"). */
  subject: z.string().min(1),
  /** Why it is uncertain, in Vietnamese. */
  note: z.string().min(1),
  sentence: z.string().nullable(),
  line: z.number().int().positive().nullable(),
});
export type ReviewItem = z.infer<typeof ReviewItem>;

/** One report as the extractor sees it: what `npm run extract` prints, one object per file. */
export const Extraction = z.object({
  file: z.string(),
  /** Null when no Vietnamese province could be detected (the report still builds). */
  province: ProvinceRef.nullable(),
  /** Other Vietnamese provinces the report names. */
  otherProvinces: z.array(ProvinceRef),
  /** Headline exactly as printed, or null when the dump has none. */
  title: z.string().nullable(),
  source: z.string().nullable(),
  author: z.string().nullable(),
  /** When the page was published, from the crawl marker of a search-index dump (ISO), or null. */
  published: z.string().nullable(),
  /**
   * Explicit dates, ISO ("2017-01-06", or "2018-07" for month precision; "--08-24" for a day and
   * month whose year the text does not make certain), sorted, unique.
   */
  dates: z.array(z.string()),
  years: z.array(z.number().int()),
  partners: z.array(Partner),
  countries: z.array(Country),
  organizations: z.array(Organization),
  people: z.array(Person),
  facts: z.array(Fact),
  /** What happened between the subject province and its partners, sentence by sentence. */
  events: z.array(RelationEvent),
  noise: z.array(NoiseLine),
  /** Uncertain calls for the review page. */
  review: z.array(ReviewItem),
});
export type Extraction = z.infer<typeof Extraction>;
