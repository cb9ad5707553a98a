import { describe, expect, it } from 'vitest';
import { goldBlocks, goldFiles, loadGold, type GoldFact } from '../../../tests/support/gold.ts';
import type { Block } from '../../schemas/ingest.ts';
import type { Fact } from '../../schemas/extraction.ts';
import { Fact as FactSchema } from '../../schemas/extraction.ts';
import { makeContext } from './context.ts';
import { extractFacts, factsInSentence } from './facts.ts';

function ctxOf(...lines: string[]) {
  let offset = 0;
  const blocks: Block[] = lines.map((text, i) => {
    const b: Block = { line: i + 1, text, offset, kind: 'body' };
    offset += [...text].length + 1;
    return b;
  });
  return makeContext('test.txt', blocks);
}

/** value/unit/qualifier of every fact in one sentence. */
function brief(sentence: string) {
  return factsInSentence(sentence).map((f) => [f.text, f.value, f.unit, f.qualifier] as const);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 0.005 * Math.abs(b);

interface Score {
  precision: number;
  recall: number;
  pairs: Array<[Fact, GoldFact]>;
  missed: GoldFact[];
  extra: Fact[];
}

/**
 * Each gold fact matches at most one prediction with the same unit and a value within 0.5 %
 * (the nearest by offset). Gold facts with a doubt are optional: missing them costs nothing and
 * matching them is not a false positive.
 */
function score(predicted: readonly Fact[], gold: readonly GoldFact[]): Score {
  const used = new Set<Fact>();
  const pairs: Array<[Fact, GoldFact]> = [];
  const missed: GoldFact[] = [];
  const ordered = [...gold.filter((g) => !g.doubt), ...gold.filter((g) => g.doubt)];
  for (const g of ordered) {
    const options = predicted.filter((p) => !used.has(p) && p.unit === g.unit && close(p.value, g.value));
    options.sort((a, b) => Math.abs(a.offset - g.offset) - Math.abs(b.offset - g.offset));
    const best = options[0];
    if (best) {
      used.add(best);
      pairs.push([best, g]);
    } else if (!g.doubt) missed.push(g);
  }
  const required = gold.filter((g) => !g.doubt).length;
  const requiredHit = pairs.filter(([, g]) => !g.doubt).length;
  return {
    precision: predicted.length === 0 ? 1 : used.size / predicted.length,
    recall: required === 0 ? 1 : requiredHit / required,
    pairs,
    missed,
    extra: predicted.filter((p) => !used.has(p)),
  };
}

describe('extractFacts on the gold seeds', () => {
  const files = goldFiles();
  const results = files.map((f) => {
    const gold = loadGold(f);
    const facts = extractFacts(makeContext(gold.file, goldBlocks(gold)));
    return { file: f, gold, facts, s: score(facts, gold.facts) };
  });

  it('reaches precision ≥ 0.95 and recall ≥ 0.85 on every seed', () => {
    for (const r of results) {
      console.log(
        `${r.file}: precision ${r.s.precision.toFixed(3)} recall ${r.s.recall.toFixed(3)} ` +
          `(${r.facts.length} predicted, ${r.gold.facts.length} gold)` +
          (r.s.missed.length ? ` missed: ${r.s.missed.map((g) => g.text).join('; ')}` : '') +
          (r.s.extra.length ? ` extra: ${r.s.extra.map((p) => p.text).join('; ')}` : ''),
      );
      expect.soft(r.s.precision, r.file).toBeGreaterThanOrEqual(0.95);
      expect.soft(r.s.recall, r.file).toBeGreaterThanOrEqual(0.85);
    }
    const all = results.reduce(
      (acc, r) => ({ tp: acc.tp + r.s.pairs.length, pred: acc.pred + r.facts.length }),
      { tp: 0, pred: 0 },
    );
    console.log(`all seeds: precision ${(all.tp / all.pred).toFixed(3)}`);
  });

  it('gives matched facts the gold text, offset, line, sentence and qualifier', () => {
    for (const r of results) {
      for (const [p, g] of r.s.pairs) {
        expect.soft({ file: r.file, text: p.text, offset: p.offset, line: p.line, qualifier: p.qualifier }).toEqual({
          file: r.file,
          text: g.text,
          offset: g.offset,
          line: g.line,
          qualifier: g.qualifier,
        });
        expect.soft(p.sentence, `${r.file} ${g.text}`).toBe(g.sentence);
        expect.soft(p.approx).toBe(g.qualifier !== null);
      }
    }
  });

  it('produces schema-valid facts with ids f1, f2... in text order and short labels', () => {
    for (const r of results) {
      r.facts.forEach((f, i) => {
        expect(FactSchema.parse(f)).toEqual(f);
        expect(f.id).toBe(`f${i + 1}`);
        expect(f.label.split(/\s+/u).length).toBeLessThanOrEqual(8);
        expect(f.label.length).toBeGreaterThan(0);
        if (i > 0) expect(f.offset).toBeGreaterThan(r.facts[i - 1]?.offset ?? -1);
      });
    }
  });

  it('finds the text of every fact at its offset in the seed', async () => {
    const { seedText } = await import('../../../tests/support/gold.ts');
    for (const r of results) {
      const cps = [...seedText(r.gold.file)];
      for (const f of r.facts) expect(cps.slice(f.offset, f.offset + [...f.text].length).join('')).toBe(f.text);
    }
  });
});

describe('factsInSentence: invented sentences from other provinces', () => {
  it.each<[string, Array<readonly [string, number, string, string | null]>]>([
    ['Năm 2023, tỉnh Quảng Ninh đón 1,2 triệu lượt khách quốc tế.', [['1,2 triệu lượt', 1.2e6, 'turn', null]]],
    [
      'Kim ngạch xuất khẩu đạt 12,5 tỷ USD, tăng 8,3% so với cùng kỳ.',
      [
        ['12,5 tỷ USD', 12.5e9, 'USD', null],
        ['8,3%', 8.3, 'percent', null],
      ],
    ],
    [
      'Bình Dương thu hút 25 dự án FDI với tổng vốn đăng ký 1,15 tỷ USD.',
      [
        ['25 dự án', 25, 'project', null],
        ['1,15 tỷ USD', 1.15e9, 'USD', null],
      ],
    ],
    ['Trong năm, các cơ quan của tỉnh đã ký kết 07 thỏa thuận quốc tế.', [['07 thỏa thuận', 7, 'agreement', null]]],
    ['Toàn tỉnh có hơn 2.300 người lao động đang làm việc tại Nhật Bản.', [['2.300 người', 2300, 'person', 'hơn']]],
    ['Lạng Sơn đã tiếp 45 đoàn vào với 630 lượt khách.', [['45 đoàn', 45, 'delegation', null], ['630 lượt', 630, 'turn', null]]],
    ['Tỉnh Nghệ An có khoảng 120 tổ chức phi chính phủ nước ngoài đang hoạt động.', [['120 tổ chức', 120, 'organization', 'khoảng']]],
    ['Đà Nẵng đã ký 46 biên bản ghi nhớ với các địa phương nước ngoài.', [['46 biên bản ghi nhớ', 46, 'agreement', null]]],
    ['Kiều hối về tỉnh Thanh Hóa ước đạt 450 triệu USD.', [['450 triệu USD', 4.5e8, 'USD', 'ước đạt']]],
    ['Tổng giá trị viện trợ phi chính phủ đạt xấp xỉ 35 tỷ đồng.', [['35 tỷ đồng', 3.5e10, 'VND', 'xấp xỉ']]],
    ['Dự án có tổng vốn 2,5 triệu EUR do Đức tài trợ.', [['2,5 triệu EUR', 2.5e6, 'EUR', null]]],
    ['JICA tài trợ 1,2 tỷ yên Nhật cho dự án cấp nước.', [['1,2 tỷ yên Nhật', 1.2e9, 'JPY', null]]],
    ['Tỉnh đã cấp 1.850 giấy phép lao động cho người nước ngoài.', [['1.850 giấy phép', 1850, 'permit', null]]],
    ['Cửa khẩu Lao Bảo làm thủ tục cho 1.204.560 lượt người/250.300 lượt phương tiện.', [['1.204.560 lượt', 1204560, 'turn', null], ['250.300 lượt', 250300, 'turn', null]]],
    ['Tỷ lệ giải ngân vốn ODA đạt 78,5%.', [['78,5%', 78.5, 'percent', null]]],
    ['Tỉnh đã trao 30 suất học bổng cho học sinh nghèo tỉnh Attapeu.', [['30 suất học bổng', 30, 'count', null]]],
    ['Cần Thơ tổ chức 3 hội nghị xúc tiến đầu tư tại Hàn Quốc.', [['3 hội nghị', 3, 'conference', null]]],
    ['Hiện có 28 quốc gia và vùng lãnh thổ đầu tư vào Bắc Ninh.', [['28 quốc gia', 28, 'country', null]]],
    ['Khánh Hòa đón gần 3,5 triệu lượt khách quốc tế, gấp đôi năm trước.', [['3,5 triệu lượt', 3.5e6, 'turn', 'gần']]],
    // "ba tỉnh Nam Lào" names the parties (a region's members), not a new count.
    ['Tỉnh hỗ trợ ba tỉnh Nam Lào 5 tỷ đồng để khắc phục lũ lụt.', [['5 tỷ đồng', 5e9, 'VND', null]]],
    ['Vốn FDI giải ngân ước khoảng 830 triệu USD, tương đương 19.500 tỷ.', [['830 triệu USD', 8.3e8, 'USD', 'khoảng'], ['19.500 tỷ', 1.95e13, 'VND', null]]],
    ['Số doanh nghiệp FDI chiếm gần 1/3 tổng số doanh nghiệp xuất khẩu.', [['1/3', 1 / 3, 'fraction', 'gần']]],
    ['Đoàn đã trồng 120 ha rừng và xuất khẩu 5.000 tấn vải thiều.', [['120 ha', 120, 'hectare', null], ['5.000 tấn', 5000, 'tonne', null]]],
    ['Có 2 nhà đầu tư Nhật Bản đăng ký mới.', [['2 nhà đầu tư', 2, 'count', null]]],
    ['Hội hữu nghị Việt - Nhật có 1.250 hội viên.', [['1.250 hội viên', 1250, 'member', null]]],
    ['Hơn 30 doanh nghiệp Hàn Quốc tham gia hội nghị ngày 12/5.', [['30 doanh nghiệp', 30, 'enterprise', 'Hơn']]],
    ['Có 2/3 số dự án đã hoàn thành; 100% cán bộ được tập huấn.', [['2/3', 2 / 3, 'fraction', null], ['100%', 100, 'percent', null]]],
    ['Tỉnh xử lý 12 vụ việc liên quan đến công dân; bảo hộ 5 ngư dân.', [['12 vụ việc', 12, 'count', null], ['5 ngư dân', 5, 'person', null]]],
    ['Tỉnh có 1,250 lao động làm việc tại Đài Loan.', [['1,250 lao động', 1250, 'person', null]]],
    ['Tỉnh trồng 12,5 ha rừng hữu nghị.', [['12,5 ha', 12.5, 'hectare', null]]],
    ['Giá trị viện trợ đạt 2.500.000 USD, tăng 1,5 lần so với năm trước.', [['2.500.000 USD', 2500000, 'USD', null]]],
    // Measurements with a unit, glued to the number or not.
    ['Hai tỉnh có chung đường biên giới dài 138,3 km và diện tích 8.043 km2; khu công nghiệp rộng 160ha.', [['138,3 km', 138.3, 'km', null], ['8.043 km2', 8043, 'km2', null], ['160ha', 160, 'hectare', null]]],
    ['Thành phố mở rộng không gian phát triển lên 6.700km², cách sân bay khoảng 300 km.', [['6.700km²', 6700, 'km2', null], ['300 km', 300, 'km', 'khoảng']]],
    // Counts in whatever counter noun the article uses.
    ['Tỉnh có hơn 5.000 di tích và 9 huyện; hai bên mở 6 tuyến xe khách, nâng cấp 12 cặp cửa khẩu.', [['5.000 di tích', 5000, 'count', 'hơn'], ['9 huyện', 9, 'count', null], ['6 tuyến xe', 6, 'count', null], ['12 cặp cửa', 12, 'count', null]]],
    ['Nhà nước Lào trao tặng 11 Huân chương cho cán bộ tỉnh; hai đoàn đã gặp nhau 5 lần.', [['11 Huân chương', 11, 'count', null], ['5 lần', 5, 'count', null]]],
  ])('%s', (sentence, expected) => {
    expect(brief(sentence)).toEqual(expected);
  });

  it.each([
    // years, dates, periods, document numbers, names, ordinals and vague amounts
    'Năm 2022, tỉnh tiếp tục triển khai Nghị quyết số 22-NQ/TW.',
    'Thực hiện Kế hoạch số 1520/KH-UBND ngày 15/3/2022 của UBND tỉnh.',
    'Sau 5 năm thực hiện, trong 10 tháng qua và sáu tháng đầu năm, tỉnh đạt nhiều kết quả.',
    'Giai đoạn 2016 – 2020, nhiệm kỳ 2020 - 2025 có nhiều khó khăn do Covid-19.',
    'Tỉnh tham dự Hội nghị Ngoại vụ lần thứ 20 và Hội nghị G20, ASEAN+3.',
    'Tỉnh đứng thứ 2 cả nước, xếp hạng 5 về chỉ số PCI.',
    'Kiều bào đã ủng hộ hàng tỷ đồng và hàng trăm suất quà.',
    'Dự án mở rộng giai đoạn 3 Khu công nghiệp Thăng Long II đã khởi công.',
    'Sáng 12/4, hai tỉnh ký biên bản ghi nhớ; dịp 30/4 và 1/5 có nhiều đoàn khách.',
    'Lãnh đạo hai tỉnh cam kết tăng cường hợp tác; nhân dân hai nước gắn bó.',
    'Doanh nghiệp, công dân 2 tỉnh qua lại thuận lợi.',
    'Hai là, công tác đối ngoại nhân dân. Ba là, công tác kiều bào.',
    'Phát triển 5 đô thị vệ tinh và ưu tiên số một là chống dịch.',
    'Kỷ niệm 60 năm quan hệ ngoại giao và 45 năm ký Hiệp ước; Đại hội lần thứ III, nhiệm kỳ 2023-2028.',
    'Tỉnh xếp thứ 12/63 tỉnh, thành phố về chỉ số PCI; Điều 3 Quyết định 15/2023/QĐ-UBND.',
    'Tỉnh lọt tốp 10 tỉnh dẫn đầu; 2,5 dự án là lỗi đánh máy.',
    'Ngày 15-16/3/2023, đoàn đại biểu tỉnh thăm tỉnh Champasak.',
    // A bare 1945-2099 is a year even before a counter noun.
    'Giai đoạn 2021 – 2023 thành phố vận động vốn ODA; năm 2024 tỉnh sẽ tập trung thu hút FDI.',
    // Counts that only count the parties: the two sides, a word number, a region's members, the same parties again.
    'Quan hệ hợp tác giữa 2 tỉnh ngày càng phát triển; ba nước Đông Dương gắn bó keo sơn.',
    'Tỉnh tăng cường hợp tác với 4 tỉnh Nam Lào và 2 địa phương của Campuchia.',
    // A number inside a name is no count; an age, a period or a grammar word after it neither.
    'Tỉnh phối hợp với Bộ Tư lệnh Quân khu 9 tìm kiếm hài cốt liệt sĩ; em 12 tuổi được cứu.',
    'Sau 2 bên thống nhất, 3 và 4 là các phương án dự phòng.',
  ])('finds nothing in: %s', (sentence) => {
    expect(brief(sentence)).toEqual([]);
  });

  it('keeps decreases positive and says so in the label', () => {
    const [f] = factsInSentence('Năm 2020, số đoàn ra giảm 49 đoàn so với năm 2019.');
    expect(f?.value).toBe(49);
    expect(f?.label).toMatch(/giảm/u);
    expect(f?.year).toBe(2020);
  });

  it.each<[string, string]>([
    ['Tỉnh thu hút 17 dự án có vốn đầu tư trực tiếp nước ngoài.', 'dự án FDI'],
    ['Kim ngạch xuất khẩu năm 2023 đạt 2,1 tỷ USD.', 'kim ngạch xuất khẩu'],
    ['Với tổng vốn đầu tư đăng ký 300 triệu USD.', 'vốn đầu tư đăng ký'],
    ['Có hơn 8.000 lao động đi làm việc ở nước ngoài theo hợp đồng.', 'lao động đi làm việc ở nước ngoài'],
    ['Tỉnh đã cử 35 đoàn ra, đón 60 đoàn vào.', 'đoàn ra'],
    ['Tỉnh thu hút 15 dự án mới với tổng vốn 250 triệu USD.', 'dự án mới'],
    ['Với tổng vốn 250 triệu USD, dự án khởi công.', 'vốn'],
    ['Tỉnh hỗ trợ tỉnh Hủa Phăn 10 tỷ đồng xây trường.', 'hỗ trợ'],
    ['Tỉnh chi 10 tỷ đồng xây trường.', 'giá trị'],
    ['Đón 1,2 triệu lượt khách quốc tế; doanh thu du lịch 12.000 tỷ đồng.', 'lượt khách quốc tế'],
  ])('labels %s as "%s"', (sentence, label) => {
    expect(factsInSentence(sentence)[0]?.label).toBe(label);
  });

  it.each<[string, Array<number | null>]>([
    ['Năm 2019, kim ngạch đạt 505 triệu USD; đến năm 2021, con số này là 790 triệu USD.', [2019, 2021]],
    ['Trong năm 2021, tỉnh đón 12 đoàn.', [2021]],
    ['Từ năm 2016 đến nay, tỉnh đã đón hơn 800 đoàn.', [null]],
    ['Tỉnh đã hỗ trợ gần 50 thân nhân trong năm 2020 và gần 200 trường hợp từ đầu năm 2021 đến nay.', [2020, null]],
    ['Tính đến ngày 25/11/2021, tỉnh thu hút 50 dự án, tăng 37,6% so với cùng kỳ năm 2020.', [2021, 2021]],
    ['Tỉnh thu hút 50 dự án.', [null]],
  ])('gives the figures of "%s" the years %j', (sentence, years) => {
    expect(factsInSentence(sentence).map((f) => f.year)).toEqual(years);
  });
});

describe('extractFacts', () => {
  it('numbers facts in text order with code-point offsets in the file', () => {
    // Line 1 has 16 code points, so line 2 starts at 17; "𝐀" is one code point but two UTF-16 units.
    const ctx = ctxOf('Tiêu đề đặc biệt', '- Tỉnh 𝐀 đón 12 đoàn. Năm 2020, ký 3 thỏa thuận.');
    const facts = extractFacts(ctx);
    expect(facts.map((f) => [f.id, f.text, f.line, f.offset, f.sentence, f.year])).toEqual([
      ['f1', '12 đoàn', 2, 17 + 13, 'Tỉnh 𝐀 đón 12 đoàn.', null],
      ['f2', '3 thỏa thuận', 2, 17 + 35, 'Năm 2020, ký 3 thỏa thuận.', 2020],
    ]);
  });
});
