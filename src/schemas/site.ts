import { z } from 'zod';
import { CountryCode, EventKind, EventPartner, Extraction, Fact, PartnerKind, ProvinceRef, RelationEvent, ReviewItem } from './extraction.ts';

/** Frontmatter of a generated report page (content/reports/<slug>.mdx). */
export const ReportFrontmatter = Extraction.omit({ title: true, facts: true, events: true }).extend({
  /** Page title: the printed headline, or a generated one (see `titleGenerated`). */
  title: z.string().min(1),
  /** True when the dump had no printed headline and the title was generated. */
  titleGenerated: z.boolean(),
  /** The headline exactly as printed, or null. */
  headline: z.string().nullable(),
  /** Every seed file with this exact content (duplicates are merged, all names kept). */
  files: z.array(z.string()).min(1),
  encoding: z.string(),
  /** What decoding and cleaning changed. */
  notes: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
  /** Facts, each with the anchor id of its sentence in the page. */
  facts: z.array(Fact.extend({ anchor: z.string() })),
  /** Relation events, each with the anchor id of its sentence in the page. */
  events: z.array(RelationEvent.extend({ anchor: z.string() })),
  /** Slugs of other reports that share a partner locality, most shared first. */
  related: z.array(z.string()),
});
export type ReportFrontmatter = z.infer<typeof ReportFrontmatter>;

/** One place where an entity is named. */
export const EntityMention = z.object({
  report: z.string(),
  reportTitle: z.string(),
  province: z.string().nullable(),
  provinceName: z.string().nullable(),
  sentence: z.string(),
});
export type EntityMention = z.infer<typeof EntityMention>;

/** A place a report only mentions (venue, parent region, background…), with why. */
export const PlaceMention = EntityMention.extend({
  /** Why it is no partner claim, in Vietnamese ("nơi diễn ra sự kiện"). */
  reason: z.string(),
});
export type PlaceMention = z.infer<typeof PlaceMention>;

/** One event of a relation, as a timeline shows it: what, when, and the sentence that says so. */
export const EventRef = z.object({
  report: z.string(),
  reportTitle: z.string(),
  /** Event id within the report ("e3"). */
  event: z.string(),
  kind: EventKind,
  /** "2017-01-06", "2017-01", "2017" or null. */
  date: z.string().nullable(),
  year: z.number().int().nullable(),
  period: z.tuple([z.number().int(), z.number().int().nullable()]).nullable(),
  people: z.array(z.string()),
  sentence: z.string(),
  /** Anchor of the sentence in the report page. */
  anchor: z.string(),
});
export type EventRef = z.infer<typeof EventRef>;

/** A province's relation with one partner through time. */
export const RelationTimeline = z.object({
  /** The other side: a partner locality or a country. */
  partner: EventPartner,
  /** The province's side (pre-2025 slug and name). */
  province: z.string(),
  provinceName: z.string(),
  /** Year the relation began when a report says so ("thiết lập quan hệ … năm 2006"), else null. */
  since: z.number().int().nullable(),
  /** First year any event is known for. */
  firstYear: z.number().int().nullable(),
  /** Events in date order (undated last). */
  events: z.array(EventRef),
});
export type RelationTimeline = z.infer<typeof RelationTimeline>;

export const PartnerEntry = z.object({
  /** Partner slug, e.g. "la-luang-prabang". */
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  nameVi: z.string().nullable(),
  kind: PartnerKind,
  country: CountryCode,
  countryNameVi: z.string(),
  /** Every spelling seen across reports. */
  aliases: z.array(z.string()),
  /** Every spelling the gazetteer knows (romanised, official, Vietnamese press forms), for search. */
  knownAliases: z.array(z.string()),
  iso3166_2: z.string().nullable(),
  wikidata: z.string().nullable(),
  inGazetteer: z.boolean(),
  /** Province slugs whose reports make it a partner (relation "partner"). */
  provinces: z.array(z.string()),
  /** The reports that make it a partner, each with the sentence that says so. */
  mentions: z.array(EntityMention),
  /** Reports that only mention it (venue, parent region, background…): no partner claim. */
  alsoMentioned: z.array(PlaceMention),
  /** Its relation with each province, through time. */
  relations: z.array(RelationTimeline),
});
export type PartnerEntry = z.infer<typeof PartnerEntry>;

export const CountryEntry = z.object({
  /** Lower-case alpha-2 code, the URL segment. */
  id: z.string(),
  code: CountryCode,
  nameVi: z.string(),
  nameEn: z.string(),
  /** Localities of the country that some province partners with. */
  partners: z.array(z.string()),
  /** Localities of the country that reports only mention. */
  mentioned: z.array(z.string()),
  provinces: z.array(z.string()),
  organizations: z.array(z.string()),
  reports: z.array(z.string()),
});
export type CountryEntry = z.infer<typeof CountryEntry>;

export const OrganizationEntry = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  country: CountryCode.nullable(),
  provinces: z.array(z.string()),
  mentions: z.array(EntityMention),
});
export type OrganizationEntry = z.infer<typeof OrganizationEntry>;

/** A headline figure of a province: the latest value of one kind, with its report. */
export const HeadlineFigure = z.object({
  label: z.string(),
  text: z.string(),
  value: z.number(),
  unit: z.string(),
  approx: z.boolean(),
  year: z.number().int().nullable(),
  report: z.string(),
  reportTitle: z.string(),
  anchor: z.string(),
});
export type HeadlineFigure = z.infer<typeof HeadlineFigure>;

export const ProvinceEntry = z.object({
  id: z.string(),
  name: z.string(),
  /** The province it belongs to since 2025-07-01. */
  mergedInto: ProvinceRef.shape.mergedInto,
  /** Pre-2025 provinces merged into this one (when this is one of the 34). */
  mergedFrom: z.array(z.object({ name: z.string(), slug: z.string() })),
  /** Reports about this province, and about the provinces merged into it. */
  reports: z.array(z.string()),
  /** True when some report is about this province itself (not only about provinces merged into it). */
  hasOwnReports: z.boolean(),
  /** Partner localities (relation "partner" in its reports). */
  partners: z.array(z.string()),
  /** Foreign localities its reports only mention, never as its partner. */
  mentioned: z.array(z.string()),
  /** Its relations with partner localities (and countries, when no locality is named), through time. */
  relations: z.array(RelationTimeline),
  countries: z.array(z.string()),
  organizations: z.array(z.string()),
  figures: z.array(HeadlineFigure),
});
export type ProvinceEntry = z.infer<typeof ProvinceEntry>;

/** A person named in reports with a title: an official or a leader, Vietnamese or foreign. */
export const PersonEntry = z.object({
  /** Slug of the folded name. */
  id: z.string(),
  name: z.string(),
  /** Every way the name was written (diacritics, word order). */
  variants: z.array(z.string()),
  foreign: z.boolean(),
  /** Titles as written, with the report that gives each. */
  roles: z.array(z.object({ role: z.string(), report: z.string() })),
  reports: z.array(z.string()),
  provinces: z.array(z.string()),
  /** Events of the reports whose sentence names this person. */
  events: z.array(EventRef.extend({ partner: EventPartner, province: z.string().nullable() })),
});
export type PersonEntry = z.infer<typeof PersonEntry>;

/** One uncertain call of one report, for the review page. */
export const ReviewEntry = ReviewItem.extend({
  report: z.string(),
  reportTitle: z.string(),
  province: z.string().nullable(),
});
export type ReviewEntry = z.infer<typeof ReviewEntry>;
