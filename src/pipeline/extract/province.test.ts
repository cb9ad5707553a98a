import { describe, expect, it } from 'vitest';
import type { Block } from '../../schemas/ingest.ts';
import { makeContext } from './context.ts';
import { findCountries } from './countries.ts';
import { detectProvince, findProvinces, provinceByName } from './province.ts';
import { goldBlocks, goldFiles, loadGold } from '../../../tests/support/gold.ts';

describe('findProvinces', () => {
  const slugs = (text: string) => findProvinces(text).map((h) => h.slug);

  it.each<[string, string[]]>([
    ['UBND tỉnh Vĩnh Phúc làm việc với Đại sứ Nhật Bản.', ['vinh-phuc']],
    ['Hợp tác giữa tỉnh Tiền Giang và TP. HCM, TP.HCM, TPHCM, Sài Gòn.', ['tien-giang', 'ho-chi-minh', 'ho-chi-minh', 'ho-chi-minh', 'ho-chi-minh']],
    ['Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.', []],
    ['Đoàn đại biểu thành phố Hồ Chí Minh thăm Nhật Bản.', ['ho-chi-minh']],
    ['Hợp tác với tỉnh Lào Cai và tỉnh Yên Bái.', ['lao-cai', 'yen-bai']],
    ['Khu vực châu Á - Thái Bình Dương và tỉnh Thái Bình.', ['thai-binh']],
    ['Vì hòa bình, hữu nghị; tỉnh Hoà Bình và Khánh Hoà, Thanh Hoá.', ['hoa-binh', 'khanh-hoa', 'thanh-hoa']],
    ['Phó Chủ tịch Nguyễn Thái Bình và ông Trần Bình Dương dự họp.', []],
    ['Chị Huế và bà Nguyễn Thị Huế được khen thưởng.', []],
    ['CÔNG TÁC ĐỐI NGOẠI TỈNH HƯNG YÊN NĂM 2021', ['hung-yen']],
    ['Đoàn tỉnh Hà Nam (Trung Quốc) thăm tỉnh Hà Nam.', ['ha-nam']],
    ['Tỉnh Hà Nam Ninh cũ nay là Hà Nam, Nam Định và Ninh Bình.', ['ha-nam', 'nam-dinh', 'ninh-binh']],
    ['Thừa Thiên Huế, Thừa Thiên - Huế và cố đô Huế.', ['thua-thien-hue', 'thua-thien-hue', 'thua-thien-hue']],
    ['Tỉnh Bà Rịa – Vũng Tàu và tỉnh Bình Dương, Bình Định.', ['ba-ria-vung-tau', 'binh-duong', 'binh-dinh']],
    ['Quảng Nam, Quảng Ngãi và Quảng Ninh.', ['quang-nam', 'quang-ngai', 'quang-ninh']],
    ['Tỉnh Đắk Lắk và Đắc Lắc, Đăk Nông.', ['dak-lak', 'dak-lak', 'dak-nong']],
  ])('%s', (text, expected) => {
    expect(slugs(text)).toEqual(expected);
  });

  it('gives UTF-16 positions of the name without the classifier', () => {
    const text = 'Đoàn của UBND tỉnh Nghệ An.';
    const [hit] = findProvinces(text);
    expect(hit && text.slice(hit.start, hit.end)).toBe('Nghệ An');
    expect(hit?.classifier).toBe('tỉnh');
  });

  it('looks provinces up by written name', () => {
    expect(provinceByName('TP. HCM')).toBe('ho-chi-minh');
    expect(provinceByName('Hoà Bình')).toBe('hoa-binh');
    expect(provinceByName('tỉnh Lào Cai')).toBe('lao-cai');
    expect(provinceByName('Huế')).toBe('thua-thien-hue');
    expect(provinceByName('Savannakhet')).toBeNull();
  });
});

/** Article blocks from lines of an invented report; the first is the headline when `title` is true. */
function ctxOf(lines: string[], title: boolean) {
  const blocks: Block[] = lines.map((text, i) => ({
    line: i + 1,
    text,
    offset: 0,
    kind: i === 0 && title ? 'headline' : 'body',
  }));
  return makeContext('invented.txt', blocks);
}

