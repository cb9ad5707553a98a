/**
 * npm run score -- [GOLD_DIR] [SEEDS_DIR]
 * Scores the extractor against hand-checked gold files (format: tests/fixtures/gold/README.md).
 * Items marked with a `doubt` are optional: not required, and not penalised when produced.
 * Run it on any folder of gold + reports, not only the seeds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fold, normalizeVietnamese } from '../src/lib/text.ts';
import { isProblem, processFile } from '../src/pipeline/index.ts';
import type { Extraction } from '../src/schemas/extraction.ts';

export interface GoldFile {
  file: string;
  province: string;
  province_2025: string;
  title: string | null;
  countries: string[];
  partners: Array<{ as_written: string[]; canonical: string; country: string; doubt?: string }>;
  facts: Array<{ value: number; unit: string; text: string; doubt?: string }>;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export const precision = (c: Counts) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1);
export const recall = (c: Counts) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);
export const f1 = (c: Counts) => {
  const p = precision(c);
  const r = recall(c);
  return p + r ? (2 * p * r) / (p + r) : 0;
};
const add = (a: Counts, b: Counts): Counts => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

/** Greedy one-to-one matching; gold items with a doubt are optional. */
function matchItems<P, G extends { doubt?: string }>(pred: readonly P[], gold: readonly G[], same: (p: P, g: G) => boolean): Counts {
  const used = new Set<number>();
  let tp = 0;
  let fp = 0;
  // Required gold first, so an optional item never takes a prediction a required one needs.
  const order = gold.map((g, i) => ({ g, i })).sort((a, b) => Number(Boolean(a.g.doubt)) - Number(Boolean(b.g.doubt)));
  for (const p of pred) {
    const hit = order.find(({ g, i }) => !used.has(i) && same(p, g));
    if (hit) {
      used.add(hit.i);
      tp++;
    } else fp++;
  }
  const fn = gold.filter((g, i) => !used.has(i) && !g.doubt).length;
  // An optional gold item that was matched counts as a hit; one that was not is ignored.
  return { tp, fp, fn };
}

const key = (s: string) => fold(s).replace(/[^a-z0-9]+/g, '');

export function scorePartners(pred: Extraction['partners'], gold: GoldFile['partners']): Counts {
  return matchItems(pred, gold, (p, g) => {
    if (p.country !== g.country) return false;
    const names = new Set([p.name, ...p.asWritten].map(key));
    return names.has(key(g.canonical)) || key(g.canonical).startsWith(key(p.name)) || g.as_written.some((w) => names.has(key(w)));
  });
}

export function scoreCountries(pred: Extraction['countries'], gold: string[]): Counts {
  const golds: Array<{ code: string; doubt?: string }> = gold.map((code) => ({ code }));
  return matchItems(pred.map((c) => c.code), golds, (p, g) => p === g.code);
}

export function scoreFacts(pred: Extraction['facts'], gold: GoldFile['facts']): Counts {
  return matchItems(pred, gold, (p, g) => p.unit === g.unit && Math.abs(p.value - g.value) <= Math.abs(g.value) * 0.005);
}

export interface FileScore {
  file: string;
  province: boolean;
  province2025: boolean;
  title: boolean;
  partners: Counts;
  countries: Counts;
  facts: Counts;
}

export function scoreFile(pred: Extraction, gold: GoldFile): FileScore {
  const same = (a: string | null | undefined, b: string | null) => (a ? normalizeVietnamese(a) : null) === (b ? normalizeVietnamese(b) : null);
  return {
    file: gold.file,
    province: same(pred.province?.name, gold.province),
    province2025: same(pred.province?.mergedInto.name, gold.province_2025),
    title: same(pred.title, gold.title),
    partners: scorePartners(pred.partners, gold.partners),
    countries: scoreCountries(pred.countries, gold.countries),
    facts: scoreFacts(pred.facts, gold.facts),
  };
}

export function scoreFolder(goldDir: string, seedsDir: string) {
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
  const scores = files.map((f) => {
    const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8')) as GoldFile;
    const result = processFile({ file: gold.file, bytes: readFileSync(join(seedsDir, gold.file)) });
    if (isProblem(result)) throw new Error(`${gold.file}: ${result.reason}`);
    return scoreFile(result.extraction, gold);
  });
  const zero: Counts = { tp: 0, fp: 0, fn: 0 };
  return {
    scores,
    partners: scores.map((s) => s.partners).reduce(add, zero),
    countries: scores.map((s) => s.countries).reduce(add, zero),
    facts: scores.map((s) => s.facts).reduce(add, zero),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [goldDir = 'tests/fixtures/gold', seedsDir = 'seeds'] = process.argv.slice(2);
  const total = scoreFolder(resolve(goldDir), resolve(seedsDir));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const row = (c: Counts) => `P ${pct(precision(c))}  R ${pct(recall(c))}  F1 ${pct(f1(c))}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
  for (const s of total.scores) {
    console.log(`${s.file}: province ${s.province ? 'ok' : 'WRONG'}, 2025 ${s.province2025 ? 'ok' : 'WRONG'}, title ${s.title ? 'ok' : 'WRONG'}`);
    console.log(`  partners  ${row(s.partners)}\n  countries ${row(s.countries)}\n  facts     ${row(s.facts)}`);
  }
  console.log(`\nALL partners  ${row(total.partners)}\nALL countries ${row(total.countries)}\nALL facts     ${row(total.facts)}`);
}
