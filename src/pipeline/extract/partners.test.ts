import { describe, expect, it } from 'vitest';
import { goldBlocks, goldFiles, loadGold } from '../../../tests/support/gold.ts';
import { Partner } from '../../schemas/extraction.ts';
import { provinceRef } from '../../knowledge/provinces.ts';
import { makeContext } from './context.ts';
import { extractPartners, findPartnerMentions } from './partners.ts';
import { provinceByName } from './province.ts';

/** The gold's subject province, as the extractor would pass it on. */
const subjectOf = (gold: { province: string }) => provinceRef(provinceByName(gold.province) ?? '');

const key = (name: string, country: string) => `${name}|${country}`;

describe('partners against the gold', () => {
  it('scores F1 ≥ 0.95 on name + country (doubtful gold items optional)', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const file of goldFiles()) {
      const gold = loadGold(file);
      const got = extractPartners(makeContext(gold.file, goldBlocks(gold)), subjectOf(gold));
      for (const p of got) expect(() => Partner.parse(p)).not.toThrow();
      // Partner claims only: the gold's partner, visitor and aid against the extractor's partner.
      const claims = gold.partners.filter((p) => p.relation !== 'mentioned' && p.relation !== 'other');
      const required = new Set(claims.filter((p) => !p.doubt).map((p) => key(p.canonical, p.country)));
      const optional = new Set(claims.filter((p) => p.doubt).map((p) => key(p.canonical, p.country)));
      const found = new Set(got.filter((p) => p.relation === 'partner').map((p) => key(p.name, p.country)));
      for (const k of found) {
        if (required.has(k)) tp++;
        else if (!optional.has(k)) fp++;
      }
      for (const k of required) if (!found.has(k)) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    expect(fp).toBe(0);
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the first sentence and the surface forms', () => {
    const gold = loadGold('004_d74ba5b1afca85aa.json');
    const got = extractPartners(makeContext(gold.file, goldBlocks(gold)), subjectOf(gold));
    const oudomxay = got.find((p) => p.slug === 'la-oudomxay');
    expect(oudomxay?.asWritten).toEqual(['Audomxay']);
    expect(oudomxay?.sentences[0]?.line).toBe(6);
    const tochigi = got.find((p) => p.slug === 'jp-tochigi');
    expect(tochigi?.sentences.map((s) => s.line)).toEqual([5, 18, 21]);
    const gold2 = loadGold('002_f5dcdb45ae549341.json');
    const lp = extractPartners(makeContext('002', goldBlocks(gold2)), subjectOf(gold2)).find(
      (p) => p.slug === 'la-luang-prabang',
    );
    expect(lp?.nameVi).toBe('Luông Phabang');
    expect(lp?.asWritten).toEqual(['Luông Phabang']);
  });

  it('finds nothing in a report that names only generic Lao localities (003)', () => {
    const gold = loadGold('003_8466d6ebfbad8cfd.json');
    expect(extractPartners(makeContext(gold.file, goldBlocks(gold)), subjectOf(gold))).toEqual([]);
  });
});

