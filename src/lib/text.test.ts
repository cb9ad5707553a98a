import { describe, expect, it } from 'vitest';
import { alternation, isVietnameseSyllable } from './text.ts';

describe('isVietnameseSyllable', () => {
  it('tells Vietnamese syllables from foreign words', () => {
    for (const w of ['Nguyễn', 'Thúy', 'Quân', 'Khuyến', 'Giang', 'Hoàng', 'Ngọc']) expect(isVietnameseSyllable(w)).toBe(true);
    for (const w of ['Suzuki', 'Koutarou', 'Park', 'Lee', 'Fukuda', 'Griffith', 'Donald', 'Latinh']) expect(isVietnameseSyllable(w)).toBe(false);
    // Case is ignored: the test is about spelling.
    expect(isVietnameseSyllable('THO')).toBe(true);
  });
});

describe('alternation', () => {
  it('puts longer phrases first, folds tone placement, drops duplicates and lets spaces match any whitespace', () => {
    const re = new RegExp(`^(?:${alternation(['Hòa', 'Hoà Bình', 'Hòa Bình'])})$`, 'u');
    expect(alternation(['Hòa', 'Hoà Bình', 'Hòa Bình'])).toBe('Hòa[\\s\\u00a0]+Bình|Hòa');
    expect(re.test('Hòa\u00a0Bình')).toBe(true);
    expect(re.test('Hòa  Bình')).toBe(true);
  });

  it('escapes RegExp syntax in phrases', () => {
    expect(new RegExp(`^(?:${alternation(['TP.', 'a+b'])})$`).test('TPx')).toBe(false);
    expect(new RegExp(`^(?:${alternation(['TP.', 'a+b'])})$`).test('a+b')).toBe(true);
  });

  it('with capitalFirst, a lower-case phrase also matches with a capital first letter', () => {
    const re = new RegExp(`^(?:${alternation(['tỉnh', 'TP.'], { capitalFirst: true })})$`, 'u');
    expect(['tỉnh', 'Tỉnh', 'TP.'].map((w) => re.test(w))).toEqual([true, true, true]);
    expect(re.test('tP.')).toBe(false);
  });
});
