import { z } from 'zod';

/**
 * Validates one data file against its schema when it is loaded. A broken file stops everything
 * with one message naming the file and each problem's path, never a half-read table.
 */
export function loadData<S extends z.ZodType>(file: string, schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  const more = problems.length > 5 ? `; … ${problems.length - 5} more` : '';
  throw new Error(`src/knowledge/data/${file}: invalid data (${problems.slice(0, 5).join('; ')}${more})`);
}

/** Where a table comes from, in a sentence: every data file and section names its source. */
export const Source = z.string().min(10, 'a source description');

/** A list of phrases with its source. */
export const SourcedList = z.object({ source: Source, entries: z.array(z.string().min(1)).min(1) });
/** The same, in files that call the list `items`. */
export const SourcedItems = z.object({ source: Source, items: z.array(z.string().min(1)).min(1) });
