import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every HTML file of a built site. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

const ATTR = /\s(?:href|src)="([^"]*)"/g;

/**
 * Checks every href and src of every page of a build served under `base`: the target file must
 * exist, a #fragment must name an id on the target page, and nothing may point off-site (the site
 * works offline). Returns one line per broken link.
 */
export function brokenLinks(dir: string, base: string): string[] {
  const problems: string[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ''));
      ids.set(file, set);
    }
    return set;
  };
  for (const page of htmlFiles(dir)) {
    const html = readFileSync(page, 'utf8');
    const pageUrl = new URL(`http://site${base}${relative(dir, page).replace(/index\.html$/, '')}`);
    for (const [, raw = ''] of html.matchAll(ATTR)) {
      const value = raw.replace(/&amp;/g, '&');
      if (/^(mailto|tel|data):/.test(value)) continue;
      const url = new URL(value, pageUrl);
      const where = `${relative(dir, page)} → ${value}`;
      if (url.host !== 'site') {
        problems.push(`${where}: points off-site`);
        continue;
      }
      if (!url.pathname.startsWith(base)) {
        problems.push(`${where}: outside the base ${base}`);
        continue;
      }
      let target = join(dir, decodeURIComponent(url.pathname.slice(base.length)));
      if (existsSync(target) && statSync(target).isDirectory()) target = join(target, 'index.html');
      if (!existsSync(target)) {
        problems.push(`${where}: no such file`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith('.html') && !idsOf(target).has(fragment)) problems.push(`${where}: no element with id "${fragment}"`);
    }
  }
  return problems;
}
