/**
 * Explicit calendar dates and the years written in an article.
 *
 * Dates: "6/1/2017" and "ngày 25 tháng 11 năm 2021" (day/month/year) give "2017-01-06"; "tháng 07/2018"
 * and "tháng 6 năm 2020" give month precision ("2018-07"). A day/month without a year ("Sáng 22/1")
 * is kept only when its own sentence makes the year certain (see `inferYear`); otherwise it is left out.
 *
 * Years: every distinct year 1945–2100 written alone ("năm 2019"), as a range end ("2016 – 2020") or
 * inside a date. A four-digit number followed by a unit ("2020 người"), inside a document number
 * ("15/2018/NĐ-CP", "số 2019") or grouped ("2.035") is not a year.
 */

import { factUnits as units } from '../../knowledge/rules.ts';
import { escapeRegExp, memoByString, normalizeVietnamese } from '../../lib/text.ts';
import type { ExtractContext } from './context.ts';
import type { EventDate } from '../../schemas/extraction.ts';
import { SCALE_WORDS } from './numbers.ts';

/**
 * Old-style tone placement ("hoà") can only occur where o/u is followed by a toned a/e/y that ends
 * the word; Latin and Vietnamese letters are U+0041–U+024F and U+1E00–U+1EFF.
 */
const TONE_QUICK = /[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![A-Za-z\u00C0-\u024F\u1E00-\u1EFF])/;

/**
 * `normalizeVietnamese`, skipping its costly pattern on the (many) sentences that cannot need it.
 * Dates and facts both read every sentence: the last answers are kept.
 */
export const normalizeQuick: (s: string) => string = memoByString(
  (s) => (TONE_QUICK.test(s) ? normalizeVietnamese(s) : s.normalize('NFC')),
  2_000,
  2_000,
);

const MIN_YEAR = 1945;
const MAX_YEAR = 2100;

// All patterns run on the lower-cased sentence, so none needs a case-insensitive flag.

/** d/m/yyyy with one separator used twice (the character before is checked in code). */
const FULL_DATE = /(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?!\d)(?!\/\p{L})/gu;
/** "ngày 25 tháng 11 năm 2021" */
const WORDY_DATE = /(?<![\p{L}\p{N}])ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm\s+|[/-]\s*)(\d{4})(?!\d)/gu;
/** "tháng 07/2018", "tháng 6 năm 2020", "tháng 6-2020" */
const MONTH_YEAR = /(?<![\p{L}\p{N}])tháng\s+(\d{1,2})\s*(?:năm\s+|[/-]\s*)(\d{4})(?!\d)(?!\/\p{L})/gu;
/** "Sáng 22/1", "ngày 25.8", "(9/11)", "(15-8)" (no year follows). */
const YEARLESS =
  /(?:(?<![\p{L}\p{N}])(?:sáng|chiều|tối|trưa|đêm|hôm|ngày)\s+(?:nay\s+)?\(?\s*(\d{1,2})\s*[/.]\s*(\d{1,2})|\(\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*\))(?!\d|\s*[/.-]\s*\d)/gu;
/** "từ ngày 24 đến 27.8": the first day takes the month written after the second. */
const YEARLESS_RANGE = /(?<![\p{L}\p{N}])(?:từ\s+)?ngày\s+(\d{1,2})\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?(\d{1,2})\s*[/.]\s*(\d{1,2})(?!\d|\s*[/.-]\s*\d)/gu;
/** "ngày 22 tháng 1" without a year. */
const YEARLESS_WORDY = /(?<![\p{L}\p{N}])ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?!\d)(?!\s*(?:năm\s+|[/-]\s*)\d)/gu;

/** "quý I/2023", "quý 2-2022": the year of a quarter (quarters are not dates in the schema). */
const QUARTER = /(?<![\p{L}\p{N}])quý\s+(?:i{1,3}|iv|[1-4])\s*[/-]\s*(\d{4})(?!\d)/gu;

