import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { allLocalities, compactKey, GENERATED, localityBySlug, localityFiles, looseKey, matchLocality, resolveLocality } from './localities.ts';

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

describe('generated gazetteer (scripts/build-gazetteer.ts)', () => {
  const cn = () => allLocalities().filter((l) => l.country === 'CN' && l.adcode);

  it('covers every mainland Chinese province, prefecture-level and county-level division', () => {
    const level = (code: string) => (code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'prefecture' : 'county');
    const by = (lv: string) => cn().filter((l) => level(l.adcode as string) === lv);
    expect(by('province')).toHaveLength(31);
    expect(by('prefecture').length).toBeGreaterThanOrEqual(330);
    expect(by('county').length).toBeGreaterThanOrEqual(2800);
    // Hong Kong, Macau and Taiwan are countries here; Sansha (Hoàng Sa, Trường Sa) is not listed.
    expect(cn().some((l) => /^(81|82|71)/.test(l.adcode as string) || (l.adcode as string).startsWith('4603'))).toBe(false);
    // Every prefecture and county lies in a known locality.
    for (const l of cn()) if (!(l.adcode as string).endsWith('0000')) expect(localityBySlug(l.parent ?? '')?.country).toBe('CN');
  });

  it('gives Chinese divisions pinyin and Hán-Việt names', () => {
    const shantou = matchLocality('汕头市', 'CN')[0]?.locality;
    expect(shantou?.slug).toBe('cn-shantou');
    expect(shantou?.aliases).toEqual(expect.arrayContaining(['Shantou', 'Shantou City', 'Sán Đầu']));
    expect(resolveLocality('Hekou Yao Autonomous County', 'CN')?.slug).toBe('cn-hekou');
    expect(resolveLocality('Nanning City')?.slug).toBe('cn-nanning');
  });

  /** written form, country hint, expected slug (hand-checked) */
  const KNOWN_MISSES: Array<[string, string | null, string]> = [
    ['Sán Đầu', 'CN', 'cn-shantou'],
    ['Côn Minh', null, 'cn-kunming'],
    ['Côn Minh', 'CN', 'cn-kunming'],
    ['Nam Ninh', null, 'cn-nanning'],
    ['Quảng Tây', null, 'cn-guangxi'],
    ['Khu tự trị dân tộc Choang Quảng Tây', null, 'cn-guangxi'],
    ['Mã Quan', 'CN', 'cn-maguan'],
    ['Bonghwa', 'KR', 'kr-bonghwa-county'],
    ['Bonghwa-gun', null, 'kr-bonghwa-county'],
    ['Gumi', 'KR', 'kr-gumi'],
    ['Asan', 'KR', 'kr-asan'],
    ['Bưng Càn', 'TH', 'th-bueng-kan'],
    ['Bưng Càn', null, 'th-bueng-kan'],
    ['Nọng Khai', null, 'th-nong-khai'],
    ['Sakon Nakhon', null, 'th-sakon-nakhon'],
    ['Xạ-con Nạ-khon', null, 'th-sakon-nakhon'],
    ['Nạ-khon Pha-nôm', null, 'th-nakhon-phanom'],
    ['U-đon Thá-ni', null, 'th-udon-thani'],
    ['A-tô-pơ', null, 'la-attapeu'],
    ['Kăm Pốt', null, 'kh-kampot'],
    ['Công Pông Chàm', null, 'kh-kampong-cham'],
  ];
  it.each(KNOWN_MISSES)('%s (%s) → %s', (written, country, slug) => {
    expect(resolveLocality(written, country)?.slug).toBe(slug);
  });

  it('keeps parents and countries on what it resolves', () => {
    const nanning = resolveLocality('Nam Ninh');
    expect(nanning?.country).toBe('CN');
    expect(nanning?.parent).toBe('cn-guangxi');
    expect(resolveLocality('Sán Đầu', 'CN')?.parent).toBe('cn-guangdong');
    expect(resolveLocality('Gumi', 'KR')?.parent).toBe('kr-gyeongsangbuk-do');
    expect(resolveLocality('Gumi', 'KR')?.kind).toBe('city');
  });

  it('reads generated Hán-Việt names and Vietnamese-looking names only with their country', () => {
    // Kim Bình: the Yunnan county (curated, but also a Vietnamese place name) and 金平区 of Shantou (generated).
    expect(matchLocality('Kim Bình', null)).toEqual([]);
    expect(matchLocality('Kim Bình', 'CN')[0]?.locality.slug).toBe('cn-jinping');
    expect(matchLocality('Phú Ninh', null)).toEqual([]);
    expect(matchLocality('Sán Đầu', null)).toEqual([]);
    expect(matchLocality('Cẩm Bình', null)).toEqual([]); // 锦屏县, Guizhou
    expect(matchLocality('Cẩm Bình', 'CN')[0]?.locality.adcode).toBe('522628');
    // Pinyin made only of Vietnamese syllables: "Donghai" is Đông Hải, a district of Bạc Liêu.
    expect(matchLocality('Đông Hải', null)).toEqual([]);
    expect(matchLocality('Donghai', 'CN')[0]?.locality.adcode).toBe('320722');
  });

  it('never reads a Vietnamese province as a generated foreign name, even with a country beside it', () => {
    // "tỉnh Tây Ninh và tỉnh Thanh Hải (Trung Quốc)": 西宁 reads Tây Ninh, 隆安 is Long'an, 하남 is Hanam.
    for (const [name, cc] of [['Tây Ninh', 'CN'], ['Long An', 'CN'], ['Hà Nam', 'KR'], ['Hòa Bình', 'CN'], ['Lâm Đồng', 'CN'], ['Điện Biên', 'CN']] as const) {
      expect(matchLocality(name, cc), `${name} (${cc})`).toEqual([]);
    }
    // Nor a syllable of one through the suffix-tolerant index: "Ninh" is not 宁都 Ninh Đô, "Cao" not 曹县 Cao County.
    for (const name of ['Ninh', 'Bình', 'Cao', 'Lạng']) expect(matchLocality(name, 'CN'), name).toEqual([]);
    expect(resolveLocality("Long'an County", 'CN')?.adcode).toBe('450123');
  });

  it('lets the classifier settle a name several countries share', () => {
    expect(resolveLocality('Victoria')).toBeNull();
    expect(resolveLocality('Victoria', null, ['state'])?.slug).toBe('au-victoria');
  });

  it('never reads a GeoNames city or a generated county alone in a sentence', () => {
    for (const name of ['Gumi', 'Asan', 'Victoria', 'Nice', 'Mobile', 'Donghai', 'Maguan']) {
      expect(matchLocality(name, null, { bareOnly: true })).toEqual([]);
    }
  });

  it('lets curated data win: names, kinds and bare rules of curated entries stay', () => {
    const kunming = localityBySlug('cn-kunming');
    expect(kunming?.name).toBe('Kunming');
    expect(kunming?.nameVi).toBe('Côn Minh');
    expect(kunming?.adcode).toBe('530100');
    expect(localityBySlug('cn-hekou')?.kind).toBe('district');
    expect(localityBySlug('la-vientiane-capital')?.kind).toBe('city');
    // Natural Earth names for the wrong place are vetoed by the curated entry (notAliases).
    expect(localityBySlug('la-champasak')?.aliases).not.toContain('Pakse');
    expect(resolveLocality('Mozambique', 'MZ')).toBeNull();
  });

  it('files every alias under a source its file describes as generated or curated', () => {
    for (const { country, generated, curated } of localityFiles()) {
      for (const file of [generated, curated]) {
        if (!file) continue;
        expect(file.country).toBe(country);
        for (const s of Object.values(file.sources)) expect(['generated', 'curated']).toContain(s.kind);
        for (const e of file.localities) for (const key of Object.keys(e.aliases)) expect(file.sources[key], `${e.slug}: ${key}`).toBeDefined();
      }
      if (generated) {
        expect(generated.$comment).toMatch(/^Generated by scripts\/build-gazetteer\.ts/);
        expect(Object.values(generated.sources).every((s) => s.kind === 'generated')).toBe(true);
      }
    }
  });

  it('covers every Thai, Lao and Cambodian province with a Vietnamese press spelling', () => {
    for (const [cc, n] of [['TH', 77], ['LA', 18], ['KH', 25]] as const) {
      const provinces = allLocalities().filter((l) => l.country === cc && l.iso3166_2);
      expect(provinces).toHaveLength(n);
    }
    const noPress = localityFiles()
      .filter((f) => ['LA', 'KH'].includes(f.country))
      .flatMap((f) => f.curated?.localities ?? [])
      .filter((e) => e.iso3166_2 && !e.aliases['press']);
    expect(noPress.map((e) => e.slug)).toEqual([]);
  });
});

describe('merge with the generated files', () => {
  it('loads every generated file there is', () => {
    const files = readdirSync(new URL('./data/localities/generated/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(Object.keys(GENERATED).sort()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
  });

  it('keeps every alias the curated files had before the generated gazetteer (frozen list)', () => {
    const before = JSON.parse(readFileSync(new URL('../../tests/fixtures/gazetteer/aliases-before-generation.json', import.meta.url), 'utf8')) as {
      aliases: Record<string, string[]>;
    };
    expect(Object.keys(before.aliases).length).toBeGreaterThanOrEqual(530);
    const lost: string[] = [];
    for (const [slug, aliases] of Object.entries(before.aliases)) {
      const now = new Set(localityBySlug(slug)?.aliases ?? []);
      for (const a of aliases) if (!now.has(a)) lost.push(`${slug}: ${a}`);
    }
    expect(lost).toEqual([]);
  });

  it('keeps every alias a curated file has now', () => {
    for (const { curated } of localityFiles()) {
      for (const e of curated?.localities ?? []) {
        const now = new Set(localityBySlug(e.slug)?.aliases ?? []);
        for (const a of Object.values(e.aliases).flat()) expect(now.has(a), `${e.slug}: ${a}`).toBe(true);
      }
    }
  });
});
