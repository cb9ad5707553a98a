import { describe, expect, it } from 'vitest';
import { slugify } from '../lib/text.ts';
import { allProvinces, provinceData as provincesData, provinceRef, provincesAfter2025 } from './provinces.ts';

describe('vn-provinces.json', () => {
  it('has 63 provinces before and 34 after 2025-07-01, with slugify slugs', () => {
    expect(allProvinces()).toHaveLength(63);
    expect(provincesAfter2025()).toHaveLength(34);
    expect(new Set(allProvinces().map((p) => p.slug)).size).toBe(63);
    for (const p of allProvinces()) expect(p.slug).toBe(slugify(p.name));
    for (const p of provincesAfter2025()) expect(p.slug).toBe(slugify(p.name));
    expect(provincesData.source).toMatch(/202\/2025\/QH15/);
  });

  it('maps every province into one of the 34, and each of the 34 receives at least one', () => {
    const after = new Set(provincesAfter2025().map((p) => p.slug));
    for (const p of allProvinces()) expect(after).toContain(p.mergedInto);
    const receivers = new Set(allProvinces().map((p) => p.mergedInto));
    expect(receivers).toEqual(after);
  });

  it('has the six centrally-run cities after the merger', () => {
    const cities = provincesAfter2025().filter((p) => p.type === 'thành phố trực thuộc trung ương').map((p) => p.slug);
    expect(cities.sort()).toEqual(['can-tho', 'da-nang', 'ha-noi', 'hai-phong', 'ho-chi-minh', 'hue']);
  });

  // Resolution 202/2025/QH15, known by hand.
  it.each([
    ['vinh-phuc', 'phu-tho'],
    ['hoa-binh', 'phu-tho'],
    ['phu-tho', 'phu-tho'],
    ['tien-giang', 'dong-thap'],
    ['dong-thap', 'dong-thap'],
    ['ha-tinh', 'ha-tinh'],
    ['hung-yen', 'hung-yen'],
    ['thai-binh', 'hung-yen'],
    ['ha-giang', 'tuyen-quang'],
    ['yen-bai', 'lao-cai'],
    ['bac-kan', 'thai-nguyen'],
    ['bac-giang', 'bac-ninh'],
    ['hai-duong', 'hai-phong'],
    ['ha-nam', 'ninh-binh'],
    ['nam-dinh', 'ninh-binh'],
    ['quang-binh', 'quang-tri'],
    ['quang-nam', 'da-nang'],
    ['kon-tum', 'quang-ngai'],
    ['binh-dinh', 'gia-lai'],
    ['ninh-thuan', 'khanh-hoa'],
    ['dak-nong', 'lam-dong'],
    ['binh-thuan', 'lam-dong'],
    ['phu-yen', 'dak-lak'],
    ['ba-ria-vung-tau', 'ho-chi-minh'],
    ['binh-duong', 'ho-chi-minh'],
    ['binh-phuoc', 'dong-nai'],
    ['long-an', 'tay-ninh'],
    ['soc-trang', 'can-tho'],
    ['hau-giang', 'can-tho'],
    ['ben-tre', 'vinh-long'],
    ['tra-vinh', 'vinh-long'],
    ['bac-lieu', 'ca-mau'],
    ['kien-giang', 'an-giang'],
    ['thua-thien-hue', 'hue'],
    ['quang-ninh', 'quang-ninh'],
    ['nghe-an', 'nghe-an'],
    ['thanh-hoa', 'thanh-hoa'],
    ['lang-son', 'lang-son'],
    ['cao-bang', 'cao-bang'],
  ])('%s → %s', (from, to) => {
    expect(provinceRef(from).mergedInto.slug).toBe(to);
  });
});

describe('provinceRef', () => {
  it('gives names with diacritics and the post-2025 province', () => {
    expect(provinceRef('vinh-phuc')).toEqual({
      name: 'Vĩnh Phúc',
      slug: 'vinh-phuc',
      mergedInto: { name: 'Phú Thọ', slug: 'phu-tho' },
    });
    expect(provinceRef('tien-giang').mergedInto).toEqual({ name: 'Đồng Tháp', slug: 'dong-thap' });
  });

  it('accepts a post-2025 slug that was not a province before (Huế)', () => {
    expect(provinceRef('hue')).toEqual({ name: 'Huế', slug: 'hue', mergedInto: { name: 'Huế', slug: 'hue' } });
  });

  it('throws on an unknown slug', () => {
    expect(() => provinceRef('ha-tay')).toThrow();
  });
});

describe('ISO 3166-2 codes and Wikidata ids of the 63 provinces (generated from Natural Earth)', () => {
  it('has them for all but the three Natural Earth names wrongly, each code unique', () => {
    const withIds = allProvinces().filter((p) => p.wikidata);
    expect(withIds.length).toBe(60);
    expect(allProvinces().filter((p) => !p.wikidata).map((p) => p.name).sort()).toEqual(['Bắc Kạn', 'Hưng Yên', 'Đồng Nai']);
    expect(new Set(withIds.map((p) => p.wikidata)).size).toBe(60);
    expect(allProvinces().find((p) => p.slug === 'hoa-binh')).toMatchObject({ iso3166_2: 'VN-14', wikidata: 'Q36015' });
  });
});
