/**
 * The format of the hand-checked gold annotations (tests/fixtures/gold/README.md for the seeds,
 * ../shared/corpus/README.md for the corpus), validated on load. The one definition: the scorer
 * (scripts/score-gold.ts) and the tests (tests/support/gold.ts) read gold through it.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** Items marked with a doubt are optional (each README says why). */
const doubt = z.string().optional();
/** partner, visitor and aid are partner claims; mentioned (corpus) and other (older gold) are not. */
export const GoldRelation = z.enum(['partner', 'visitor', 'aid', 'mentioned', 'other']);
export type GoldRelation = z.infer<typeof GoldRelation>;

export const GoldPartner = z.object({
  as_written: z.array(z.string()),
  canonical: z.string(),
  kind: z.string(),
  country: z.string(),
  relation: GoldRelation,
  sentence: z.string(),
  line: z.number().int().positive(),
  doubt,
});
export type GoldPartner = z.infer<typeof GoldPartner>;

export const GoldFact = z.object({
  text: z.string(),
  value: z.number(),
  unit: z.string(),
  what: z.string(),
  sentence: z.string(),
  qualifier: z.string().nullable(),
  line: z.number().int().positive(),
  offset: z.number().int().nonnegative(),
  doubt,
});
export type GoldFact = z.infer<typeof GoldFact>;

export const GoldOrganization = z.object({ as_written: z.string(), canonical: z.string(), country: z.string().nullable(), doubt });
export type GoldOrganization = z.infer<typeof GoldOrganization>;

export const GoldPerson = z.object({ name: z.string(), role: z.string(), role_as_written: z.string().nullable(), foreign: z.boolean(), doubt });
export type GoldPerson = z.infer<typeof GoldPerson>;

export const Gold = z.object({
  file: z.string(),
  province: z.string(),
  province_2025: z.string(),
  title: z.string().nullable(),
  source: z.string().nullable(),
  author: z.string().nullable(),
  dates: z.array(z.string()),
  partners: z.array(GoldPartner),
  countries: z.array(z.string()),
  organizations: z.array(GoldOrganization),
  people: z.array(GoldPerson),
  facts: z.array(GoldFact),
  article_paragraphs: z.number().int().nonnegative(),
  noise_lines: z.array(z.string()),
  years: z.array(z.number().int()),
  article_line_numbers: z.array(z.number().int().positive()),
  noise_line_numbers: z.array(z.number().int().positive()),
  doubt: z.string(),
  source_note: z.string().optional(),
});
export type Gold = z.infer<typeof Gold>;

/** Reads and validates one gold file; an error names the file. */
export function readGold(path: string): Gold {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const parsed = Gold.safeParse(json);
  if (!parsed.success) throw new Error(`${path}: not a gold file (${z.prettifyError(parsed.error).replace(/\n/g, ' ')})`);
  return parsed.data;
}


/** A relation event between the subject province and a partner (tests/fixtures/events/README.md). */
export const GoldEvent = z.object({
  kind: z.enum(['twinning', 'established', 'agreement', 'visit-in', 'visit-out', 'meeting', 'aid-given', 'aid-received', 'conference', 'trade']),
  /** A partner locality of the report's gold (canonical name and country), or a country alone. */
  partner: z.union([z.object({ canonical: z.string(), country: z.string() }), z.object({ country: z.string() })]),
  year: z.number().int().nullable(),
  date: z.string().nullable(),
  period: z.tuple([z.number().int().nullable(), z.number().int().nullable()]).optional(),
  people: z.array(z.string()),
  figure: z.string().nullable(),
  sentence: z.string(),
  line: z.number().int().positive(),
  doubt,
});
export type GoldEvent = z.infer<typeof GoldEvent>;

export const GoldEvents = z.object({ file: z.string(), province: z.string(), events: z.array(GoldEvent), doubt: z.string().optional() });
export type GoldEvents = z.infer<typeof GoldEvents>;

/** Reads and validates one events gold file; an error names the file. */
export function readGoldEvents(path: string): GoldEvents {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const parsed = GoldEvents.safeParse(json);
  if (!parsed.success) throw new Error(`${path}: not an events gold file (${z.prettifyError(parsed.error).replace(/\n/g, ' ')})`);
  return parsed.data;
}
