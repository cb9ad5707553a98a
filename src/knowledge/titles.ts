/**
 * Vietnamese titles, forms of address, surnames and the place names that look like personal names
 * (data/titles-vi.json): what the people extractor reads to tell a name from a title or a place.
 */
import { z } from 'zod';
import raw from './data/titles-vi.json' with { type: 'json' };
import { loadData, Source, SourcedItems } from './load.ts';

const TitlesFile = z.object({
  $comment: z.string(),
  titles: SourcedItems,
  modifiers: SourcedItems,
  honorifics: SourcedItems,
  roleWords: SourcedItems,
  roleCompounds: SourcedItems,
  surnames: SourcedItems,
  places: z.object({ source: Source, items: z.array(z.string().min(1)).min(1), alsoPeople: z.array(z.string().min(1)) }),
  notNameWords: SourcedItems,
});

export const titleData = loadData('titles-vi.json', TitlesFile, raw);
