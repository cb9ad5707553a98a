import { describe, expect, it } from 'vitest';
import isoCountries from 'i18n-iso-countries';
import { countryByName, countryData as curated, countryNames } from './countries.ts';

describe('countryByName', () => {
  it.each([
    ['Hàn Quốc', 'KR'],
    ['Hàn quốc', 'KR'],
    ['Mỹ', 'US'],
    ['Hoa Kỳ', 'US'],
    ['Korea', 'KR'],
    ['Lào', 'LA'],
    ['Italy', 'IT'],
    ['Ý', 'IT'],
    ['Malaysia', 'MY'],
    ['Anh', 'GB'],
    ['CH Czech', 'CZ'],
    ['Séc', 'CZ'],
    ['Úc', 'AU'],
    ['Ô-xtrây-li-a', 'AU'],
    ['Hồng Kông', 'HK'],
    ['Đài Loan', 'TW'],
    ['Cộng hòa liên bang Đức', 'DE'],
    ['Cộng hoà liên bang Đức', 'DE'],
    ['Nhật Bản', 'JP'],
    ['Campuchia', 'KH'],
    ['Mozambique', 'MZ'],
    ['Mông Cổ', 'MN'],
    ['Liên bang Nga', 'RU'],
    ['Belarus', 'BY'],
    ['Việt Nam', 'VN'],
    ['Thái', 'TH'],
    ['lao', 'LA'],
  ])('%s → %s', (name, code) => {
    expect(countryByName(name)).toBe(code);
  });

  it('returns null for non-countries', () => {
    expect(countryByName('châu Âu')).toBeNull();
    expect(countryByName('Hưng Yên')).toBeNull();
  });
});

describe('countries-vi.json', () => {
  it('curates only what i18n-iso-countries lacks', () => {
    const library = new Set<string>();
    for (const lang of ['vi', 'en']) {
      for (const names of Object.values(isoCountries.getNames(lang, { select: 'all' }))) for (const n of names) library.add(n);
    }
    const duplicated = curated.aliases.entries.map((e) => e.alias).filter((a) => library.has(a));
    expect(duplicated).toEqual([]);
  });

  it('uses ISO codes the library knows', () => {
    const codes = [...curated.aliases.entries, ...curated.friendship.entries].map((e) => e.code);
    for (const c of codes) expect(isoCountries.isValid(c), c).toBe(true);
  });
});

describe('countryNames', () => {
  it('gives short Vietnamese and English display names', () => {
    expect(countryNames('KR')).toEqual({ nameVi: 'Hàn Quốc', nameEn: 'South Korea' });
    expect(countryNames('HK').nameVi).toBe('Hồng Kông');
    expect(countryNames('LA')).toEqual({ nameVi: 'Lào', nameEn: 'Laos' });
    expect(countryNames('DE').nameVi).toBe('Đức');
  });
});
