import { describe, expect, it } from 'vitest';
import type { Block } from '../../schemas/ingest.ts';
import { extractMeta } from './meta.ts';

const block = (text: string, kind: Block['kind'] = 'body', line = 1): Block => ({ line, text, offset: 0, kind });

describe('extractMeta', () => {
  it.each([
    ['(HBĐT) - Ngày 6/1/2017, BTV Tỉnh ủy đã ban hành', 'Báo Hòa Bình điện tử'],
    ['(Baohatinh.vn) - Triển khai nhiệm vụ', 'Báo Hà Tĩnh'],
    ['(TTXVN) – Sáng nay', 'Thông tấn xã Việt Nam'],
    ['Năm 2023, tỉnh đã đón', null],
  ])('source of lede %s', (lede, expected) => {
    expect(extractMeta([block('Tiêu đề', 'headline'), block(lede, 'lede', 2)]).source).toBe(expected);
  });

  it('resolves provincial paper sites through the province list', () => {
    const meta = extractMeta([block('(Baoquangninh.vn) - Ngày 5/3', 'lede')]);
    expect(meta.source).toBe('Báo Quảng Ninh');
  });

  it('reads a known outlet without brackets, and the province whose paper it is', () => {
    const meta = extractMeta([block('LCĐT - Trong khuôn khổ Hội nghị thường niên', 'lede')]);
    expect(meta.source).toBe('Báo Lào Cai điện tử');
    expect(meta.outletProvince).toBe('lao-cai');
    expect(extractMeta([block('ASEAN - Việt Nam hợp tác', 'lede')]).source).toBeNull();
  });

  it('reads a closing "Theo ..." line', () => {
    expect(extractMeta([block('Nội dung bài.', 'body'), block('Theo TTXVN', 'body', 2)]).source).toBe('Thông tấn xã Việt Nam');
  });

  it('takes title and byline as printed', () => {
    const meta = extractMeta([block('Tiêu đề bài', 'headline'), block('Bài và ảnh: Minh Thư', 'byline', 9)]);
    expect(meta).toEqual({ title: 'Tiêu đề bài', source: null, author: 'Minh Thư', outletProvince: null });
  });
});
