/**
 * Vietnamese number syntax: "." groups thousands, "," is the decimal mark, scale words
 * (nghìn, triệu, tỷ) multiply in sequence, and simple numbers may be written as words.
 *
 * Ambiguity rule for the dot: a dot groups thousands only when the first group has 1–3 digits and
 * every group after a dot has exactly 3 digits ("2.035", "3.009.681"). A single dot that fails that
 * test is read as a decimal point typed English-style ("1.5 triệu" = 1 500 000). "1,234" is a
 * Vietnamese decimal (1.234); several commas, or commas before a final dot, are English grouping
 * ("1,234,567", "1,234.5").
 */

import { normalizeVietnamese } from '../../lib/text.ts';

/** A decimal kept as integer digits and a count of decimals, so scaling stays exact. */
interface Decimal {
  digits: number;
  decimals: number;
}

const PLAIN = /^\d+$/;
const VI_GROUPED = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const VI_DECIMAL = /^\d+,\d+$/;
const EN_DOT_DECIMAL = /^\d+\.\d+$/;
const EN_GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function decimalOf(intPart: string, fracPart: string): Decimal | null {
  const digits = Number(intPart + fracPart);
  return Number.isSafeInteger(digits) ? { digits, decimals: fracPart.length } : null;
}

/** Parses a number written with digits only ("2.035", "5,64", "04"), or null. */
export function parseDigits(s: string): Decimal | null {
  if (PLAIN.test(s)) return decimalOf(s, '');
  if (VI_GROUPED.test(s)) {
    const [int = '', frac = ''] = s.split(',');
    return decimalOf(int.replace(/\./g, ''), frac);
  }
  if (VI_DECIMAL.test(s)) {
    const [int = '', frac = ''] = s.split(',');
    return decimalOf(int, frac);
  }
  // One dot that is not a valid thousands group: an English decimal point.
  if (EN_DOT_DECIMAL.test(s)) {
    const [int = '', frac = ''] = s.split('.');
    return decimalOf(int, frac);
  }
  // Several commas (or commas then a dot) cannot be Vietnamese: English grouping.
  if (EN_GROUPED.test(s) && (s.split(',').length > 2 || s.includes('.'))) {
    const [int = '', frac = ''] = s.split('.');
    return decimalOf(int.replace(/,/g, ''), frac);
  }
  return null;
}

/** Powers of ten of the scale words. "trăm" and "chục" also work after digits ("3 chục"). */
const SCALES: ReadonlyMap<string, number> = new Map([
  ['chục', 1],
  ['trăm', 2],
  ['nghìn', 3],
  ['ngàn', 3],
  ['triệu', 6],
  ['tỷ', 9],
  ['tỉ', 9],
]);

/** Word digits. "mốt", "tư", "lăm", "nhăm" are the forms used after "mươi". */
const UNITS: ReadonlyMap<string, number> = new Map([
  ['không', 0],
  ['một', 1],
  ['mốt', 1],
  ['hai', 2],
  ['ba', 3],
  ['bốn', 4],
  ['tư', 4],
  ['năm', 5],
  ['lăm', 5],
  ['nhăm', 5],
  ['sáu', 6],
  ['bảy', 7],
  ['bẩy', 7],
  ['tám', 8],
  ['chín', 9],
]);

/** Words that make an amount vague ("hàng trăm", "vài chục"): no value. */
const VAGUE = new Set(['hàng', 'vài', 'mấy', 'nhiều', 'dăm']);

/**
 * Parses a word number below 1000 ("ba", "mười hai", "hai mươi lăm", "một trăm linh năm").
 * Returns the value and how many tokens it used, or null.
 */
function parseWordGroup(tokens: readonly string[]): { value: number; used: number } | null {
  let hundreds = 0;
  let tens = 0;
  let units = 0;
  let used = 0;
  let seen = false;
  for (const t of tokens) {
    const digit = UNITS.get(t);
    if (digit !== undefined) {
      if (units !== 0) break;
      units = digit;
    } else if (t === 'mười') {
      if (tens !== 0 || units !== 0) break;
      tens = 10;
    } else if (t === 'mươi') {
      if (tens !== 0 || units === 0) break;
      tens = units * 10;
      units = 0;
    } else if (t === 'trăm') {
      if (hundreds !== 0 || tens !== 0 || units === 0) break;
      hundreds = units * 100;
      units = 0;
    } else if (t === 'linh' || t === 'lẻ') {
      if (hundreds === 0 || tens !== 0 || units !== 0) break;
    } else {
      break;
    }
    seen = true;
    used += 1;
  }
  return seen ? { value: hundreds + tens + units, used } : null;
}

function scaled(d: Decimal, exponent: number): number {
  const shift = exponent - d.decimals;
  return shift >= 0 ? d.digits * 10 ** shift : d.digits / 10 ** -shift;
}

/**
 * Value of a Vietnamese number phrase: digits or simple words, then scale words multiplied in
 * sequence ("13 nghìn tỷ" = 1.3e13, "106,4 nghìn tỷ" = 1.064e14). Null when it is not a number or
 * only a vague amount ("hàng chục", "vài trăm").
 */
export function parseVietnameseNumber(s: string): number | null {
  const tokens = normalizeVietnamese(s).toLowerCase().trim().split(/[\s\u00a0]+/u).filter(Boolean);
  const first = tokens[0];
  if (first === undefined || tokens.some((t) => VAGUE.has(t))) return null;

  let base: Decimal | null;
  let rest: readonly string[];
  if (/^\d/.test(first)) {
    base = parseDigits(first);
    rest = tokens.slice(1);
  } else {
    const group = parseWordGroup(tokens);
    base = group ? { digits: group.value, decimals: 0 } : null;
    rest = group ? tokens.slice(group.used) : [];
  }
  if (base === null) return null;

  let exponent = 0;
  for (const t of rest) {
    const e = SCALES.get(t);
    if (e === undefined) return null;
    exponent += e;
  }
  return scaled(base, exponent);
}

/** The word numbers a fact may be written with, as a RegExp alternation source. */
export const WORD_NUMBER_WORDS: readonly string[] = [...UNITS.keys(), 'mười', 'mươi', 'trăm', 'linh', 'lẻ'];

/** Scale words, longest first, as a RegExp alternation source. */
export const SCALE_WORDS: readonly string[] = [...SCALES.keys()];
