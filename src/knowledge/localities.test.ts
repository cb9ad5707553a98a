import { describe, expect, it } from 'vitest';
import { allLocalities, compactKey, looseKey, matchLocality, resolveLocality } from './localities.ts';

/** Curated localities and generated admin-1 rows: GeoNames cities and Chinese prefectures and counties left out. */
const count = (cc: string, pred: (kind: string) => boolean = () => true) =>
  allLocalities().filter((l) => l.country === cc && !l.group && (l.iso3166_2 !== undefined || (!l.parent && l.kind !== 'city')) && pred(l.kind)).length;

describe('gazetteer data', () => {
  it('has unique slugs and ISO 3166-2 codes that match the country', () => {
    const slugs = allLocalities().map((l) => l.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const l of allLocalities()) {
      expect(l.slug.startsWith(`${l.country.toLowerCase()}-`)).toBe(true);
      if (l.iso3166_2) expect(l.iso3166_2.startsWith(`${l.country}-`)).toBe(true);
      expect(l.aliases[0]).toBe(l.name);
    }
  });

  it('covers the first-level divisions asked for', () => {
    expect(count('LA')).toBe(18); // 17 provinces (Xaisomboun included) + Vientiane Capital
    expect(count('KH')).toBe(25);
    expect(count('JP', (k) => k === 'prefecture')).toBe(47);
    expect(count('KR', (k) => k === 'province')).toBe(9);
    expect(count('CN', (k) => k !== 'district')).toBeGreaterThanOrEqual(31);
    expect(count('TH')).toBe(77);
    expect(count('MN', (k) => k === 'province')).toBe(21);
    expect(count('AU')).toBe(8);
    expect(count('MZ')).toBe(11);
    expect(count('US')).toBe(51);
    expect(count('DE')).toBe(16);
  });
});

describe('keys', () => {
  it('fold diacritics, case, spaces and hyphens', () => {
    expect(compactKey('Luông Phabang')).toBe('luongphabang');
    expect(compactKey('Sa-van-na-khẹt')).toBe('savannakhet');
    expect(looseKey('Chungcheongbuk-do')).toBe('chungcheongbuk');
    expect(looseKey('Yamanashi Prefecture')).toBe('yamanashi');
    expect(looseKey('Ulju-gun')).toBe('ulju');
  });
});

