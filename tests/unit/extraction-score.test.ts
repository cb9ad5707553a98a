import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { f1, precision, recall, scoreFolder } from '../../scripts/score-gold.ts';
import { GOLD_DIR, ROOT } from '../support/gold.ts';

/** The whole extractor (real ingest, no gold line numbers) against the hand-checked gold. */
describe('extraction scores on the five seeds', () => {
  const total = scoreFolder(GOLD_DIR, join(ROOT, 'seeds'));

  it('gets province, 2025 province and title right for every report', () => {
    for (const s of total.scores) expect({ file: s.file, ok: s.province && s.province2025 && s.title }).toEqual({ file: s.file, ok: true });
  });
  it('partner localities F1 ≥ 0.95 (name and country)', () => {
    expect(f1(total.partners)).toBeGreaterThanOrEqual(0.95);
  });
  it('countries F1 ≥ 0.95', () => {
    expect(f1(total.countries)).toBeGreaterThanOrEqual(0.95);
  });
  it('facts precision ≥ 0.95 and recall ≥ 0.85 (value within 0.5 %, same unit)', () => {
    expect(precision(total.facts)).toBeGreaterThanOrEqual(0.95);
    expect(recall(total.facts)).toBeGreaterThanOrEqual(0.85);
  });
});

/**
 * Reports from six other provinces, written with their gold by someone who never read the
 * extractor (tests/fixtures/unseen/README.md): the same bars, to catch rules fitted to the seeds.
 */
describe('extraction scores on the unseen reports', () => {
  const dir = join(ROOT, 'tests', 'fixtures', 'unseen');
  const total = scoreFolder(join(dir, 'gold'), join(dir, 'reports'));

  it('gets province, 2025 province and title right for every report', () => {
    for (const s of total.scores) expect({ file: s.file, ok: s.province && s.province2025 && s.title }).toEqual({ file: s.file, ok: true });
  });
  it('partners F1 ≥ 0.95, countries F1 ≥ 0.95, facts precision ≥ 0.95 and recall ≥ 0.85', () => {
    expect(f1(total.partners)).toBeGreaterThanOrEqual(0.95);
    expect(f1(total.countries)).toBeGreaterThanOrEqual(0.95);
    expect(precision(total.facts)).toBeGreaterThanOrEqual(0.95);
    expect(recall(total.facts)).toBeGreaterThanOrEqual(0.85);
  });
});
