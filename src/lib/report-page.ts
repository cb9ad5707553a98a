/**
 * What a report's page needs from its frontmatter, and all the build keeps in memory per report.
 * The frontmatter (ReportFrontmatter, src/schemas/site.ts) stays the source of truth and is
 * validated in full when a report is loaded; this is a projection of it. Sentences, people and
 * the facts' source text (about 70 % of the frontmatter) are only read by the open-data exports,
 * which read the files themselves (src/lib/open-data.ts).
 */
import { z } from 'zod';
import { ReportFrontmatter } from '../schemas/site.ts';

const { partners, countries, organizations, facts } = ReportFrontmatter.shape;

export const ReportPage = ReportFrontmatter.pick({
  title: true,
  titleGenerated: true,
  province: true,
  source: true,
  author: true,
  dates: true,
  years: true,
  files: true,
  encoding: true,
  notes: true,
  wordCount: true,
  noise: true,
  related: true,
}).extend({
  partners: z.array(
    partners.element
      .pick({ name: true, slug: true, kind: true, country: true, nameVi: true, asWritten: true, relation: true })
      .extend({ evidence: partners.element.shape.evidence.pick({ sentence: true, reason: true }) }),
  ),
  countries: z.array(countries.element.pick({ code: true, nameVi: true, nameEn: true })),
  organizations: z.array(organizations.element.pick({ name: true, slug: true, asWritten: true })),
  facts: z.array(facts.element.pick({ anchor: true, value: true, unit: true, label: true, qualifier: true, approx: true, year: true })),
});
export type ReportPage = z.infer<typeof ReportPage>;
