/**
 * The scorer's rules on tiny hand-made gold and extractions (never the real extractor's output),
 * and its CLI on a folder with a missing report.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Gold, GoldFact, GoldPartner } from '../src/lib/gold.ts';
import { FactUnit, type Extraction, type Fact, type Partner } from '../src/schemas/extraction.ts';
import {
  HELD_OUT,
  UNIT_MAP,
  column,
  parseArgs,
  parts,
  placeKey,
  rate,
  sameSentence,
  sameValue,
  scoreFile,
  scoreFolder,
  sumScores,
  type FileScore,
} from './score-gold.ts';

const HANOI = { name: 'Hà Nội', slug: 'ha-noi', mergedInto: { name: 'Hà Nội', slug: 'ha-noi' } };

const extraction = (over: Partial<Extraction> = {}): Extraction => ({
  file: 'r.txt',
  province: HANOI,
  otherProvinces: [],
  title: null,
  source: null,
  author: null,
  published: null,
  dates: [],
  years: [],
  partners: [],
  countries: [],
  organizations: [],
  people: [],
  facts: [],
  events: [],
  noise: [],
  review: [],
  ...over,
});

const gold = (over: Partial<Gold> = {}): Gold => ({
  file: 'r.txt',
  province: 'Hà Nội',
  province_2025: 'Hà Nội',
  title: null,
  source: null,
  author: null,
  dates: [],
  partners: [],
  countries: [],
  organizations: [],
  people: [],
  facts: [],
  article_paragraphs: 3,
  noise_lines: [],
  years: [],
  article_line_numbers: [1, 2, 3],
  noise_line_numbers: [],
  doubt: '',
  ...over,
});

const partner = (name: string, over: Partial<Partner> = {}): Partner => ({
  name,
  slug: 'x',
  kind: 'province',
  country: 'JP',
  asWritten: [name],
  sentences: [{ sentence: 'Câu.', line: 1 }],
  inGazetteer: true,
  relation: 'partner',
  evidence: { sentence: 'Câu.', line: 1, reason: 'test', weak: false },
  ...over,
});

const goldPartner = (canonical: string, over: Partial<GoldPartner> = {}): GoldPartner => ({
  as_written: [canonical],
  canonical,
  kind: 'province',
  country: 'JP',
  relation: 'partner',
  sentence: 'Câu.',
  line: 1,
  ...over,
});

const SENTENCE = 'Năm 2023, tỉnh thu hút 12 dự án với tổng vốn 5,64 tỷ USD.';

const fact = (value: number, unit: FactUnit, sentence = SENTENCE): Fact => ({
  id: 'f1',
  text: String(value),
  value,
  unit,
  label: '',
  qualifier: null,
  approx: false,
  year: null,
  sentence,
  line: 2,
  offset: 0,
});

const goldFact = (value: number, unit: string, over: Partial<GoldFact> = {}): GoldFact => ({
  text: String(value),
  value,
  unit,
  what: '',
  sentence: SENTENCE,
  qualifier: null,
  line: 2,
  offset: 0,
  ...over,
});

const partnersOf = (pred: Partner[], golds: GoldPartner[]) => scoreFile(extraction({ partners: pred }), gold({ partners: golds })).partners;
const factsOf = (pred: Fact[], golds: GoldFact[], over: Partial<Gold> = {}) => scoreFile(extraction({ facts: pred }), gold({ facts: golds, ...over })).facts;

describe('locality names', () => {
  it('match on the canonical name or an as_written form, case and diacritics folded', () => {
    expect(partnersOf([partner('hua phan', { country: 'LA' })], [goldPartner('Houaphanh', { as_written: ['Hủa Phăn'], country: 'LA' })]).required.counts).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
  it('drop one administrative word on both sides alike', () => {
    expect(placeKey('Gyeongsangbuk-do')).toBe(placeKey('Gyeongsangbuk'));
    expect(placeKey('Ulju County')).toBe(placeKey('Ulju'));
    expect(placeKey('tỉnh Luông Phabang')).toBe(placeKey('Luông Phabang'));
    expect(placeKey('Kanagawa Prefecture')).toBe('kanagawa');
    expect(placeKey('Val-de-Marne')).toBe(placeKey('Val de Marne'));
  });
  it('a prefix of the name does not match', () => {
    const gyeongsangbuk = goldPartner('Gyeongsangbuk-do', { as_written: ['Gyeongsangbuk'], country: 'KR' });
    expect(partnersOf([partner('Gyeongsang', { country: 'KR' })], [gyeongsangbuk]).required.counts).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(partnersOf([partner('Luang', { country: 'LA' })], [goldPartner('Luang Prabang', { country: 'LA' })]).required.counts).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
  it('an empty name never matches, not even another empty name', () => {
    expect(partnersOf([partner('', { asWritten: [''] })], [goldPartner('', { as_written: [''] })]).required.counts).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
  it('the same name in another country does not match', () => {
    expect(partnersOf([partner('Kanagawa', { country: 'KR' })], [goldPartner('Kanagawa')]).required.counts).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
});

describe('doubt items', () => {
  const golds = [goldPartner('Akita'), goldPartner('Tochigi', { doubt: 'former tie' })];
  it('are optional in "required only" and required in "doubt as required"', () => {
    const missed = partnersOf([partner('Akita')], golds);
    expect(missed.required.counts).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(missed.withDoubt.counts).toEqual({ tp: 1, fp: 0, fn: 1 });
  });
  it('found, are left out of "required only" (neither hit nor penalty) and a hit in "doubt as required"', () => {
    const found = partnersOf([partner('Akita'), partner('Tochigi')], golds);
    expect(found.required.counts).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(found.withDoubt.counts).toEqual({ tp: 2, fp: 0, fn: 0 });
  });
  it('never take a prediction a required item needs, and absorb as many others as they can', () => {
    // a matches R and O, b matches R only: b takes R, a takes O, nothing is extra.
    const c = column(['a', 'b'], ['R'], ['O'], (p, g) => g === 'R' || p === 'a');
    expect(c.counts).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
});

describe('relation', () => {
  const nanning = goldPartner('Nanning', { country: 'CN', relation: 'mentioned' });
  it('a locality the extractor calls mentioned is not a claim, and agrees with a gold mentioned', () => {
    const s = scoreFile(extraction({ partners: [partner('Nanning', { country: 'CN', relation: 'mentioned' })] }), gold({ partners: [nanning] }));
    expect(s.partners.required.counts).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(s.partners.withDoubt.counts).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(sumScores([s]).relation.required).toEqual({ ok: 1, of: 1 });
  });
  it('a partner claim on a gold mentioned locality is extra, and a wrong relation', () => {
    const s = scoreFile(extraction({ partners: [partner('Nanning', { country: 'CN' })] }), gold({ partners: [nanning] }));
    expect(s.partners.required.counts).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(sumScores([s]).relation.required).toEqual({ ok: 0, of: 1 });
    expect(s.relations.wrong.map(([, g]) => g.canonical)).toEqual(['Nanning']);
  });
  it('gold visitor and aid are claims; older gold other is not', () => {
    const golds = [goldPartner('Akita', { relation: 'visitor' }), goldPartner('Tochigi', { relation: 'aid' }), goldPartner('Gifu', { relation: 'other' })];
    const s = partnersOf([partner('Akita'), partner('Tochigi'), partner('Gifu')], golds);
    expect(s.required.counts).toEqual({ tp: 2, fp: 1, fn: 0 });
  });
  it('a claim on a gold mentioned with a doubt is left out of "required only" and extra in "doubt as required"', () => {
    const s = partnersOf([partner('Nanning', { country: 'CN' })], [{ ...nanning, doubt: 'maybe a partner' }]);
    expect(s.required.counts).toEqual({ tp: 0, fp: 0, fn: 0 });
    expect(s.withDoubt.counts).toEqual({ tp: 0, fp: 1, fn: 0 });
  });
});

describe('facts', () => {
  it('match on value, unit and sentence', () => {
    expect(factsOf([fact(5_640_000_000, 'USD')], [goldFact(5_640_000_000, 'USD')]).required.counts).toEqual({ tp: 1, fp: 0, fn: 0 });
  });
  it('the right value and unit in another sentence does not match', () => {
    const other = 'Tỉnh có 12 dự án đang triển khai.';
    expect(factsOf([fact(12, 'project', other)], [goldFact(12, 'project')]).required.counts).toEqual({ tp: 0, fp: 1, fn: 1 });
  });
  it('values: exact for integers, within 0.5 % otherwise', () => {
    expect(sameValue(5.64e9 + 1e-6, 5.64e9)).toBe(true);
    expect(sameValue(13, 12)).toBe(false);
    expect(sameValue(1001, 1000)).toBe(false);
    expect(sameValue(14.25, 14.21)).toBe(true);
    expect(sameValue(14.3, 14.21)).toBe(false);
  });
  it('units through the unit map only: ha is hectare; count stands for units no other FactUnit claims', () => {
    expect(factsOf([fact(160, 'hectare')], [goldFact(160, 'ha')]).required.counts.tp).toBe(1);
    expect(factsOf([fact(50, 'count')], [goldFact(50, 'km')]).required.counts.tp).toBe(0);
    expect(factsOf([fact(5000, 'count')], [goldFact(5000, 'relic')]).required.counts.tp).toBe(1);
    expect(factsOf([fact(12, 'count')], [goldFact(12, 'project')]).required.counts.tp).toBe(0);
    expect(factsOf([fact(12, 'enterprise')], [goldFact(12, 'project')]).required.counts.tp).toBe(0);
  });
  it('the unit map covers every FactUnit but count', () => {
    expect(Object.keys(UNIT_MAP).sort()).toEqual(FactUnit.options.filter((u) => u !== 'count').sort());
  });
  it('sentences: whitespace and the crawl marker aside, equal; a prefix only when the dump cut the gold sentence', () => {
    expect(sameSentence(`date 2025-12-04 ${SENTENCE}`, ` ${SENTENCE.replace(/ /g, '  ')}`, false)).toBe(true);
    expect(sameSentence('Hiện tỉnh có 02 doanh nghiệp đang đầu tư tại tỉnh Attapư', 'Hiện tỉnh có 02 doanh nghiệp đang đầu', false)).toBe(false);
    expect(sameSentence('Hiện tỉnh có 02 doanh nghiệp đang đầu tư tại tỉnh Attapư', 'Hiện tỉnh có 02 doanh nghiệp đang đầu', true)).toBe(true);
    expect(sameSentence('02 doanh nghiệp', 'Hiện tỉnh có 02 doanh nghiệp đang đầu', true)).toBe(false);
    expect(sameSentence('', '', true)).toBe(false);
  });
  it('a gold sentence counts as cut on the last article line, without a sentence end', () => {
    const cut = 'Hiện tỉnh có 02 doanh nghiệp đang đầu';
    const g = goldFact(2, 'enterprise', { sentence: cut, line: 3 });
    expect(factsOf([fact(2, 'enterprise', `${cut} tư`)], [g]).required.counts.tp).toBe(1);
    expect(factsOf([fact(2, 'enterprise', `${cut} tư`)], [{ ...g, line: 2 }]).required.counts.tp).toBe(0);
  });
});

describe('headline, province and noise', () => {
  it('a title where the gold has none is wrong; null against null is right', () => {
    expect(scoreFile(extraction({ title: 'Yên Bái Yên Bái' }), gold()).title).toEqual({ ok: false, got: 'Yên Bái Yên Bái', want: null });
    expect(scoreFile(extraction(), gold()).title.ok).toBe(true);
  });
  it('a title is exact: NFC and whitespace only', () => {
    expect(scoreFile(extraction({ title: 'Hà  Nội và Fukuoka ' }), gold({ title: 'Hà Nội và Fukuoka' })).title.ok).toBe(true);
    expect(scoreFile(extraction({ title: 'Hà Nội và Fukuoka (Nhật Bản)' }), gold({ title: 'Hà Nội và Fukuoka' })).title.ok).toBe(false);
    expect(scoreFile(extraction(), gold({ title: 'Hà Nội và Fukuoka' })).title.ok).toBe(false);
  });
  it('the province and its 2025 province are scored apart', () => {
    const s = scoreFile(extraction({ province: { ...HANOI, mergedInto: { name: 'Bắc Ninh', slug: 'bac-ninh' } } }), gold());
    expect([s.province.ok, s.province2025.ok]).toEqual([true, false]);
    expect(scoreFile(extraction({ province: null }), gold()).province.ok).toBe(false);
  });
  it('noise by line number, and article lines removed are counted', () => {
    const noise = [1, 2].map((line) => ({ line, text: 'x', reason: 'test' }));
    const s = scoreFile(extraction({ noise }), gold({ article_line_numbers: [2, 3], noise_line_numbers: [1, 4] }));
    expect(s.noise.required.counts).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s.articleLinesRemoved).toEqual([2]);
    expect(sumScores([s]).articleLinesRemoved).toBe(1);
  });
});

describe('countries, organisations, people and dates', () => {
  it('organisations by name or as written, exact after folding', () => {
    const org = (name: string, asWritten: string) => ({ name, slug: 'x', asWritten, country: 'JP', sentences: [{ sentence: 'Câu.', line: 1 }] });
    const golds = [{ as_written: 'Tổ chức Xúc tiến Thương mại Nhật Bản', canonical: 'Japan External Trade Organization (JETRO)', country: 'JP' }];
    const score = (o: ReturnType<typeof org>) => scoreFile(extraction({ organizations: [o] }), gold({ organizations: golds })).organizations.required.counts.tp;
    expect(score(org('JETRO', 'tổ chức xúc tiến thương mại Nhật Bản'))).toBe(1);
    expect(score(org('Japan External Trade Organization', 'JETRO'))).toBe(0);
  });
  it('people by name, role ignored; dates and countries exact', () => {
    const s = scoreFile(
      extraction({ people: [{ name: 'T. Huy', role: null, line: 3 }], dates: ['2025-08-19'], countries: [] }),
      gold({ people: [{ name: 'T. HUY', role: 'photographer', role_as_written: null, foreign: false }], dates: ['--08-19'], countries: ['JP'] }),
    );
    expect(s.people.required.counts).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(s.dates.required.counts).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(s.countries.required.counts).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
});

describe('folders and the CLI', () => {
  const dirs: string[] = [];
  const temp = () => {
    const d = mkdtempSync(join(tmpdir(), 'atlas-score-'));
    dirs.push(d);
    return d;
  };
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  const folder = () => {
    const goldDir = temp();
    const reportsDir = temp();
    writeFileSync(join(goldDir, 'here.json'), JSON.stringify(gold({ file: 'here.txt', title: 'Hà Nội tăng cường hợp tác với tỉnh Fukuoka' })));
    writeFileSync(join(reportsDir, 'here.txt'), 'Hà Nội tăng cường hợp tác với tỉnh Fukuoka\n\nSáng 10/11/2023, Thành phố Hà Nội đón đoàn tỉnh Fukuoka (Nhật Bản).\n');
    writeFileSync(join(goldDir, 'gone.json'), JSON.stringify(gold({ file: 'gone.txt' })));
    return { goldDir, reportsDir };
  };

  it('a gold file without a report is a problem naming it; the others are scored', () => {
    const { goldDir, reportsDir } = folder();
    const run = scoreFolder(goldDir, reportsDir);
    expect(run.gold).toBe(2);
    expect(run.scores.map((s) => s.file)).toEqual(['here.txt']);
    expect(run.problems).toEqual([{ file: join(goldDir, 'gone.json'), reason: `has no report (${join(reportsDir, 'gone.txt')} does not exist)` }]);
  });

  it('a report that cannot be extracted is a problem naming it', () => {
    const { goldDir, reportsDir } = folder();
    writeFileSync(join(reportsDir, 'gone.txt'), '');
    expect(scoreFolder(goldDir, reportsDir).problems).toEqual([{ file: join(reportsDir, 'gone.txt'), reason: 'cannot be extracted (empty report (no text))' }]);
  });

  it('the CLI exits 1, names the file and prints files scored: N/M', () => {
    const { goldDir, reportsDir } = folder();
    const r = spawnSync(process.execPath, [join(import.meta.dirname, 'score-gold.ts'), goldDir, reportsDir], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`error: ${join(goldDir, 'gone.json')}: has no report`);
    expect(r.stdout).toContain('files scored: 1/2');
    expect(r.stdout).toMatch(/^partner claims +\| P /m);
  });

  it('--only and --except pick gold files by name, and an unknown name is an error', () => {
    const { goldDir, reportsDir } = folder();
    expect(scoreFolder(goldDir, reportsDir, { only: ['here'] }).problems).toEqual([]);
    expect(scoreFolder(goldDir, reportsDir, { except: ['gone.json'] }).gold).toBe(1);
    expect(() => scoreFolder(goldDir, reportsDir, { only: ['nowhere'] })).toThrow('no gold file named nowhere');
    expect(parseArgs(['g', 'r', '--only', 'a,b', '--split'])).toMatchObject({ goldDir: 'g', reportsDir: 'r', only: ['a', 'b'], split: true });
  });
});

describe('the held-out split', () => {
  const scored = (file: string) => ({ ...scoreFile(extraction({ file }), gold({ file })) }) as FileScore;
  it('is the 8 files the lead chose', () => {
    expect(HELD_OUT).toHaveLength(8);
  });
  it('gives dev / held-out / all when held-out files are scored, else all', () => {
    const scores = ['06-tay-ninh.txt', '01-bac-ninh.txt', '39-phu-tho.txt'].map(scored);
    expect(parts(scores, false).map(([name, s]) => [name, s.length])).toEqual([
      ['dev', 1],
      ['held-out', 2],
      ['all', 3],
    ]);
    expect(parts([scored('01-bac-ninh.txt')], false).map(([name]) => name)).toEqual(['all']);
    expect(() => parts([scored('01-bac-ninh.txt')], true)).toThrow('--split');
    expect(rate(sumScores(scores).title.required)).toBe(1);
  });
});