/** Words after a four-digit number that make it a quantity, not a year ("2020 người", "1945 tỷ"). */
const UNIT_AFTER = new RegExp(
  `\\s*(?:%|${[
    ...SCALE_WORDS,
    ...units.currencies.flatMap((c) => c.words),
    ...units.counts.flatMap((c) => c.words),
    'phần trăm',
  ]
    .map((w) => w.toLowerCase())
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'uy',
);
/** Digit runs with their separators; a year is a run of exactly four digits. */
const NUMBER_RUN = /\d+(?:[.,]\d+)*/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** Year of a sentence that reviews a year ("tổng kết ... năm 2020"), or that of a half-year review. */
const REVIEW_YEAR = /tổng\s+kết[^.;]*?năm\s+(\d{4})/u;
const HALF_YEAR_REVIEW = /sơ\s+kết[^.;]*?(?:6|sáu)\s+tháng\s+đầu\s+năm\s+(\d{4})/u;

function plausibleYear(y: number): boolean {
  return y >= MIN_YEAR && y <= MAX_YEAR;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** ISO date for a valid day/month/year, else null (rejects 32/13/2020 and 30/2/2021). */
export function isoDate(day: number, month: number, year: number): string | null {
  if (!plausibleYear(year) || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function isoMonth(month: number, year: number): string | null {
  if (!plausibleYear(year) || month < 1 || month > 12) return null;
  return `${year}-${pad2(month)}`;
}

/**
 * The year of a day/month written without one, when the sentence makes it certain:
 * a year-end review of year N ("tổng kết công tác đối ngoại năm 2020") held in January–March is in
 * N+1, and a half-year review of year N ("sơ kết 6 tháng đầu năm N") held in June–August is in N.
 */
export function inferYear(sentence: string, month: number): number | null {
  const review = REVIEW_YEAR.exec(sentence);
  if (review && month <= 3) return Number(review[1]) + 1;
  const half = HALF_YEAR_REVIEW.exec(sentence);
  if (half && month >= 6 && month <= 8) return Number(half[1]);
  return null;
}

interface Found {
  dates: Set<string>;
  years: Set<number>;
  /** Year that completes a day/month written without one, or null (kept as "--MM-DD"). */
  yearFor: (day: number, month: number, sentenceYear: number | null) => number | null;
}

/** A bare year: not glued to letters or codes, not grouped, not in "số 2019", not a quantity. */
function isBareYear(text: string, start: number, end: number): boolean {
  const p1 = text[start - 1] ?? ' ';
  const p2 = text[start - 2] ?? ' ';
  if (LETTER_OR_DIGIT.test(p1) || '.,/'.includes(p1)) return false;
  if ((p1 === '-' || p1 === '–') && LETTER.test(p2)) return false;
  if (/(?:^|[^\p{L}])số\s$/u.test(text.slice(Math.max(0, start - 4), start))) return false;
  const n1 = text[end] ?? ' ';
  if ((n1 === '/' || n1 === '-') && LETTER.test(text[end + 1] ?? '')) return false;
  UNIT_AFTER.lastIndex = end;
  return !UNIT_AFTER.test(text);
}

function scanSentence(text: string, found: Found): void {
  if (!/\d/.test(text)) return;
  // Spans already read as dates, so "tháng 1 năm 2017" inside a full date is not read again.
  const taken: Array<[number, number]> = [];
  const free = (m: RegExpExecArray) => !taken.some(([a, b]) => m.index < b && m.index + m[0].length > a);
  // A written date also writes its year; an inferred year (below) is not "written".
  const keep = (m: RegExpExecArray, iso: string | null) => {
    if (!iso) return;
    found.dates.add(iso);
    found.years.add(Number(iso.slice(0, 4)));
    taken.push([m.index, m.index + m[0].length]);
  };
  const hasMonthWord = text.includes('tháng');
  if (hasMonthWord) {
    for (const m of text.matchAll(WORDY_DATE)) keep(m, isoDate(Number(m[1]), Number(m[2]), Number(m[3])));
  }
  for (const m of text.matchAll(FULL_DATE)) {
    const p1 = text[m.index - 1] ?? ' ';
    const inCode = /[\d/.,]/u.test(p1) || /(?:^|[^\p{L}])số\s$/u.test(text.slice(Math.max(0, m.index - 4), m.index));
    if (!inCode && free(m)) keep(m, isoDate(Number(m[1]), Number(m[3]), Number(m[4])));
  }
  if (hasMonthWord) {
    for (const m of text.matchAll(MONTH_YEAR)) if (free(m)) keep(m, isoMonth(Number(m[1]), Number(m[2])));
  }
  const yearless = (day: number, month: number) => {
    const year = inferYear(text, month) ?? found.yearFor(day, month, latestYearIn(text));
    const iso = year === null ? yearlessDate(day, month) : isoDate(day, month, year);
    if (iso) found.dates.add(iso);
  };
  if (/ngày\s+\d{1,2}\s*(?:đến|tới|-|–)/u.test(text)) {
    for (const m of text.matchAll(YEARLESS_RANGE)) {
      if (!free(m)) continue;
      taken.push([m.index, m.index + m[0].length]);
      yearless(Number(m[1]), Number(m[3]));
      yearless(Number(m[2]), Number(m[3]));
    }
  }
  for (const re of [YEARLESS, YEARLESS_WORDY]) {
    if (re === YEARLESS ? !/[/.(]/u.test(text) : !hasMonthWord) continue;
    for (const m of text.matchAll(re)) {
      if (!free(m)) continue;
      yearless(Number(m[1] ?? m[3]), Number(m[2] ?? m[4]));
    }
  }
  if (text.includes('quý')) {
    for (const m of text.matchAll(QUARTER)) if (plausibleYear(Number(m[1]))) found.years.add(Number(m[1]));
  }
  for (const m of text.matchAll(NUMBER_RUN)) {
    if (m[0].length !== 4) continue;
    const y = Number(m[0]);
    if (plausibleYear(y) && isBareYear(text, m.index, m.index + 4)) found.years.add(y);
  }
}

/** "--08-24" for 24/8 with no year anywhere that makes one certain (as the gold conventions write it). */
function yearlessDate(day: number, month: number): string | null {
  // 2024 is a leap year: any day that exists in some year passes.
  return isoDate(day, month, 2024) === null ? null : `--${pad2(month)}-${pad2(day)}`;
}

/** The latest bare year written in a sentence, or null. */
function latestYearIn(text: string): number | null {
  let latest: number | null = null;
  for (const m of text.matchAll(NUMBER_RUN)) {
    if (m[0].length !== 4) continue;
    const y = Number(m[0]);
    if (plausibleYear(y) && isBareYear(text, m.index, m.index + 4) && (latest === null || y > latest)) latest = y;
  }
  return latest;
}

/**
 * Dates and years of the article. A day/month without a year takes the year the text makes
 * certain: the page's publication date from the crawl marker (the year before when the day/month
 * comes after it), else a year written in the same sentence, else one in the headline; with none,
 * it stays "--MM-DD". The publication date itself is a date of the report.
 */
export function extractDates(ctx: ExtractContext, published: string | null = null): { dates: string[]; years: number[] } {
  const title = ctx.blocks.find((b) => b.kind === 'headline');
  const headline = title ? ctx.sentences.find((s) => s.line === title.line && s.blockOffset === title.offset) : undefined;
  const headlineYear = headline ? latestYearIn(normalizeQuick(headline.text).toLowerCase()) : null;
  const [py, pm] = (published ?? '').split('-').map(Number);
  const used = new Set<number>();
  const yearFor = (_day: number, month: number, sentenceYear: number | null): number | null => {
    // A day/month a few months after publication is an upcoming date; further on, last year's.
    const year = py ? (pm && month > pm + 3 ? py - 1 : py) : (sentenceYear ?? headlineYear);
    if (year !== null) used.add(year);
    return year;
  };
  const found: Found = { dates: new Set(), years: new Set(), yearFor };
  if (published && py && plausibleYear(py)) {
    found.dates.add(published);
    found.years.add(py);
  }
  for (const s of ctx.sentences) scanSentence(normalizeQuick(s.text).toLowerCase(), found);
  // Every other day/month of the article took one year: the ones left without are in it too.
  const only = used.size === 1 ? [...used][0] : undefined;
  if (only !== undefined) {
    for (const d of [...found.dates].filter((x) => x.startsWith('--'))) {
      const iso = isoDate(Number(d.slice(6)), Number(d.slice(2, 4)), only);
      found.dates.delete(d);
      if (iso) found.dates.add(iso);
    }
  }
  return {
    dates: [...found.dates].sort(),
    years: [...found.years].sort((a, b) => a - b),
  };
}

/** "giai đoạn 2021 - 2025", "(năm 2023 - 2024)", "từ năm 2019 đến nay", "từ tháng 11/2019 đến năm 2021". */
const PERIOD =
  /(?<![\p{L}\p{N}])(?:giai\s+đoạn|nhiệm\s+kỳ|từ(?:\s+tháng\s+\d{1,2}\s*[/-])?(?:\s+năm)?|năm)\s*(\d{4})\s*(?:[-–—]|đến(?:\s+tháng\s+\d{1,2}\s*[/-])?(?:\s+năm)?)\s*(\d{4}|nay|hiện\s+nay)(?!\d)/u;
const COMPARED_YEAR = /so\s+với(?:\s+cùng\s+kỳ)?\s+(?:năm\s+)?$/u;

/** When the event a sentence tells of happened: its own date, year or period, else the publication date's year. */
export function dateOfSentence(sentence: string, published: string | null): EventDate {
  const text = normalizeQuick(sentence).toLowerCase();
  const py = published ? Number(published.slice(0, 4)) : NaN;
  // A day and month take the publication year, else a year of the sentence ("Ngày 13/12 … năm 2024").
  const found: Found = { dates: new Set(), years: new Set(), yearFor: (_d, _m, sentenceYear) => (plausibleYear(py) ? py : sentenceYear) };
  scanSentence(text, found);
  const dated = [...found.dates].filter((d) => !d.startsWith('--')).sort()[0];
  if (dated) return { value: dated, year: Number(dated.slice(0, 4)), period: null, from: 'sentence' };
  const period = PERIOD.exec(text);
  if (period) {
    const from = Number(period[1]);
    const to = /^\d{4}$/.test(period[2] ?? '') ? Number(period[2]) : null;
    if (plausibleYear(from) && (to === null || (plausibleYear(to) && to >= from))) {
      return { value: null, year: null, period: [from, to], from: 'sentence' };
    }
  }
  for (const m of text.matchAll(NUMBER_RUN)) {
    if (m[0].length !== 4) continue;
    const y = Number(m[0]);
    if (plausibleYear(y) && isBareYear(text, m.index, m.index + 4) && !COMPARED_YEAR.test(text.slice(Math.max(0, m.index - 24), m.index))) {
      return { value: String(y), year: y, period: null, from: 'sentence' };
    }
  }
  if (plausibleYear(py)) return { value: String(py), year: py, period: null, from: 'published' };
  return { value: null, year: null, period: null, from: 'none' };
}
