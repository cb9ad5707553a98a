/**
 * Countries: ISO 3166-1 codes and every name the press writes for them. The names come from
 * i18n-iso-countries (vi, en) and CLDR (Intl.DisplayNames); data/countries-vi.json curates only
 * what those lack (colloquial names such as Mỹ, Úc; friendship-association short forms; which
 * short names are also ordinary words and when; display preferences).
 */
import isoCountries from 'i18n-iso-countries';
import viLocale from 'i18n-iso-countries/langs/vi.json' with { type: 'json' };
import enLocale from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { z } from 'zod';
import raw from './data/countries-vi.json' with { type: 'json' };
import { fold, normalizeVietnamese } from '../lib/text.ts';
import { loadData, Source, SourcedList } from './load.ts';

const Code = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');
const CountriesFile = z.object({
  source: Source,
  aliases: z.object({ source: Source, entries: z.array(z.object({ alias: z.string().min(1), code: Code, note: z.string().optional() })) }),
  friendship: z.object({ source: Source, entries: z.array(z.object({ alias: z.string().min(1), code: Code })) }),
  ambiguous: z.object({
    source: Source,
    entries: z.array(z.object({ alias: z.string().min(1), notBefore: z.array(z.string()), notAtStart: z.boolean().optional() })),
  }),
  personTitles: SourcedList,
  blocked: SourcedList,
  languages: z.object({ source: Source, markers: z.array(z.string().min(1)).min(1) }),
  qualifiedBy: z.object({ source: Source, entries: z.record(Code, z.array(Code)) }),
  excluded: SourcedList,
  display: z.object({ source: Source, vi: z.record(Code, z.string().min(1)), en: z.record(Code, z.string().min(1)) }),
});

export const countryData = loadData('countries-vi.json', CountriesFile, raw);

isoCountries.registerLocale(viLocale);
isoCountries.registerLocale(enLocale);

const DISPLAY_VI = new Intl.DisplayNames(['vi'], { type: 'region' });
const DISPLAY_EN = new Intl.DisplayNames(['en'], { type: 'region' });

function safeDisplay(dn: Intl.DisplayNames, code: string): string | null {
  try {
    const n = dn.of(code);
    return n && n !== code ? n : null;
  } catch {
    return null;
  }
}

/** Names the libraries give for every ISO code, before curation. */
function libraryNames(): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const lang of ['vi', 'en'] as const) {
    const names = isoCountries.getNames(lang, { select: 'all' });
    for (const [code, list] of Object.entries(names)) for (const n of list) out.push([n, code]);
  }
  for (const code of Object.keys(isoCountries.getAlpha2Codes())) {
    for (const dn of [DISPLAY_VI, DISPLAY_EN]) {
      const n = safeDisplay(dn, code);
      if (n) out.push([n, code]);
    }
  }
  // Inverted ("Korea, Republic of") and bracketed official forms never occur as written.
  return out.filter(([n]) => !/[,()]/.test(n));
}

/** "Hàn Quốc" is often printed "Hàn quốc": accept later words in lower case too. */
function caseVariants(alias: string): string[] {
  const words = alias.split(' ');
  if (words.length < 2 || !words.every((w) => /^\p{Lu}/u.test(w))) return [alias];
  const lowered = [words[0], ...words.slice(1).map((w) => w.toLowerCase())].join(' ');
  return lowered === alias ? [alias] : [alias, lowered];
}

/** One rule for a short alias that is also an ordinary word or part of a name ("Anh", "Mỹ", "Lào"). */
export interface Ambiguity {
  /** Lower-cased next words that make it a word ("Mỹ thuật", "Anh hùng"). */
  notBefore: ReadonlySet<string>;
  /** At a sentence start before a lower-case word it is a form of address ("Anh cho biết"). */
  notAtStart: boolean;
}

