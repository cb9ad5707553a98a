import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldFiles, loadGold, ROOT, SEEDS_DIR, type Gold } from '../../../tests/support/gold.ts';
import { ingest } from './index.ts';

const seeds = goldFiles().map((g) => {
  const gold = loadGold(g);
  return { gold, report: ingest(gold.file, readFileSync(join(SEEDS_DIR, gold.file))) };
});

describe.each(seeds)('ingest $gold.file', ({ gold, report }) => {
  it('keeps exactly the hand-counted article lines', () => {
    const article = report.blocks.filter((b) => b.kind !== 'noise').map((b) => b.line);
    expect(article).toEqual(gold.article_line_numbers);
    expect(article).toHaveLength(gold.article_paragraphs);
  });

  it('removes exactly the noise lines, each with a reason', () => {
    const noise = report.blocks.filter((b) => b.kind === 'noise');
    expect(noise.map((b) => b.line)).toEqual(gold.noise_line_numbers);
    for (const b of noise) expect(b.reason).toBeTruthy();
  });

  it('finds the printed headline (or none)', () => {
    const headline = report.blocks.find((b) => b.kind === 'headline');
    expect(headline?.text ?? null).toBe(gold.title);
  });

  it('finds the byline where one is printed', () => {
    const byline = report.blocks.find((b) => b.kind === 'byline');
    expect(byline?.text ?? null).toBe(gold.author);
  });

  it('gives each block its offset in the file', () => {
    const text = [...report.text];
    for (const b of report.blocks) expect(text.slice(b.offset, b.offset + [...b.text].length).join('')).toBe(b.text);
  });
});

/** Reports written independently of this code (tests/fixtures/unseen/README.md), same gold format. */
const UNSEEN = join(ROOT, 'tests', 'fixtures', 'unseen');
describe.each(readdirSync(join(UNSEEN, 'gold')).filter((f) => f.endsWith('.json')))('ingest of unseen %s', (name) => {
  const gold = JSON.parse(readFileSync(join(UNSEEN, 'gold', name), 'utf8')) as Gold;
  const report = ingest(gold.file, readFileSync(join(UNSEEN, 'reports', gold.file)));
  it('keeps the article lines and removes the noise lines', () => {
    expect(report.blocks.filter((b) => b.kind !== 'noise').map((b) => b.line)).toEqual(gold.article_line_numbers);
    expect(report.blocks.filter((b) => b.kind === 'noise').map((b) => b.line)).toEqual(gold.noise_line_numbers);
  });
  it('finds the headline', () => {
    expect(report.blocks.find((b) => b.kind === 'headline')?.text ?? null).toBe(gold.title);
  });
});

describe('noise named in the issue is removed', () => {
  const all = seeds.flatMap((s) => s.report.blocks);
  it.each([
    'Truy cập nội dung luôn',
    'Hoạt động đối ngoại chung Hoạt động đối ngoại chung',
    'Tin liên quan',
    'Các tin khác',
    'LIÊN KẾT WEBSITE',
    'Gửi đánh giá Xem kết quả',
    '49 người đang online',
    'Tổng lượt truy cập:\u00a0786362',
    'Chủ đề Hoạt động của lãnh đạo tỉnh',
    'Đọc thêm',
    'Tin mới Emagazine Truyền hình Podcast',
  ])('%s', (line) => {
    const hits = all.filter((b) => b.text === line);
    expect(hits.length).toBeGreaterThan(0);
    for (const b of hits) expect(b.kind).toBe('noise');
  });
});