/** sentence, expected "name|country" list in order */
const SENTENCES: Array<[string, string[]]> = [
  [
    'Quảng Trị duy trì quan hệ hữu nghị đặc biệt với tỉnh Savannakhet và tỉnh Salavan (Lào).',
    ['Savannakhet|LA', 'Salavan|LA'],
  ],
  ['Nghệ An đã ký biên bản ghi nhớ hợp tác với tỉnh Xiêng Khoảng, nước CHDCND Lào.', ['Xiangkhouang|LA']],
  [
    'Quảng Ninh tăng cường hợp tác với Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc) trong lĩnh vực thương mại biên giới.',
    ['Guangxi|CN'],
  ],
  ['Đoàn đại biểu thành phố Daegu (Hàn Quốc) đã đến thăm và làm việc tại Đà Nẵng.', ['Daegu|KR']],
  ['Thừa Thiên Huế và tỉnh Nara (Nhật Bản) ký kết thỏa thuận hợp tác văn hóa.', ['Nara|JP']],
  ['Lào Cai hợp tác chặt chẽ với tỉnh Vân Nam, Trung Quốc trong quản lý biên giới.', ['Yunnan|CN']],
  ['UBND tỉnh Hà Giang tiếp đoàn công tác châu Văn Sơn (Vân Nam) sang thăm.', ['Wenshan|CN', 'Yunnan|CN']],
  ['Tỉnh đã hỗ trợ 2 tỷ đồng cho tỉnh Chăm-pa-sắc của Lào khắc phục hậu quả lũ lụt.', ['Champasak|LA']],
  ['An Giang và tỉnh Tà Keo (Campuchia) thống nhất nâng cấp cửa khẩu.', ['Takeo|KH']],
  ['Lãnh đạo tỉnh tiếp Thống đốc tỉnh Gyeonggi, Hàn Quốc.', ['Gyeonggi-do|KR']],
  ['Thủ đô Viêng Chăn và Hà Nội ký kết thỏa thuận hợp tác giai đoạn mới.', ['Vientiane Capital|LA']],
  ['Đoàn công tác đã làm việc với chính quyền vùng Normandie (Pháp).', ['Normandie|FR']],
  ['Bình Định ký kết hợp tác với bang Victoria - Úc.', ['Victoria|AU']],
  ['Nghệ An và Luang Prabang có nhiều hoạt động giao lưu văn hóa.', ['Luang Prabang|LA']],
  ['Đoàn tỉnh Savannakhet sang thăm và chúc Tết.', ['Savannakhet|LA']],
  ['Tỉnh Quảng Bình hỗ trợ tỉnh Khăm Muộn xây dựng trường học.', ['Khammouane|LA']],
  ['Quảng Nam ký kết với tỉnh Sê Kông và tỉnh Chăm-pa-sắc.', ['Sekong|LA', 'Champasak|LA']],
  ['Hải Phòng kết nghĩa với thành phố Busan và thành phố Incheon (Hàn Quốc).', ['Busan|KR', 'Incheon|KR']],
  ['Đoàn tỉnh Gyeongsangbuk-do, Hàn Quốc thăm tỉnh.', ['Gyeongsangbuk-do|KR']],
  // Not in the gazetteer, but the country is written: kept, with the name as written.
  ['Tỉnh đã ký thỏa thuận với tỉnh Al Bayda (Yemen).', ['Al Bayda|YE']],
  ['Tỉnh đã ký thỏa thuận với tỉnh Pinar del Río (Cuba).', ['Pinar del Río|CU']],
  ['Đoàn đã thăm tỉnh Bago - Myanmar.', ['Bago|MM']],
  // Vietnamese places and generic phrases are never partners.
  ['Sáng 22/1, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết công tác đối ngoại.', []],
  ['Tỉnh phối hợp với các tỉnh Lào và các địa phương của Lào làm tốt công tác biên giới.', []],
  ['Duy trì quan hệ với một số tỉnh của nước Lào.', []],
  ['Hội nghị kết nối kiều bào tại TP. HCM và thành phố Hồ Chí Minh.', []],
  ['Hàng hóa được xuất khẩu sang thị trường châu Âu và khu vực Đông Nam Á.', []],
  ['Ứng dụng công nghệ tưới tiết kiệm nước tại huyện Chợ Gạo.', []],
  ['Thống đốc Koutarou Nagasaki dẫn đầu đoàn công tác.', []],
  ['Tỉnh hợp tác với Trường Đại học Griffith - Úc.', []],
  ['Ông Nguyễn Thanh Hải, Giám đốc Sở Ngoại vụ, phát biểu.', []],
  // A Vietnamese district that shares a Hán-Việt name with a Chinese city (Đông Hưng, Thái Bình).
  ['Đoàn khảo sát mô hình trồng lúa tại huyện Đông Hưng.', []],
  ['Thành phố Móng Cái và thành phố Đông Hưng (Trung Quốc) ký kết hợp tác.', ['Dongxing|CN']],
  // Japanese designated cities.
  ['Với Nhật Bản, Đà Nẵng và thành phố Sakai ký kết bản ghi nhớ; hợp tác kỹ thuật với thành phố Yokohama.', ['Sakai|JP', 'Yokohama|JP']],
];

describe('findPartnerMentions on invented sentences from other provinces', () => {
  it.each(SENTENCES)('%s', (sentence, expected) => {
    const got = findPartnerMentions(sentence).map((m) => `${m.name}|${m.country}`);
    expect(got).toEqual(expected);
  });

  it('excludes the classifier from asWritten and marks unknown localities', () => {
    // Yemen's provinces are not in the gazetteer.
    const [m] = findPartnerMentions('Tỉnh đã ký thỏa thuận với tỉnh Al Bayda (Yemen).');
    expect(m?.asWritten).toBe('Al Bayda');
    expect(m?.locality).toBeNull();
    expect(m?.slug).toBe('ye-al-bayda');
    expect(m?.kind).toBe('province');
  });

  it('reads the old "huyện" for a Japanese prefecture as the prefecture', () => {
    const [m] = findPartnerMentions('Đoàn công tác huyện Hokkaido (Nhật Bản) thăm tỉnh.');
    expect(m?.name).toBe('Hokkaido');
    expect(m?.kind).toBe('prefecture');
  });

  it('gives the town, not the province, for "thành phố" + a province name', () => {
    const [m] = findPartnerMentions('Hội An kết nghĩa với thành phố Luang Prabang (Lào).');
    expect(m?.kind).toBe('city');
    expect(m?.country).toBe('LA');
    expect(m?.locality).toBeNull();
  });
});

describe('extractPartners merges mentions', () => {
  it('one entry per locality with every surface form and sentence in order', () => {
    const blocks = [
      { line: 3, text: 'Hòa Bình hợp tác với tỉnh Luông Phabang (Lào).', offset: 0, kind: 'body' as const },
      { line: 5, text: 'Đoàn tỉnh Luang Prabang sang thăm. Tỉnh Hủa Phăn cũng cử đoàn.', offset: 100, kind: 'body' as const },
      { line: 7, text: 'Danh sách tin - tỉnh Savannakhet', offset: 200, kind: 'noise' as const },
    ];
    const got = extractPartners(makeContext('x', blocks), provinceRef('hoa-binh'));
    expect(got.map((p) => p.slug)).toEqual(['la-luang-prabang', 'la-houaphanh']);
    const lp = got[0];
    expect(lp?.asWritten).toEqual(['Luông Phabang', 'Luang Prabang']);
    expect(lp?.sentences).toEqual([
      { sentence: 'Hòa Bình hợp tác với tỉnh Luông Phabang (Lào).', line: 3 },
      { sentence: 'Đoàn tỉnh Luang Prabang sang thăm.', line: 5 },
    ]);
    expect(lp?.inGazetteer).toBe(true);
  });
});