describe('detectProvince on invented reports', () => {
  it.each<[string, string[], boolean, string | null, string | null, string[]]>([
    [
      'Quảng Ninh',
      [
        'Quảng Ninh đẩy mạnh hợp tác với Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc)',
        'Năm 2023, UBND tỉnh Quảng Ninh đã đón 25 đoàn khách quốc tế đến thăm và làm việc.',
        'Tỉnh đã ký kết biên bản ghi nhớ với thành phố Sùng Tả, Trung Quốc.',
        'Đoàn công tác của tỉnh cũng đã làm việc với Bộ Ngoại giao tại Hà Nội.',
      ],
      true,
      'quang-ninh',
      'quang-ninh',
      ['ha-noi'],
    ],
    [
      'Đà Nẵng',
      [
        'Sở Ngoại vụ thành phố Đà Nẵng tổng kết công tác đối ngoại năm 2022.',
        'Hiện nay, Đà Nẵng có quan hệ hợp tác với 40 địa phương của 20 quốc gia.',
        'Thành phố cũng phối hợp với tỉnh Quảng Nam tổ chức lễ hội pháo hoa quốc tế.',
      ],
      false,
      'da-nang',
      'da-nang',
      ['quang-nam'],
    ],
    [
      'Nghệ An',
      [
        'Nghệ An tăng cường hợp tác toàn diện với các tỉnh của Lào',
        'Tỉnh Nghệ An có chung đường biên giới dài 468 km với ba tỉnh Xiêng Khoảng, Hủa Phăn và Bôlykhămxay của Lào.',
        'Lãnh đạo tỉnh Nghệ An đã tiếp và làm việc với đoàn đại biểu tỉnh Xiêng Khoảng.',
        'Hội nghị có sự tham dự của đại diện tỉnh Hà Tĩnh và tỉnh Thanh Hoá.',
      ],
      true,
      'nghe-an',
      'nghe-an',
      ['ha-tinh', 'thanh-hoa'],
    ],
    [
      'Lào Cai',
      [
        'Ngày 12/3, UBND tỉnh Lào Cai đã hội đàm với đoàn đại biểu Chính phủ nhân dân tỉnh Vân Nam (Trung Quốc).',
        'Hai bên thống nhất đẩy mạnh thông quan hàng hóa qua cửa khẩu quốc tế Lào Cai - Hà Khẩu.',
        'Năm 2022, kim ngạch xuất nhập khẩu qua các cửa khẩu của tỉnh Lào Cai đạt 2,1 tỷ USD.',
      ],
      false,
      'lao-cai',
      'lao-cai',
      [],
    ],
    [
      'Thừa Thiên Huế',
      [
        'Thừa Thiên Huế mở rộng quan hệ hữu nghị với các địa phương Nhật Bản',
        'Chiều 5/4, lãnh đạo UBND tỉnh Thừa Thiên Huế đã tiếp Tổng Lãnh sự Nhật Bản tại Đà Nẵng.',
        'Huế hiện có quan hệ kết nghĩa với thành phố Kyoto và thành phố Nara.',
        'Hai bên trao đổi về chương trình hợp tác giữa Đại học Huế và các trường đại học ở Hoà Bình và Khánh Hoà.',
      ],
      true,
      'thua-thien-hue',
      'hue',
      ['da-nang', 'hoa-binh', 'khanh-hoa'],
    ],
    [
      'TP. HCM',
      [
        'TP. Hồ Chí Minh đón hơn 120 đoàn khách quốc tế trong năm 2023',
        'Theo Sở Ngoại vụ TP.HCM, thành phố đã ký 15 thỏa thuận hợp tác quốc tế.',
        'Các hoạt động học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được đẩy mạnh.',
        'UBND TP. HCM cũng phối hợp với tỉnh Bình Dương và tỉnh Long An.',
      ],
      true,
      'ho-chi-minh',
      'ho-chi-minh',
      ['binh-duong', 'long-an'],
    ],
    [
      'Bắc Giang with a person named Thái Bình',
      [
        'UBND tỉnh Bắc Giang tiếp đoàn doanh nghiệp Hàn Quốc đến tìm hiểu cơ hội đầu tư.',
        'Phó Chủ tịch UBND tỉnh Nguyễn Thái Bình giới thiệu tiềm năng của Bắc Giang.',
        'Các doanh nghiệp Hàn Quốc đánh giá cao môi trường đầu tư của tỉnh Bắc Giang.',
      ],
      false,
      'bac-giang',
      'bac-ninh',
      [],
    ],
    [
      'no convincing province',
      [
        'Hội nghị ngoại giao kinh tế diễn ra tại Hà Nội với sự tham gia của các bộ, ngành.',
        'Các đại biểu thảo luận về hòa bình và hợp tác trong khu vực.',
      ],
      false,
      null,
      null,
      ['ha-noi'],
    ],
  ])('%s', (_label, lines, hasTitle, slug, merged, others) => {
    const title = hasTitle ? (lines[0] ?? null) : null;
    const r = detectProvince(ctxOf(lines, hasTitle), title);
    expect(r.province?.slug ?? null).toBe(slug);
    expect(r.province?.mergedInto.slug ?? null).toBe(merged);
    expect(r.otherProvinces.map((p) => p.slug)).toEqual(others);
  });

  it('does not read Laos into "tỉnh Lào Cai"', () => {
    expect(findCountries('UBND tỉnh Lào Cai hội đàm với tỉnh Vân Nam (Trung Quốc).').map((h) => h.code)).toEqual(['CN']);
  });
});

describe('detectProvince on the gold seeds', () => {
  it('finds the hand-checked province and its 2025 province for every seed', () => {
    for (const json of goldFiles()) {
      const gold = loadGold(json);
      const { province } = detectProvince(makeContext(gold.file, goldBlocks(gold)), gold.title);
      expect(province?.name, gold.file).toBe(gold.province);
      expect(province?.mergedInto.name, gold.file).toBe(gold.province_2025);
    }
  });

  it('lists TP. HCM (and Hà Nội) among the other provinces of 001', () => {
    const gold = loadGold(goldFiles().find((f) => f.startsWith('001')) ?? '');
    const { otherProvinces } = detectProvince(makeContext(gold.file, goldBlocks(gold)), gold.title);
    expect(otherProvinces.map((p) => p.slug)).toEqual(['ha-noi', 'ho-chi-minh']);
  });
});
