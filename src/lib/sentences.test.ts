import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.ts';

describe('splitSentences', () => {
  it.each([
    ['Một câu. Hai câu.', ['Một câu.', 'Hai câu.']],
    ['Hợp tác với TP. HCM và Lào. Xong.', ['Hợp tác với TP. HCM và Lào.', 'Xong.']],
    ['Nga... để kêu gọi. Tiếp.', ['Nga... để kêu gọi.', 'Tiếp.']],
    ['- Hai là, các hoạt động. Thời gian qua.', ['Hai là, các hoạt động.', 'Thời gian qua.']],
    ['năm 2018./.', ['năm 2018.']],
    ['Ảnh ngày 19/10/2020. (Nguồn: UBND tỉnh) |', ['Ảnh ngày 19/10/2020.', '(Nguồn: UBND tỉnh)']],
    ['Năm 2019 đạt 80 triệu USD. 3 năm qua, tỉnh thu hút.', ['Năm 2019 đạt 80 triệu USD.', '3 năm qua, tỉnh thu hút.']],
  ])('%s', (text, expected) => {
    expect(splitSentences({ text, line: 1, offset: 0 }).map((s) => s.text)).toEqual(expected);
  });

  it('gives each sentence its start within the block, and the block its offset in the file', () => {
    const [, second] = splitSentences({ text: 'Câu một. Câu hai.', line: 4, offset: 120 });
    expect(second).toEqual({ text: 'Câu hai.', line: 4, start: 9, blockOffset: 120 });
  });
});
