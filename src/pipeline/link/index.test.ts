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

describe('titles and slugs', () => {
  it('a title without words is replaced by a generated one, so no slug comes from a timestamp', async () => {
    const { buildContent } = await import('../index.ts');
    const bytes = new TextEncoder().encode(
      'Ngày 12/5, Đoàn đại biểu tỉnh Savannakhet (Lào) đã đến thăm và làm việc tại tỉnh Quảng Trị, hai bên trao đổi về kết quả hợp tác năm 2023.\n',
    );
    const { atlas } = buildContent([{ file: 'a.txt', bytes }]);
    const report = atlas.reports[0];
    expect(report?.frontmatter.title).toBe('Công tác đối ngoại Quảng Trị đến năm 2023');
    expect(report?.slug).toBe('cong-tac-doi-ngoai-quang-tri-den-nam-2023');
  });
});
