/**
 * Content loader for the generated report pages (content/reports/*.mdx).
 *
 * Astro's glob loader makes every MDX entry a module of the build and keeps its whole frontmatter
 * in the content store: at 5,000 reports the bundler held ~4 GB and the prerender step kept every
 * module's source to the end (bench/RESULTS.md). This loader reads each file's frontmatter (YAML,
 * with js-yaml as Astro does) and stores only what pages show (ReportPage, the collection's
 * schema, validated by Astro). The emit stage validated the whole frontmatter before writing it,
 * and the open-data export validates it again where it uses all of it (open-data.ts). The body is rendered when the report's page is
 * (src/lib/report-mdx.ts), so neither report bodies nor their HTML stay in memory. A file whose
 * bytes are unchanged keeps its stored entry, so a rebuild re-reads only the reports that changed.
 */
import type { Loader } from 'astro/loaders';
import { readdirSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { splitFrontmatter } from './report-mdx.ts';

export function reportsLoader(dir: string): Loader {
  return {
    name: 'atlas-reports',
    async load({ store, parseData, generateDigest, config, logger }) {
      const root = fileURLToPath(config.root);
      const files = readdirSync(dir)
        .filter((f) => f.endsWith('.mdx'))
        .sort();
      const seen = new Set<string>();
      let parsed = 0;
      for (const name of files) {
        const id = name.slice(0, -'.mdx'.length);
        const path = resolve(dir, name);
        const text = readFileSync(path, 'utf8');
        const digest = generateDigest(text);
        seen.add(id);
        if (store.get(id)?.digest === digest) continue;
        const raw = yaml.load(splitFrontmatter(text).yaml);
        if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${path}: no frontmatter`);
        const filePath = relative(root, path);
        const data = await parseData({ id, data: raw as Record<string, unknown>, filePath });
        store.set({ id, data, digest, filePath });
        parsed++;
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${files.length} reports: ${parsed} read, ${files.length - parsed} unchanged`);
    },
  };
}
