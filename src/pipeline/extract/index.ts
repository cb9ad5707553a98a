import type { Extraction } from '../../schemas/extraction.ts';
import type { IngestedReport } from '../../schemas/ingest.ts';
import { makeContext } from './context.ts';
import { extractCountries } from './countries.ts';
import { extractDates } from './dates.ts';
import { extractEvents } from './events.ts';
import { extractFacts } from './facts.ts';
import { extractMeta } from './meta.ts';
import { extractOrganizations } from './organizations.ts';
import { extractPartners } from './partners.ts';
import { extractPeople } from './people.ts';
import { detectProvince } from './province.ts';
import { reviewItems } from './review.ts';

/** Everything the site knows about one report, from its article text only (noise excluded). */
export function extract(report: IngestedReport): Extraction {
  const ctx = makeContext(report.file, report.blocks);
  const meta = extractMeta(report.blocks);
  const { outletProvince, ...shown } = meta;
  const { province, otherProvinces } = detectProvince(ctx, meta.title, outletProvince);
  const { dates, years } = extractDates(ctx, report.published);
  const partners = extractPartners(ctx, province);
  const facts = extractFacts(ctx);
  const people = extractPeople(ctx);
  // Typed here; validated where it leaves the pipeline (the CLI, the emitted frontmatter, the scorer).
  const extraction: Extraction = {
    file: report.file,
    published: report.published,
    province,
    otherProvinces,
    ...shown,
    dates,
    years,
    partners,
    countries: extractCountries(ctx),
    organizations: extractOrganizations(ctx),
    people,
    facts,
    events: extractEvents(ctx, { province, partners, people, facts, published: report.published }),
    noise: report.blocks
      .filter((b) => b.kind === 'noise')
      .map((b) => ({ line: b.line, text: b.text, reason: b.reason ?? 'noise' })),
    review: reviewItems({ blocks: report.blocks, province, partners, facts }),
  };
  return extraction;
}
