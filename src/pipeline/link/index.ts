import { createHash } from 'node:crypto';
import type { Extraction, ProvinceRef } from '../../schemas/extraction.ts';
import type { Block, IngestedReport } from '../../schemas/ingest.ts';
import type {
  CountryEntry,
  EntityMention,
  HeadlineFigure,
  OrganizationEntry,
  PartnerEntry,
  ProvinceEntry,
  ReportFrontmatter,
  ReviewEntry,
  EventRef,
  PersonEntry,
  RelationTimeline,
} from '../../schemas/site.ts';
import type { EventPartner } from '../../schemas/extraction.ts';
import { fold } from '../../lib/text.ts';
import { countWords, slugify } from '../../lib/text.ts';
import { splitSentences } from '../../lib/sentences.ts';
import { countryNames } from '../../knowledge/countries.ts';
import { localityBySlug } from '../../knowledge/localities.ts';
import { allProvinces, provinceRef } from '../../knowledge/provinces.ts';

/** One report after ingest and extract. */
export interface Extracted {
  ingested: IngestedReport;
  extraction: Extraction;
}

/** A report ready to emit: validated frontmatter plus the article blocks. */
export interface LinkedReport {
  slug: string;
  frontmatter: ReportFrontmatter;
  blocks: Block[];
}

export interface Atlas {
  reports: LinkedReport[];
  partners: PartnerEntry[];
  countries: CountryEntry[];
  organizations: OrganizationEntry[];
  provinces: ProvinceEntry[];
  people: PersonEntry[];
  /** Every uncertain call of every report, for the review page. */
  review: ReviewEntry[];
}

/** Words of a title kept in a report slug: readable, and short enough for a URL. */
const SLUG_WORDS = 10;

/**
 * Link stage: merge duplicate files, give every report a stable slug, and build the entity graph
 * (partners, countries, organisations, provinces) that cross-links pages.
 */
export function link(items: readonly Extracted[]): Atlas {
  const merged = mergeDuplicates(items);
  const slugs = assignSlugs(merged);
  const reports = merged.map(({ item, files }) => toReport(item, files, slugs.get(item.ingested.file) ?? ''));
  addRelated(reports);
  const timelines = relationTimelines(reports);
  return {
    reports,
    partners: partnerEntries(reports, timelines),
    countries: countryEntries(reports),
    organizations: organizationEntries(reports),
    provinces: provinceEntries(reports, timelines),
    people: personEntries(reports),
    review: reports.flatMap((r) =>
      r.frontmatter.review.map((item) => ({ ...item, report: r.slug, reportTitle: r.frontmatter.title, province: r.frontmatter.province?.slug ?? null })),
    ),
  };
}

/** Byte-identical files are one report; every file name is kept. First by name wins. */
function mergeDuplicates(items: readonly Extracted[]) {
  const byHash = new Map<string, { item: Extracted; files: string[] }>();
  for (const item of [...items].sort((a, b) => a.ingested.file.localeCompare(b.ingested.file))) {
    const seen = byHash.get(item.ingested.sha256);
    if (seen) seen.files.push(item.ingested.file);
    else byHash.set(item.ingested.sha256, { item, files: [item.ingested.file] });
  }
  return [...byHash.values()];
}

/**
 * A clear title for a dump with no printed headline ("Công tác đối ngoại Hòa Bình đến năm 2020"),
 * marked as generated. The latest year the article names dates it.
 */
export function generatedTitle(province: string | null, latestYear: number | null): string {
  const subject = province ? `Công tác đối ngoại ${province}` : 'Công tác đối ngoại (chưa xác định tỉnh)';
  return latestYear ? `${subject} đến năm ${latestYear}` : subject;
}

/** A title must read as words: a slug never comes from a timestamp or a code ("15:04 15/05/2023"). */
const WORDY = /\p{L}{2,}[^\p{L}]+\p{L}{2,}/u;

