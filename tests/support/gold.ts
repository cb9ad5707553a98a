/**
 * Loads the hand-checked gold annotations of the seeds (tests/fixtures/gold, shipped in the repo, a
 * copy of ../shared/gold) and the seed texts, so tests can compare extraction with what a person
 * checked. Missing gold is an error, never a reason to skip.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readGold, type Gold } from '../../src/lib/gold.ts';
import type { Block } from '../../src/schemas/ingest.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = join(ROOT, 'seeds');
/** The gold annotations ship in the project (tests/fixtures/gold), copied from shared/gold. */
export const GOLD_DIR = join(ROOT, 'tests', 'fixtures', 'gold');

export type { Gold, GoldFact, GoldOrganization, GoldPartner, GoldPerson } from '../../src/lib/gold.ts';

/** The gold file names; throws when the gold is missing (it ships in the repo). */
export function goldFiles(): string[] {
  const files = existsSync(GOLD_DIR) ? readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort() : [];
  if (!files.length) throw new Error(`no gold annotations in ${GOLD_DIR}: they ship in the repo (a copy of ../shared/gold)`);
  return files;
}

export function loadGold(jsonName: string): Gold {
  return readGold(join(GOLD_DIR, jsonName));
}

export function seedText(txtName: string): string {
  return readFileSync(join(SEEDS_DIR, txtName), 'utf8');
}

/**
 * Article blocks exactly as the gold marks them, so extractor tests do not depend on ingest.
 * Kind is approximate (first line headline when the gold has a title, else body).
 */
export function goldBlocks(gold: Gold): Block[] {
  const lines = seedText(gold.file).split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += [...l].length + 1;
  }
  return gold.article_line_numbers.map((n, i) => {
    const raw = lines[n - 1] ?? '';
    const lead = [...raw].length - [...raw.trimStart()].length;
    return {
      line: n,
      text: raw.trim(),
      offset: (starts[n - 1] ?? 0) + lead,
      kind: i === 0 && gold.title ? 'headline' : 'body',
    };
  });
}