/** written form, country hint, expected slug */
const ALIASES: Array<[string, string | null, string]> = [
  // Lao provinces: Vietnamese press spellings and romanisations
  ['Luông Phabang', null, 'la-luang-prabang'],
  ['Luang Prabang', null, 'la-luang-prabang'],
  ['Louangphabang', null, 'la-luang-prabang'],
  ['Luang Phrabang', 'LA', 'la-luang-prabang'],
  ['Hủa Phăn', null, 'la-houaphanh'],
  ['Houaphan', null, 'la-houaphanh'],
  ['Huaphanh', null, 'la-houaphanh'],
  ['Xiêng Khoảng', null, 'la-xiangkhouang'],
  ['Xieng Khouang', null, 'la-xiangkhouang'],
  ['Chăm-pa-sắc', null, 'la-champasak'],
  ['Champassak', null, 'la-champasak'],
  ['Khăm Muộn', null, 'la-khammouane'],
  ['Khammuane', null, 'la-khammouane'],
  ['Xay-nha-bu-ly', null, 'la-xayaboury'],
  ['Sayaboury', null, 'la-xayaboury'],
  ['Sa-van-na-khẹt', null, 'la-savannakhet'],
  ['Savannakhet', null, 'la-savannakhet'],
  ['Bò Kẹo', null, 'la-bokeo'],
  ['Bolikhamxay', null, 'la-bolikhamsai'],
  ['Phông-xa-lỳ', null, 'la-phongsaly'],
  ['Audomxay', null, 'la-oudomxay'],
  ['Oudomxay', null, 'la-oudomxay'],
  ['Udomxay', null, 'la-oudomxay'],
  ['Sa-la-van', null, 'la-salavan'],
  ['Salavan', null, 'la-salavan'],
  ['Viêng Chăn', null, 'la-vientiane-capital'],
  // Korean: with and without -do, English and short forms, the 2024 renaming
  ['Chungcheongbuk', null, 'kr-chungcheongbuk-do'],
  ['Chungcheongbuk-do', null, 'kr-chungcheongbuk-do'],
  ['North Chungcheong', null, 'kr-chungcheongbuk-do'],
  ['Chungbuk', null, 'kr-chungcheongbuk-do'],
  ['Jeollabuk', null, 'kr-jeollabuk-do'],
  ['Jeollabuk-do', null, 'kr-jeollabuk-do'],
  ['North Jeolla', null, 'kr-jeollabuk-do'],
  ['Jeonbuk State', null, 'kr-jeollabuk-do'],
  ['Jeonbuk', null, 'kr-jeollabuk-do'],
  ['Gyeonggi', null, 'kr-gyeonggi-do'],
  ['Gyeongsangbuk-do', null, 'kr-gyeongsangbuk-do'],
  ['Ulju', null, 'kr-ulju-county'],
  ['Ulsan', null, 'kr-ulsan'],
  ['Busan', null, 'kr-busan'],
  ['Daegu', null, 'kr-daegu'],
  // Japanese prefectures with -ken / Prefecture / macrons
  ['Yamanashi', null, 'jp-yamanashi'],
  ['Kanagawa-ken', null, 'jp-kanagawa'],
  ['Tochigi Prefecture', null, 'jp-tochigi'],
  ['Akita', null, 'jp-akita'],
  ['Hyōgo', null, 'jp-hyogo'],
  ['Nara', 'JP', 'jp-nara'],
  // Chinese provinces by Hán-Việt name
  ['Quảng Tây', null, 'cn-guangxi'],
  ['Vân Nam', null, 'cn-yunnan'],
  ['Quảng Đông', null, 'cn-guangdong'],
  ['Tứ Xuyên', null, 'cn-sichuan'],
  ['Chiết Giang', null, 'cn-zhejiang'],
  ['Guangxi', null, 'cn-guangxi'],
  // Others
  ['Tuv', null, 'mn-tov'],
  ['Töv', null, 'mn-tov'],
  ['Queensland', null, 'au-queensland'],
  ['Pursat', null, 'kh-pursat'],
  ['Xiêm Riệp', null, 'kh-siem-reap'],
  ['Maputo', 'MZ', 'mz-maputo'],
  ['Udon Thani', null, 'th-udon-thani'],
  ['Nakhon Phanom', null, 'th-nakhon-phanom'],
  ['Normandie', null, 'fr-normandie'],
];

describe('resolveLocality', () => {
  it.each(ALIASES)('%s (%s) → %s', (written, country, slug) => {
    expect(resolveLocality(written, country)?.slug).toBe(slug);
  });

  it('gives the canonical and Vietnamese names', () => {
    const lp = resolveLocality('Luông Phabang');
    expect(lp?.name).toBe('Luang Prabang');
    expect(lp?.nameVi).toBe('Luông Phabang');
    expect(lp?.iso3166_2).toBe('LA-LP');
    expect(resolveLocality('Hủa Phăn')?.name).toBe('Houaphanh');
    expect(resolveLocality('Tuv')?.name).toBe('Töv');
  });

  it('uses the country to narrow and refuses a wrong one', () => {
    expect(resolveLocality('Savannakhet', 'TH')).toBeNull();
    expect(resolveLocality('Atlantis')).toBeNull();
  });

  it('prefers the kind the classifier asks for', () => {
    expect(resolveLocality('Viêng Chăn', 'LA', ['province'])?.slug).toBe('la-vientiane-province');
    expect(resolveLocality('Viêng Chăn', 'LA', ['city'])?.slug).toBe('la-vientiane-capital');
    expect(resolveLocality('Maputo', 'MZ', ['city'])?.slug).toBe('mz-maputo-city');
    expect(resolveLocality('Maputo', 'MZ', ['province'])?.slug).toBe('mz-maputo');
  });

  it('keeps Hán-Việt names and capitals out of bare matching', () => {
    expect(matchLocality('Quảng Tây', null, { bareOnly: true })).toEqual([]);
    expect(matchLocality('Hà Nam', null, { bareOnly: true })).toEqual([]);
    expect(matchLocality('Viêng Chăn', null, { bareOnly: true })).toEqual([]);
    expect(matchLocality('Luang Prabang', null, { bareOnly: true })[0]?.locality.slug).toBe('la-luang-prabang');
  });
});
