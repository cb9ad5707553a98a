import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { f1, precision, recall, scoreFolder, sumScores } from '../../scripts/score-gold.ts';
import { GOLD_DIR, ROOT } from '../support/gold.ts';

const UNSEEN = join(ROOT, 'tests', 'fixtures', 'unseen');
const CORPUS = join(ROOT, 'tests', 'fixtures', 'corpus');

/**
 * The whole extractor (real ingest, no gold line numbers) against hand-checked gold, with the
 * strict scorer of `npm run score`. The bars are on the "required only" column: items with a
 * doubt neither required nor penalised, as the gold READMEs suggest.
 * - seeds: the five reports the extractor was developed on;
 * - unseen: reports from six other provinces, written with their gold by someone who never read
 *   the extractor (tests/fixtures/unseen/README.md), to catch rules fitted to the seeds;
 * - corpus: the 17 development files of the real reports of ../shared/corpus (its 8 held-out files
 *   are not in the repo and not tuned on: `npm run score` on ../shared/corpus prints them apart).
 */
describe.each([
  { set: 'the five seeds', goldDir: GOLD_DIR, reportsDir: join(ROOT, 'seeds') },
  { set: 'the unseen reports', goldDir: join(UNSEEN, 'gold'), reportsDir: join(UNSEEN, 'reports') },
  { set: 'the real reports of the development corpus', goldDir: join(CORPUS, 'gold'), reportsDir: join(CORPUS, 'raw') },
])('extraction scores on $set', ({ goldDir, reportsDir }) => {
  const run = scoreFolder(goldDir, reportsDir);
  const total = sumScores(run.scores);

  it('scores every gold file', () => {
    expect(run.problems).toEqual([]);
    expect(run.scores).toHaveLength(readdirSync(goldDir).filter((f) => f.endsWith('.json')).length);
  });
  it('gets province, 2025 province and title right for every report', () => {
    for (const s of run.scores) {
      expect({ file: s.file, province: s.province, province2025: s.province2025, title: s.title }).toMatchObject({
        province: { ok: true },
        province2025: { ok: true },
        title: { ok: true },
      });
    }
  });
  it('partner claims precision ≥ 0.95 and recall ≥ 0.95 (name and country)', () => {
    expect(precision(total.partners.required)).toBeGreaterThanOrEqual(0.95);
    expect(recall(total.partners.required)).toBeGreaterThanOrEqual(0.95);
  });
  it('countries F1 ≥ 0.95', () => {
    expect(f1(total.countries.required)).toBeGreaterThanOrEqual(0.95);
  });
  it('facts precision ≥ 0.95 and recall ≥ 0.85 (value, unit and sentence)', () => {
    expect(precision(total.facts.required)).toBeGreaterThanOrEqual(0.95);
    expect(recall(total.facts.required)).toBeGreaterThanOrEqual(0.85);
  });
  it('headlines exact, noise lines removed (recall ≥ 0.90), no article line removed', () => {
    expect(total.title.required.ok).toBe(total.title.required.of);
    expect(recall(total.noise.required)).toBeGreaterThanOrEqual(0.9);
    expect(total.articleLinesRemoved).toBe(0);
  });
});
