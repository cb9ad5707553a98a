import { describe, expect, it } from 'vitest';
import { goldBlocks, goldFiles, loadGold } from '../../../tests/support/gold.ts';
import type { Block } from '../../schemas/ingest.ts';
import { makeContext } from './context.ts';
import { extractDates, inferYear, isoDate, isoMonth, normalizeQuick } from './dates.ts';

function datesOf(...lines: string[]) {
  const blocks: Block[] = lines.map((text, i) => ({ line: i + 1, text, offset: 0, kind: 'body' }));
  return extractDates(makeContext('test.txt', blocks));
}

describe('extractDates: day/month without a year', () => {
  const at = (published: string | null, ...lines: string[]) =>
    extractDates(makeContext('t.txt', lines.map((text, i): Block => ({ line: i + 1, text, offset: 0, kind: 'body' }))), published).dates;

  it('takes the publication year, the year before for a day/month well after publication', () => {
    expect(at('2025-12-04', 'Ngày 3/12, tỉnh ký bản ghi nhớ.')).toEqual(['2025-12-03', '2025-12-04']);
    expect(at('2025-08-14', 'Chúc mừng Quốc khánh Hàn Quốc (15-8).')).toEqual(['2025-08-14', '2025-08-15']);
    expect(at('2024-01-10', 'Sáng 25/12, đoàn về nước.')).toEqual(['2023-12-25', '2024-01-10']);
    expect(at('2025-04', 'Ngày 2/4, đoàn đến thăm.')).toEqual(['2025-04', '2025-04-02']);
  });

  it('else a year of its own sentence; the others of the article follow it', () => {
    expect(at(null, 'Chiều 7/11, hai tỉnh sơ kết 6 tháng đầu năm 2025.', 'Nhân dịp Quốc khánh (9/11), tỉnh gửi lời chúc.')).toEqual([
      '2025-11-07',
      '2025-11-09',
    ]);
  });

  it('else stays --MM-DD, a range taking the month written after its second day', () => {
    expect(at(null, 'Đoàn thăm làm việc từ ngày 24 đến 27.8. Ngày 25.8, đoàn thăm khu công nghiệp.')).toEqual(['--08-24', '--08-25', '--08-27']);
  });
});

describe('extractDates on the gold seeds', () => {
  it.each(goldFiles())('%s: dates and years as in the gold', (file) => {
    const gold = loadGold(file);
    const got = extractDates(makeContext(gold.file, goldBlocks(gold)));
    // 003's "Sáng 22/1" is completed to 2021 by the review-of-2020 rule, as the gold does.
    expect(got.dates).toEqual(gold.dates);
    expect(got.years).toEqual(gold.years);
  });
});

describe('extractDates: invented sentences', () => {
  it.each<[string, string[], number[]]>([
    ['Ngày 6/1/2017, Ban Thường vụ Tỉnh ủy ban hành Nghị quyết số 12-NQ/TU.', ['2017-01-06'], [2017]],
    ['Chương trình số 274/CTr-UBND ngày 10/7/2014 của UBND tỉnh.', ['2014-07-10'], [2014]],
    ['Vào tháng 07/2018, đoàn công tác đến làm việc; trong tháng 6/2020, tỉnh tiếp Hiệp hội.', ['2018-07', '2020-06'], [2018, 2020]],
    ['Tính đến ngày 25 tháng 11 năm 2021, toàn tỉnh thu hút 50 dự án.', ['2021-11-25'], [2021]],
    ['Lễ ký kết diễn ra tháng 3 năm 2023 tại Viêng Chăn.', ['2023-03'], [2023]],
    ['Ngày 05-09-2022, Quảng Trị đón đoàn tỉnh Savannakhet.', ['2022-09-05'], [2022]],
    ['Ngày 02.12.2019, hai bên ký biên bản ghi nhớ.', ['2019-12-02'], [2019]],
    ['Ngày 23/11/2021 và ngày 23/11/2021, hai tỉnh ký kết.', ['2021-11-23'], [2021]],
    // invalid dates are rejected, their year is not a written year either
    ['Số liệu 32/13/2020 là lỗi đánh máy; ngày 30/2/2021 không tồn tại.', [], []],
    // years alone and as range ends; not quantities, codes or grouped numbers
    ['Giai đoạn 2016 – 2020 và nhiệm kỳ 2020-2025, năm 2019 có nhiều dấu ấn.', [], [2016, 2019, 2020, 2025]],
    ['Nhiệm kỳ Đại hội lần thứ X (2015-2020) đã khép lại.', [], [2015, 2020]],
    ['Tỉnh đón 2020 lượt khách và 2.035 dự án; Quyết định số 1990/QĐ-UBND, Nghị định 15/2018/NĐ-CP.', [], []],
    ['Quý I/2023 và quý 4-2022, kim ngạch tăng.', [], [2022, 2023]],
    ['Dịch Covid-19 bùng phát; hội nghị G20 năm 1944 và năm 2101 ngoài phạm vi.', [], []],
    // a day/month alone has no certain year: left out
    ['Sáng 12/4, Khối thi đua tổ chức hội nghị.', ['--04-12'], []],
    ['Chiều 3/2, đoàn đến thăm; dịp 30/4 và 1/5 có nhiều hoạt động.', ['--02-03'], []],
    // ... unless the sentence announces the review of the previous year
    ['Sáng 22/1, UBND tỉnh tổ chức hội nghị tổng kết công tác đối ngoại năm 2020.', ['2021-01-22'], [2020]],
    ['Chiều 15/7, Sở Ngoại vụ sơ kết 6 tháng đầu năm 2022.', ['2022-07-15'], [2022]],
    ['Ngày 20 tháng 1, tỉnh tổng kết công tác năm 2023.', ['2024-01-20'], [2023]],
  ])('%s', (text, dates, years) => {
    expect(datesOf(text)).toEqual({ dates, years });
  });

  it('sorts and de-duplicates over the whole article', () => {
    expect(datesOf('Ngày 19/10/2020 tỉnh trao giấy phép.', 'Tháng 6/2020, tỉnh đón đoàn. Ngày 19/10/2020 lặp lại.')).toEqual({
      dates: ['2020-06', '2020-10-19'],
      years: [2020],
    });
  });
});

describe('date helpers', () => {
  it('validates calendar dates', () => {
    expect(isoDate(29, 2, 2020)).toBe('2020-02-29');
    expect(isoDate(29, 2, 2021)).toBeNull();
    expect(isoDate(31, 4, 2021)).toBeNull();
    expect(isoDate(1, 1, 1900)).toBeNull();
    expect(isoMonth(13, 2020)).toBeNull();
    expect(isoMonth(7, 2018)).toBe('2018-07');
  });

  it('infers a year only from a review sentence and a fitting month', () => {
    expect(inferYear('hội nghị tổng kết công tác đối ngoại năm 2020', 1)).toBe(2021);
    expect(inferYear('hội nghị tổng kết công tác đối ngoại năm 2020', 10)).toBeNull();
    expect(inferYear('tỉnh tổ chức hội nghị', 1)).toBeNull();
  });

  it('normalises old-style tone marks only where they can occur', () => {
    expect(normalizeQuick('Hoà Bình')).toBe('Hòa Bình');
    expect(normalizeQuick('hoạt động')).toBe('hoạt động');
  });
});