export interface CountryNames {
  /** Normalised alias → code, for mentions anywhere. */
  general: ReadonlyMap<string, string>;
  /** Alias → code, only right after "Việt - " / "Việt Nam - " (friendship associations). */
  friendship: ReadonlyMap<string, string>;
  /** Folded alias → code, for lenient lookups by name. */
  folded: ReadonlyMap<string, string>;
  ambiguous: ReadonlyMap<string, Ambiguity>;
  /** Phrases in which a country name is part of something else ("Thái Bình Dương"). */
  blocked: readonly string[];
  /** Titles before which a short alias is a person's name ("ông Anh"). */
  personTitles: readonly string[];
  /** Words that make the next country word a language ("tiếng Anh"). */
  languageMarkers: readonly string[];
  /** Code → codes that a bracketed political qualifier after it does not add ("Đài Loan (Trung Quốc)"). */
  qualifiedBy: ReadonlyMap<string, readonly string[]>;
}

function buildNames(): CountryNames {
  const data = countryData;
  const excluded = new Set(data.excluded.entries.map((e) => normalizeVietnamese(e)));
  const general = new Map<string, string>();
  const conflicting = new Set<string>();
  const add = (name: string, code: string, curated: boolean) => {
    for (const v of caseVariants(normalizeVietnamese(name.trim()))) {
      if (excluded.has(v)) continue;
      const prior = general.get(v);
      if (prior && prior !== code) {
        // Curated entries settle a clash; library names shared by two codes ("Congo") are dropped.
        if (curated) general.set(v, code);
        else conflicting.add(v);
        continue;
      }
      general.set(v, code);
    }
  };
  for (const [n, code] of libraryNames()) add(n, code, false);
  for (const c of conflicting) general.delete(c);
  for (const e of data.aliases.entries) add(e.alias, e.code, true);

  const friendship = new Map(data.friendship.entries.map((e) => [normalizeVietnamese(e.alias), e.code]));
  const ambiguous = new Map<string, Ambiguity>(
    data.ambiguous.entries.map((e) => [
      normalizeVietnamese(e.alias),
      { notBefore: new Set(e.notBefore.map((w) => w.toLowerCase())), notAtStart: e.notAtStart === true },
    ]),
  );
  const folded = new Map<string, string>();
  for (const [alias, code] of [...friendship, ...general]) folded.set(fold(alias), code);
  return {
    general,
    friendship,
    folded,
    ambiguous,
    blocked: data.blocked.entries.map((e) => normalizeVietnamese(e)),
    personTitles: data.personTitles.entries.map((e) => normalizeVietnamese(e)),
    languageMarkers: data.languages.markers.map((e) => normalizeVietnamese(e)),
    qualifiedBy: new Map(Object.entries(data.qualifiedBy.entries)),
  };
}

let names: CountryNames | null = null;
/** Every written country name and the rules around the ambiguous ones, built once. */
export function countryNameTable(): CountryNames {
  names ??= buildNames();
  return names;
}

/** Alias lookup: "Hàn Quốc", "Mỹ", "Korea", "Lào" → ISO alpha-2, or null. */
export function countryByName(name: string): string | null {
  const t = countryNameTable();
  const key = normalizeVietnamese(name.trim()).replace(/[\s\u00a0]+/gu, ' ');
  return t.general.get(key) ?? t.friendship.get(key) ?? t.folded.get(fold(key)) ?? null;
}

/** Display names are looked up once per code (Intl.DisplayNames is slow). */
const namesByCode = new Map<string, { nameVi: string; nameEn: string }>();

/** Display names: curated preference, else CLDR, else i18n-iso-countries, else the code. */
export function countryNames(code: string): { nameVi: string; nameEn: string } {
  const upper = code.toUpperCase();
  let known = namesByCode.get(upper);
  if (!known) {
    const vi: Record<string, string> = countryData.display.vi;
    const en: Record<string, string> = countryData.display.en;
    known = {
      nameVi: vi[upper] ?? safeDisplay(DISPLAY_VI, upper) ?? isoCountries.getName(upper, 'vi') ?? upper,
      nameEn: en[upper] ?? safeDisplay(DISPLAY_EN, upper) ?? isoCountries.getName(upper, 'en') ?? upper,
    };
    namesByCode.set(upper, known);
  }
  return { ...known };
}
