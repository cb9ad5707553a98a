import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { reportsLoader } from './lib/report-loader.ts';
import { ReportPage } from './lib/report-page.ts';
import { CountryEntry, OrganizationEntry, PartnerEntry, PersonEntry, ProvinceEntry, ReviewEntry } from './schemas/site.ts';

/** content/ by default; tests build from a temporary folder (ATLAS_CONTENT_DIR) so they never touch it. */
const dir = process.env.ATLAS_CONTENT_DIR ?? './content';

/** Entity files wrap their entries with a "generated" comment: { $comment, entries: [...] }. */
const entries = (text: string) => (JSON.parse(text) as { entries: Array<Record<string, unknown>> }).entries;

export const collections = {
  reports: defineCollection({ loader: reportsLoader(`${dir}/reports`), schema: ReportPage }),
  partners: defineCollection({ loader: file(`${dir}/entities/partners.json`, { parser: entries }), schema: PartnerEntry }),
  countries: defineCollection({ loader: file(`${dir}/entities/countries.json`, { parser: entries }), schema: CountryEntry }),
  organizations: defineCollection({
    loader: file(`${dir}/entities/organizations.json`, { parser: entries }),
    schema: OrganizationEntry,
  }),
  provinces: defineCollection({ loader: file(`${dir}/entities/provinces.json`, { parser: entries }), schema: ProvinceEntry }),
  people: defineCollection({ loader: file(`${dir}/entities/people.json`, { parser: entries }), schema: PersonEntry }),
  // Review entries have no id of their own: the file loader needs one per entry.
  review: defineCollection({
    loader: file(`${dir}/entities/review.json`, { parser: (text) => entries(text).map((e, i) => ({ ...e, id: String(i + 1) })) }),
    schema: ReviewEntry,
  }),
};
