import { describe, expect, it } from 'vitest';
import { generatedTitle } from './index.ts';

describe('generatedTitle', () => {
  it.each([
    ['Hòa Bình', 2020, 'Công tác đối ngoại Hòa Bình đến năm 2020'],
    ['Vĩnh Phúc', null, 'Công tác đối ngoại Vĩnh Phúc'],
    [null, 2021, 'Công tác đối ngoại (chưa xác định tỉnh) đến năm 2021'],
  ])('%s, %s', (province, year, expected) => {
    expect(generatedTitle(province, year)).toBe(expected);
  });
});
