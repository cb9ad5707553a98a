import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isProblem, processFile } from '../src/pipeline/index.ts';
import { formatDecimal, formatInt, generateCorpus, generateReport, mulberry32 } from './generate-corpus.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'atlas-corpus-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const filesOf = (dir: string) => readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))] as const);

describe('Vietnamese number formatting', () => {
  it.each([
    [7, '7'],
    [1234, '1.234'],
    [2035, '2.035'],
    [228216, '228.216'],
    [3009681, '3.009.681'],
  ])('formatInt(%d) = %s', (n, text) => expect(formatInt(n)).toBe(text));

  it.each([
    [5.64, 2, '5,64'],
    [2.7, 2, '2,7'],
    [10206.452, 3, '10.206,452'],
    [13, 1, '13'],
    [790.84, 2, '790,84'],
  ])('formatDecimal(%d, %d) = %s', (x, digits, text) => expect(formatDecimal(x, digits)).toBe(text));
});

describe('mulberry32', () => {
  it('gives the same stream for the same seed and numbers in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
  });
});

describe('generateCorpus', () => {
  it('writes identical bytes for the same seed', () => {
    const a = tempDir();
    const b = tempDir();
    generateCorpus({ n: 25, seed: 7, outDir: a });
    generateCorpus({ n: 25, seed: 7, outDir: b });
    const fa = filesOf(a);
    expect(fa).toHaveLength(25);
    expect(filesOf(b)).toEqual(fa);
  });

  it('writes different reports for a different seed', () => {
    const one = generateCorpus({ n: 10, seed: 1 }).map((r) => r.text);
    const two = generateCorpus({ n: 10, seed: 2 }).map((r) => r.text);
    expect(one.filter((t, i) => t === two[i])).toEqual([]);
  });

  it('makes a small corpus a prefix of a larger one (report i depends only on seed and i)', () => {
    const small = generateCorpus({ n: 5, seed: 3 });
    expect(generateCorpus({ n: 12, seed: 3 }).slice(0, 5)).toEqual(small);
    expect(generateReport(3, 4)).toEqual(small[4]);
  });

  it('writes valid UTF-8 text in NFC, with Vietnamese diacritics and page noise', () => {
    const dir = tempDir();
    generateCorpus({ n: 30, seed: 11, outDir: dir });
    const texts = filesOf(dir).map(([, bytes]) => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    for (const t of texts) {
      expect(t.normalize('NFC')).toBe(t);
      expect(t).toMatch(/đối ngoại/);
    }
    // Over 30 reports some carry the usual web-page noise.
    expect(texts.some((t) => /Tin liên quan|Các tin khác|Tin cùng chuyên mục/.test(t))).toBe(true);
    expect(texts.some((t) => /truy cập|đang online/.test(t))).toBe(true);
  });

  it('varies provinces and partner countries', () => {
    const reports = generateCorpus({ n: 200, seed: 5 });
    expect(new Set(reports.map((r) => r.province)).size).toBeGreaterThan(30);
    const text = reports.map((r) => r.text).join('\n');
    for (const country of ['(Lào)', '(Hàn Quốc)', '(Nhật Bản)', '(Campuchia)', '(Trung Quốc)']) expect(text).toContain(country);
    // Vietnamese number formats: thousands dot and decimal comma.
    expect(text).toMatch(/\d\.\d{3} (hội viên|tỷ đồng|người|lao động|lượt)/);
    expect(text).toMatch(/\d,\d+ (tỷ|triệu) USD/);
  });
});

describe('generated reports through the real pipeline', () => {
  const reports = generateCorpus({ n: 40, seed: 1 });

  it.each(reports.map((r) => [r.file, r] as const))('%s yields its province, a partner and facts', (_, report) => {
    const result = processFile({ file: report.file, bytes: new TextEncoder().encode(report.text) });
    if (isProblem(result)) throw new Error(`${report.file}: ${result.reason}`);
    const e = result.extraction;
    expect(e.province?.name).toBe(report.province);
    expect(e.partners.length).toBeGreaterThanOrEqual(1);
    const written = e.partners.flatMap((p) => [p.name, p.nameVi ?? '', ...p.asWritten]);
    expect(report.partners.some((name) => written.includes(name))).toBe(true);
    expect(e.facts.length).toBeGreaterThanOrEqual(3);
    expect(e.title).not.toBeNull();
  });
});
