import { describe, expect, it } from 'vitest';
import { parseDigits, parseVietnameseNumber } from './numbers.ts';

describe('parseVietnameseNumber', () => {
  it.each<[string, number | null]>([
    // Vietnamese digit syntax
    ['2.035', 2035],
    ['5,64', 5.64],
    ['3.009.681', 3009681],
    ['10.206,452', 10206.452],
    ['04', 4],
    ['0', 0],
    ['123,74', 123.74],
    ['272,303', 272.303],
    ['1.000', 1000],
    // scale words multiply in sequence
    ['13 nghìn tỷ', 13e12],
    ['106,4 nghìn tỷ', 1.064e14],
    ['10.206,452 tỷ', 10206452000000],
    ['1,3 triệu', 1300000],
    ['5,64 tỷ', 5640000000],
    ['8.636 triệu', 8636000000],
    ['2 ngàn', 2000],
    ['1,5 tỉ', 1500000000],
    ['3 trăm', 300],
    // English forms typed by mistake (documented rule)
    ['1.5', 1.5],
    ['1.5 triệu', 1500000],
    ['12.75', 12.75],
    ['1,234,567', 1234567],
    ['1,234.5', 1234.5],
    // word numbers
    ['một', 1],
    ['ba', 3],
    ['Mười', 10],
    ['mười hai', 12],
    ['hai mươi', 20],
    ['hai mươi lăm', 25],
    ['ba mươi mốt', 31],
    ['một trăm', 100],
    ['một trăm linh năm', 105],
    ['ba trăm năm mươi', 350],
    ['hai triệu', 2000000],
    ['một chục', 10],
    // vague or not numbers
    ['hàng chục', null],
    ['hàng tỷ', null],
    ['vài trăm', null],
    ['nhiều', null],
    ['chục', null],
    ['mươi', null],
    ['', null],
    ['abc', null],
    ['1.23.4', null],
    ['12 người', null],
  ])('%s → %s', (input, expected) => {
    const got = parseVietnameseNumber(input);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 6);
  });

  it('keeps large scaled values exact', () => {
    expect(parseVietnameseNumber('228.216 tỷ')).toBe(228216000000000);
    expect(parseVietnameseNumber('106,4 nghìn tỷ')).toBe(106400000000000);
    expect(parseVietnameseNumber('790,84 triệu')).toBe(790840000);
  });

  it('reads old-style tone marks and upper case', () => {
    expect(parseVietnameseNumber('2 TỶ')).toBe(2e9);
  });
});

describe('parseDigits', () => {
  it('keeps digits and decimals apart', () => {
    expect(parseDigits('10.206,452')).toEqual({ digits: 10206452, decimals: 3 });
    expect(parseDigits('x')).toBeNull();
  });
});
