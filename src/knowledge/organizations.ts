/**
 * Known foreign organisations (data/organizations.json: curated names, English names and home
 * countries) and the Vietnamese head words that introduce an organisation's name.
 */
import { z } from 'zod';
import raw from './data/organizations.json' with { type: 'json' };
import { loadData, Source } from './load.ts';

const Items = z.object({ $comment: z.string(), items: z.array(z.string().min(1)).min(1) });

const OrganizationsFile = z.object({
  $comment: z.string(),
  source: Source,
  headWords: z.object({ $comment: z.string(), items: z.array(z.object({ vi: z.string().min(1), en: z.string().min(1).optional() })).min(1) }),
  vietnameseHeads: Items,
  notNameWords: Items,
  entries: z
    .array(
      z.object({
        name: z.string().min(1),
        country: z.string().regex(/^[A-Z]{2}$/).nullable(),
        aliases: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
});

export const organizationData = loadData('organizations.json', OrganizationsFile, raw);
export type OrganizationEntry = (typeof organizationData.entries)[number];
