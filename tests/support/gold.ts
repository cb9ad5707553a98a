/**
 * Loads the hand-checked gold annotations in ../shared/gold (outside the repo; CI clones it beside
 * the project) and the seed texts, so tests can compare extraction with what a person checked.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Block } from '../../src/schemas/ingest.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = join(ROOT, 'seeds');
/** The gold annotations ship in the project (tests/fixtures/gold), copied from shared/gold. */
export const GOLD_DIR = join(ROOT, 'tests', 'fixtures', 'gold');

export interface GoldPartner {
  as_written: string[];
  canonical: string;
  kind: string;
  country: string;
  relation: string;
  sentence: string;
  line: number;
  doubt?: string;
}
export interface GoldFact {
  text: string;
  value: number;
  unit: string;
  what: string;
  sentence: string;
  qualifier: string | null;
  line: number;
  offset: number;
  doubt?: string;
}
export interface Gold {
  file: string;
  province: string;
  province_2025: string;
  title: string | null;
  source: string | null;
  author: string | null;
  dates: string[];
  partners: GoldPartner[];
  countries: string[];
  organizations: Array<{ as_written: string; canonical: string; country: string | null; doubt?: string }>;
  people: Array<{ name: string; role: string; role_as_written: string | null; foreign: boolean; doubt?: string }>;
  facts: GoldFact[];
  article_paragraphs: number;
  noise_lines: string[];
  years: number[];
  article_line_numbers: number[];
  noise_line_numbers: number[];
  doubt: string;
}

export function goldFiles(): string[] {
  return readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort();
}

export function loadGold(jsonName: string): Gold {
  return JSON.parse(readFileSync(join(GOLD_DIR, jsonName), 'utf8')) as Gold;
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

export const hasGold = existsSync(GOLD_DIR);
