/**
 * The open-data downloads (/data/atlas.json.gz, partnerships.csv.gz, facts.csv.gz), made in one
 * pass over the report files. They need every field of every report's frontmatter, which the
 * content store does not keep (report-page.ts): each file is read, validated and written out in
 * turn, so memory holds one report at a time plus the compressed output. They are gzip files
 * because uncompressed they grow by ~14 MB per 1,000 reports (270 MB of JSON at 20,000), a
 * quarter of what GitHub Pages allows for a whole site.
 */
import { getCollection } from 'astro:content';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createGzip, type Gzip } from 'node:zlib';
import yaml from 'js-yaml';
import { ReportFrontmatter } from '../schemas/site.ts';
import { csvRow } from './csv.ts';
import { splitFrontmatter } from './report-mdx.ts';

export interface OpenData {
  atlas: Buffer;
  partnerships: Buffer;
  facts: Buffer;
}

const PARTNERSHIPS = ['province', 'province_2025', 'partner', 'partner_vi', 'kind', 'country', 'as_written', 'report', 'sentence'];
const FACTS = ['province', 'report', 'value', 'unit', 'label', 'qualifier', 'year', 'text', 'sentence'];

/**
 * A gzip stream that collects its output. Text is buffered and handed to zlib a megabyte at a
 * time (one zlib call per CSV row costs more than the compression), waiting when zlib is behind.
 */
function gzipSink(): { write: (s: string) => Promise<void>; end: () => Promise<Buffer> } {
  const gz: Gzip = createGzip();
  const out: Buffer[] = [];
  gz.on('data', (c: Buffer) => out.push(c));
  const ended = once(gz, 'end');
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    const text = pending.join('');
    pending = [];
    size = 0;
    if (!gz.write(text)) await once(gz, 'drain');
  };
  return {
    write: async (s) => {
      pending.push(s);
      size += s.length;
      if (size >= 1 << 20) await flush();
    },
    end: async () => {
      await flush();
      gz.end();
      await ended;
      return Buffer.concat(out);
    },
  };
}

let made: Promise<OpenData> | null = null;

/** All three downloads, made once per build and shared by their endpoints. */
export function openData(): Promise<OpenData> {
  made ??= make();
  return made;
}

async function make(): Promise<OpenData> {
  const atlas = gzipSink();
  const partnerships = gzipSink();
  const facts = gzipSink();
  await partnerships.write(csvRow(PARTNERSHIPS));
  await facts.write(csvRow(FACTS));
  await atlas.write('{"generatedBy":"Ngoại vụ Atlas","reports":[');
  const reports = await getCollection('reports');
  for (const [i, entry] of reports.entries()) {
    const path = resolve(entry.filePath ?? '');
    const parsed = ReportFrontmatter.safeParse(yaml.load(splitFrontmatter(readFileSync(path, 'utf8')).yaml));
    if (!parsed.success) throw new Error(`${path}: frontmatter does not match ReportFrontmatter: ${parsed.error.message}`);
    const r = parsed.data;
    await atlas.write(`${i ? ',' : ''}${JSON.stringify({ slug: entry.id, ...r })}`);
    // Partner claims only, each with the sentence that makes it; places a report only mentions are not partnerships.
    for (const p of r.partners.filter((x) => x.relation === 'partner')) {
      await partnerships.write(
        csvRow([r.province?.name ?? null, r.province?.mergedInto.name ?? null, p.name, p.nameVi ?? null, p.kind, p.country, p.asWritten.join(' | '), entry.id, p.evidence.sentence]),
      );
    }
    for (const f of r.facts) await facts.write(csvRow([r.province?.name ?? null, entry.id, f.value, f.unit, f.label, f.qualifier, f.year, f.text, f.sentence]));
  }
  const strip = <T extends { data: unknown }>(xs: T[]) => JSON.stringify(xs.map((x) => x.data));
  await atlas.write(
    `],"provinces":${strip(await getCollection('provinces'))},"partners":${strip(await getCollection('partners'))},` +
      `"countries":${strip(await getCollection('countries'))},"organizations":${strip(await getCollection('organizations'))}}`,
  );
  return { atlas: await atlas.end(), partnerships: await partnerships.end(), facts: await facts.end() };
}
