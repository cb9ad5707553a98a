import { describe, expect, it } from 'vitest';
import { escapeRegExp, WORD_END, WORD_START } from '../../lib/text.ts';
import { capitalisedMatches, endsWithMatch, maxSolidLength, phraseScanner } from './phrase-scan.ts';

const SPACE = '[\\s\\u00a0]+';
const alt = (list: readonly string[]) =>
  [...list]
    .sort((a, b) => b.length - a.length)
    .map((p) => escapeRegExp(p).replace(/ /g, SPACE))
    .join('|');

const TITLES = ['Chủ tịch', 'Phó Chủ tịch', 'Phó Chủ tịch Thường trực', 'Giám đốc', 'Tổng Lãnh sự', 'Đại sứ'];
const MODIFIERS = ['nguyên', 'quyền'];
const titlePattern = new RegExp(`${WORD_START}(?:(?:${alt(MODIFIERS)})${SPACE})?(?:${alt(TITLES)})${WORD_END}`, 'giu');
const titles = phraseScanner(titlePattern, [...MODIFIERS, ...TITLES]);

const ORGS = ['JICA', 'KOICA', 'World Vision', 'Plan International'];
const orgPattern = new RegExp(`${WORD_START}(?:${alt(ORGS)})${WORD_END}`, 'gu');
const orgs = phraseScanner(orgPattern, ORGS);

const CLASSIFIED = new RegExp(`(?:(tỉnh|TP\\.|TP)[\\s\\u00a0]*)?${WORD_START}(?:Hà Giang|Cà Mau|Huế)${WORD_END}`, 'gu');
const provinces = phraseScanner(CLASSIFIED, ['Hà Giang', 'Cà Mau', 'Huế'], ['tỉnh', 'TP.', 'TP']);

const spans = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0], m[1]]);
const plain = (re: RegExp, text: string) => spans([...text.matchAll(re)]);

const SENTENCES = [
  'Phó Chủ tịch Thường trực UBND tỉnh Cà Mau tiếp Tổng Lãnh sự Nhật Bản tại TP. Hồ Chí Minh.',
  'Ông Lê Văn A, nguyên Giám đốc Sở Ngoại vụ, và quyền Chủ tịch UBND huyện dự buổi làm việc.',
  'PHÓ CHỦ TỊCH tỉnh Hà Giang đón Đại sứ Hàn Quốc; phó chủ tịch thường trực cũng có mặt.',
  'Đại diện JICA, KOICA và tổ chức World Vision làm việc với TP.Huế; ôngJICA không phải tổ chức.',
  'Dự án của Plan International tại tỉnh  Hà Giang, TPCà Mau, xTP Cà Mau và Huế.',
  'Giám đốcX và Chủ tịch2 không phải chức danh; Giám đốc-Sở thì có.',
  'Chủ\u00a0tịch tỉnh gặp Đại sứ.',
  '',
];

describe('phraseScanner gives exactly the matches of matchAll', () => {
  it.each(SENTENCES)('%s', (text) => {
    expect(spans(titles(text))).toEqual(plain(titlePattern, text));
    expect(spans(orgs(text))).toEqual(plain(orgPattern, text));
    expect(spans(provinces(text))).toEqual(plain(CLASSIFIED, text));
  });

  it('finds what the patterns are for', () => {
    expect(titles('Phó Chủ tịch Thường trực UBND tỉnh').map((m) => m[0])).toEqual(['Phó Chủ tịch Thường trực']);
    expect(titles('Đoàn do nguyên Đại sứ dẫn đầu').map((m) => m[0])).toEqual(['nguyên Đại sứ']);
    expect(provinces('Lãnh đạo TP. Huế và tỉnh Cà Mau').map((m) => [m[0], m[1]])).toEqual([
      ['TP. Huế', 'TP.'],
      ['tỉnh Cà Mau', 'tỉnh'],
    ]);
  });

  it('falls back to the plain scan for letters with unusual case folding', () => {
    // Under the `iu` flags "ſ" (long s) equals "s", although "ſ".toLowerCase() is still "ſ".
    const re = new RegExp(`${WORD_START}(?:sở ngoại vụ)${WORD_END}`, 'giu');
    const scan = phraseScanner(re, ['sở ngoại vụ']);
    const text = 'Làm việc với ſở ngoại vụ tỉnh.';
    expect(spans(scan(text))).toEqual(plain(re, text));
    expect(scan(text)).toHaveLength(1);
  });

  it('capitalisedMatches equals matchAll for capitalised name runs', () => {
    const word = `\\p{Lu}[\\p{L}\\p{M}'’]*(?:-[\\p{L}\\p{M}]+)*`;
    const runs = new RegExp(`(?=\\p{Lu})${WORD_START}${word}(?:[ \\u00a0]${word})*`, 'gu');
    for (const text of [...SENTENCES, 'Đoàn tỉnh Savannakhet (Lào) và Luang Prabang; xLuang Namtha, Sa-van-na-khẹt, 𝐀lpha Beta.']) {
      expect(spans(capitalisedMatches(runs, text))).toEqual(plain(runs, text));
    }
  });

  it('endsWithMatch equals testing the whole text before a position', () => {
    const heads = ['Đại học', 'Công ty', 'ông'];
    const re = new RegExp(`${WORD_START}(?:${alt(heads)})${SPACE}$`, 'iu');
    const far = ' '.repeat(120);
    const texts = [
      'Đoàn làm việc với Đại học Queensland',
      'Ông Savannakhet',
      'Đại học' + far + 'Queensland',
      'x'.repeat(200) + ' Công ty Golden Resources',
      'Công\u00a0ty   Lào',
      'bông Lào',
    ];
    for (const text of texts) {
      for (let at = 0; at <= text.length; at++) {
        expect(endsWithMatch(re, text, at, maxSolidLength(heads))).toBe(re.test(text.slice(0, at)));
      }
    }
  });

  it('rejects a non-global pattern', () => {
    expect(() => phraseScanner(/x/u, ['x'])).toThrow();
  });
});