function titleOf(item: Extracted): { title: string; generated: boolean } {
  const { extraction } = item;
  if (extraction.title && WORDY.test(extraction.title)) return { title: extraction.title, generated: false };
  const latest = extraction.years.length ? Math.max(...extraction.years) : null;
  return { title: generatedTitle(extraction.province?.name ?? null, latest), generated: true };
}

/**
 * Slug = the first words of the title in ASCII. When two reports would share one, each gets a
 * suffix from its file name's hash, so adding a third report never renames the others.
 */
function assignSlugs(merged: ReadonlyArray<{ item: Extracted }>): Map<string, string> {
  const base = new Map<string, string>();
  const count = new Map<string, number>();
  for (const { item } of merged) {
    const slug = slugify(titleOf(item).title).split('-').slice(0, SLUG_WORDS).join('-') || 'bao-cao';
    base.set(item.ingested.file, slug);
    count.set(slug, (count.get(slug) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [file, slug] of base) {
    const suffix = createHash('sha256').update(file).digest('hex').slice(0, 6);
    out.set(file, (count.get(slug) ?? 0) > 1 ? `${slug}-${suffix}` : slug);
  }
  return out;
}

function toReport(item: Extracted, files: string[], slug: string): LinkedReport {
  const { extraction, ingested } = item;
  const { title, generated } = titleOf(item);
  const article = ingested.blocks.filter((b) => b.kind !== 'noise');
  const frontmatter: ReportFrontmatter = {
    ...extraction,
    title,
    titleGenerated: generated,
    headline: extraction.title,
    files,
    encoding: ingested.encoding,
    notes: ingested.notes,
    wordCount: article.reduce((n, b) => n + countWords(b.text), 0),
    facts: extraction.facts.map((f) => ({ ...f, anchor: anchorOf(article, f.line, f.offset) })),
    events: extraction.events.map((e) => ({ ...e, anchor: anchorOfSentence(article, e.line, e.sentence) })),
    related: [],
  };
  return { slug, frontmatter, blocks: article };
}

/**
 * Anchor id of the sentence that holds a given file offset: "s<line>-<n>", or "title" for the
 * headline (the page prints it as its title, not in the article).
 */
export function anchorOf(blocks: readonly Block[], line: number, offset: number): string {
  // A line can hold two blocks (a headline run into its lede): the last one starting at or before the offset.
  const block = blocks.filter((b) => b.line === line && b.offset <= offset).at(-1) ?? blocks.find((b) => b.line === line);
  if (!block) return `s${line}-0`;
  if (block.kind === 'headline') return 'title';
  const at = offset - block.offset;
  const starts = splitSentences(block).map((s) => s.start);
  let index = 0;
  starts.forEach((s, i) => {
    if (s <= at) index = i;
  });
  return `s${line}-${index}`;
}

/** Anchor id of a sentence given by its text ("s<line>-<n>", or "title" in the headline). */
export function anchorOfSentence(blocks: readonly Block[], line: number, sentence: string): string {
  for (const block of blocks) {
    if (block.line !== line) continue;
    const index = splitSentences(block).findIndex((s) => s.text === sentence);
    if (index >= 0) return block.kind === 'headline' ? 'title' : `s${line}-${index}`;
  }
  return `s${line}-0`;
}

function addRelated(reports: LinkedReport[]) {
  // Reports by partner, so each report only looks at the reports that share one with it.
  const byPartner = new Map<string, LinkedReport[]>();
  const claims = (r: LinkedReport) => new Set(r.frontmatter.partners.filter((x) => x.relation === 'partner').map((x) => x.slug));
  for (const r of reports) {
    for (const p of claims(r)) byPartner.set(p, [...(byPartner.get(p) ?? []), r]);
  }
  for (const r of reports) {
    const shared = new Map<string, number>();
    for (const p of claims(r)) {
      for (const o of byPartner.get(p) ?? []) if (o !== r) shared.set(o.slug, (shared.get(o.slug) ?? 0) + 1);
    }
    r.frontmatter.related = [...shared.entries()]
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .slice(0, 8)
      .map(([slug]) => slug);
  }
}

function mention(r: LinkedReport, sentence: string): EntityMention {
  const p = r.frontmatter.province;
  return { report: r.slug, reportTitle: r.frontmatter.title, province: p?.slug ?? null, provinceName: p?.name ?? null, sentence };
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** Key of the other side of a relation: a locality slug or a country code. */
const sideKey = (p: EventPartner) => (p.type === 'locality' ? p.slug : `country:${p.country}`);

/** Events sort by date (a period by its start), undated last, then by report and id. */
const eventOrder = (a: EventRef, b: EventRef) =>
  (a.date ?? String(a.period?.[0] ?? '9999')).localeCompare(b.date ?? String(b.period?.[0] ?? '9999')) ||
  a.report.localeCompare(b.report) ||
  a.event.localeCompare(b.event, 'en', { numeric: true });

/** Every (province, partner) relation through time, from the events of the reports. */
function relationTimelines(reports: readonly LinkedReport[]): RelationTimeline[] {
  const byPair = new Map<string, RelationTimeline>();
  for (const r of reports) {
    const province = r.frontmatter.province;
    if (!province) continue;
    for (const e of r.frontmatter.events) {
      const key = `${province.slug}|${sideKey(e.partner)}`;
      let t = byPair.get(key);
      if (!t) {
        t = { partner: e.partner, province: province.slug, provinceName: province.name, since: null, firstYear: null, events: [] };
        byPair.set(key, t);
      }
      const year = e.date.year ?? e.date.period?.[0] ?? null;
      if ((e.kind === 'established' || e.kind === 'twinning') && year !== null && (t.since === null || year < t.since)) t.since = year;
      if (year !== null && (t.firstYear === null || year < t.firstYear)) t.firstYear = year;
      t.events.push({
        report: r.slug,
        reportTitle: r.frontmatter.title,
        event: e.id,
        kind: e.kind,
        date: e.date.value,
        year: e.date.year,
        period: e.date.period,
        people: e.people,
        sentence: e.sentence,
        anchor: e.anchor,
      });
    }
  }
  return [...byPair.values()]
    .map((t) => ({ ...t, events: t.events.sort(eventOrder) }))
    .sort((a, b) => a.province.localeCompare(b.province) || sideKey(a.partner).localeCompare(sideKey(b.partner)));
}

/** Key of a person's name: folded; a name in Latin script without Vietnamese syllables in any word order. */
function personKey(name: string, foreign: boolean): string {
  const words = fold(name).split(/[^a-z0-9]+/u).filter(Boolean);
  return (foreign ? [...words].sort() : words).join('-');
}

/**
 * People named with a title (officials and leaders, both sides): a byline or a photo credit alone
 * gives no page. Names written in another order or with other diacritics are one person.
 */
function personEntries(reports: readonly LinkedReport[]): PersonEntry[] {
  const byKey = new Map<string, PersonEntry>();
  for (const r of reports) {
    for (const p of r.frontmatter.people) {
      if (!p.role) continue;
      const foreign = !/[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]/iu.test(p.name) && /[a-z]{3}/iu.test(p.name);
      const key = personKey(p.name, foreign);
      if (!key) continue;
      const entry = byKey.get(key) ?? { id: key, name: p.name, variants: [], foreign, roles: [], reports: [], provinces: [], events: [] };
      entry.variants.push(p.name);
      entry.roles.push({ role: p.role, report: r.slug });
      entry.reports.push(r.slug);
      if (r.frontmatter.province) entry.provinces.push(r.frontmatter.province.slug);
      for (const e of r.frontmatter.events) {
        if (!e.people.includes(p.name)) continue;
        entry.events.push({
          report: r.slug,
          reportTitle: r.frontmatter.title,
          event: e.id,
          kind: e.kind,
          date: e.date.value,
          year: e.date.year,
          period: e.date.period,
          people: e.people,
          sentence: e.sentence,
          anchor: e.anchor,
          partner: e.partner,
          province: r.frontmatter.province?.slug ?? null,
        });
      }
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()]
    .map((e) => ({
      ...e,
      variants: sorted(e.variants),
      reports: sorted(e.reports),
      provinces: sorted(e.provinces),
      roles: e.roles.filter((x, i) => e.roles.findIndex((y) => y.role === x.role) === i),
      events: e.events.sort(eventOrder),
    }))
    .sort(byId);
}

function partnerEntries(reports: readonly LinkedReport[], timelines: readonly RelationTimeline[]): PartnerEntry[] {
  const bySlug = new Map<string, PartnerEntry>();
  for (const r of reports) {
    for (const p of r.frontmatter.partners) {
      const known = p.inGazetteer ? localityBySlug(p.slug) : null;
      const entry =
        bySlug.get(p.slug) ??
        ({
          id: p.slug,
          name: p.name,
          nameEn: known?.nameEn ?? p.name,
          nameVi: p.nameVi ?? known?.nameVi ?? null,
          kind: p.kind,
          country: p.country,
          countryNameVi: countryNames(p.country).nameVi,
          aliases: [],
          knownAliases: known?.aliases ?? [],
          iso3166_2: known?.iso3166_2 ?? null,
          wikidata: known?.wikidata ?? null,
          inGazetteer: p.inGazetteer,
          provinces: [],
          mentions: [],
          alsoMentioned: [],
          relations: timelines.filter((t) => t.partner.type === 'locality' && t.partner.slug === p.slug),
        } satisfies PartnerEntry);
      entry.aliases.push(...p.asWritten);
      // A partner claim names the sentence that makes it; a mention, the sentence that places it.
      if (p.relation === 'partner') {
        if (r.frontmatter.province) entry.provinces.push(r.frontmatter.province.slug);
        entry.mentions.push(mention(r, p.evidence.sentence));
      } else {
        entry.alsoMentioned.push({ ...mention(r, p.evidence.sentence), reason: p.evidence.reason });
      }
      bySlug.set(p.slug, entry);
    }
  }
  return [...bySlug.values()].map((e) => ({ ...e, aliases: sorted(e.aliases), provinces: sorted(e.provinces) })).sort(byId);
}

function countryEntries(reports: readonly LinkedReport[]): CountryEntry[] {
  const byCode = new Map<string, CountryEntry>();
  const entry = (code: string): CountryEntry => {
    let e = byCode.get(code);
    if (!e) {
      const names = countryNames(code);
      e = { id: code.toLowerCase(), code, ...names, partners: [], mentioned: [], provinces: [], organizations: [], reports: [] };
      byCode.set(code, e);
    }
    return e;
  };
  for (const r of reports) {
    const province = r.frontmatter.province?.slug;
    const touch = (code: string) => {
      const e = entry(code);
      e.reports.push(r.slug);
      if (province) e.provinces.push(province);
      return e;
    };
    for (const c of r.frontmatter.countries) touch(c.code);
    for (const p of r.frontmatter.partners) {
      const e = touch(p.country);
      (p.relation === 'partner' ? e.partners : e.mentioned).push(p.slug);
    }
    for (const o of r.frontmatter.organizations) {
      if (!o.country || o.country === 'VN') continue;
      const e = touch(o.country);
      e.organizations.push(o.slug);
    }
  }
  return [...byCode.values()]
    .map((e) => {
      const partners = sorted(e.partners);
      return {
        ...e,
        partners,
        mentioned: sorted(e.mentioned).filter((m) => !partners.includes(m)),
        provinces: sorted(e.provinces),
        organizations: sorted(e.organizations),
        reports: sorted(e.reports),
      };
    })
    .sort(byId);
}

function organizationEntries(reports: readonly LinkedReport[]): OrganizationEntry[] {
  const bySlug = new Map<string, OrganizationEntry>();
  for (const r of reports) {
    for (const o of r.frontmatter.organizations) {
      const entry = bySlug.get(o.slug) ?? { id: o.slug, name: o.name, aliases: [], country: o.country, provinces: [], mentions: [] };
      entry.aliases.push(o.asWritten);
      if (r.frontmatter.province) entry.provinces.push(r.frontmatter.province.slug);
      const first = o.sentences[0];
      if (first) entry.mentions.push(mention(r, first.sentence));
      bySlug.set(o.slug, entry);
    }
  }
  return [...bySlug.values()].map((e) => ({ ...e, aliases: sorted(e.aliases), provinces: sorted(e.provinces) })).sort(byId);
}

/** Units whose figures a province profile leads with, in this order. */
const FIGURE_UNITS = ['USD', 'VND', 'project', 'delegation', 'agreement', 'person', 'turn', 'country', 'organization', 'percent'];
const MAX_FIGURES = 8;

/**
 * Province pages exist for every province with a report, and for the post-2025 province it now
 * belongs to (which lists the reports of all the provinces merged into it).
 */
function provinceEntries(reports: readonly LinkedReport[], timelines: readonly RelationTimeline[]): ProvinceEntry[] {
  const slugs = new Set<string>();
  for (const r of reports) {
    const p = r.frontmatter.province;
    if (p) slugs.add(p.slug).add(p.mergedInto.slug);
  }
  return [...slugs].sort().map((slug) => {
    const ref: ProvinceRef = provinceRef(slug);
    const mergedFrom = allProvinces()
      .filter((p) => p.mergedInto === slug && p.slug !== slug)
      .map((p) => ({ name: p.name, slug: p.slug }));
    const members = new Set([slug, ...mergedFrom.map((m) => m.slug)]);
    const mine = reports.filter((r) => r.frontmatter.province && members.has(r.frontmatter.province.slug));
    const own = reports.filter((r) => r.frontmatter.province?.slug === slug);
    const claims = sorted(mine.flatMap((r) => r.frontmatter.partners.filter((p) => p.relation === 'partner').map((p) => p.slug)));
    return {
      id: slug,
      name: ref.name,
      mergedInto: ref.mergedInto,
      mergedFrom,
      reports: mine.map((r) => r.slug).sort(),
      hasOwnReports: own.length > 0,
      // A post-2025 province shows the partners of every province merged into it.
      partners: claims,
      relations: timelines.filter((t) => members.has(t.province)),
      mentioned: sorted(mine.flatMap((r) => r.frontmatter.partners.filter((p) => p.relation !== 'partner').map((p) => p.slug))).filter(
        (m) => !claims.includes(m),
      ),
      countries: sorted(mine.flatMap((r) => r.frontmatter.countries.map((c) => c.code))),
      organizations: sorted(mine.flatMap((r) => r.frontmatter.organizations.map((o) => o.slug))),
      figures: headlineFigures(own),
    };
  });
}

/** The latest value of each kind of figure (unit + label) across a province's reports. */
function headlineFigures(reports: readonly LinkedReport[]): HeadlineFigure[] {
  const latest = new Map<string, HeadlineFigure>();
  for (const r of reports) {
    const reportYear = Math.max(0, ...r.frontmatter.years);
    for (const f of r.frontmatter.facts) {
      if (!FIGURE_UNITS.includes(f.unit)) continue;
      const key = `${f.unit}|${f.label}`;
      const year = f.year ?? null;
      const rank = year ?? reportYear;
      const seen = latest.get(key);
      if (seen && (seen.year ?? 0) >= rank) continue;
      latest.set(key, {
        label: f.label,
        text: f.text,
        value: f.value,
        unit: f.unit,
        approx: f.approx,
        year,
        report: r.slug,
        reportTitle: r.frontmatter.title,
        anchor: f.anchor,
      });
    }
  }
  return [...latest.values()]
    .sort((a, b) => FIGURE_UNITS.indexOf(a.unit) - FIGURE_UNITS.indexOf(b.unit) || b.value - a.value)
    .slice(0, MAX_FIGURES);
}
