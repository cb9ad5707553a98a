/**
 * Renders a generated report page (content/reports/<slug>.mdx) to HTML without compiling it to
 * JavaScript. The MDX is parsed by Sätteri, the same parser Astro's MDX integration uses here, and
 * the tree is serialised to HTML directly, so no report becomes a module of the build and nothing
 * in a report can run. Only the nodes the emit stage writes are accepted (Markdown, plus `<p>` and
 * `<span>` with `class`/`id`, and `<EntityLink to kind>`); any other JSX, expression or ESM is an
 * error naming the file.
 */
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { mdxToHast } from 'satteri';
import { href } from './url.ts';

/** Bump when the HTML this module writes changes, so cached pages are rendered again. */
export const RENDERER_VERSION = '1';

const ENTITY_KINDS = new Set(['partner', 'country', 'organization', 'province']);
/** Entity pages are `<section>/<slug>/`; a link target is never taken from anywhere else. */
const ENTITY_PATH = /^(?:partners|countries|organizations|provinces)\/[a-z0-9][a-z0-9-]*\/$/;
const PLAIN_ELEMENTS: Record<string, ReadonlySet<string>> = { p: new Set(['class']), span: new Set(['class', 'id']) };

export interface RenderedReport {
  html: string;
  headings: Array<{ depth: number; slug: string; text: string }>;
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

interface JsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: Array<RootContent | JsxElement>;
}

/** Splits `---\n<yaml>\n---\n<body>` as the emit stage writes it. */
export function splitFrontmatter(text: string): { yaml: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { yaml: '', body: text };
  return { yaml: match[1] ?? '', body: text.slice(match[0].length) };
}

/** The page body of one report as HTML. `base` is the site's base path (links go through href()). */
export function renderReportMdx(body: string, base: string, file: string): RenderedReport {
  const tree = mdxToHast(body, { position: false, features: { gfm: true, smartPunctuation: false, frontmatter: false } }) as unknown as Root;
  const slugger = new GithubSlugger();
  const headings: RenderedReport['headings'] = [];
  const fail = (what: string): never => {
    throw new Error(`${file}: ${what} is not allowed in a generated report page`);
  };

  const textOf = (node: ElementContent): string => (node.type === 'text' ? node.value : 'children' in node ? node.children.map(textOf).join('') : '');

  const attributes = (node: JsxElement, allowed: ReadonlySet<string>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const a of node.attributes) {
      if (a.type !== 'mdxJsxAttribute' || !a.name || typeof a.value !== 'string' || !allowed.has(a.name)) fail(`attribute ${a.name ?? '{…}'} on <${node.name}>`);
      out[a.name as string] = a.value as string;
    }
    return out;
  };

  const convert = (node: RootContent | JsxElement): ElementContent[] => {
    switch (node.type) {
      case 'text':
      case 'comment':
        return [node];
      case 'element': {
        const children = node.children.flatMap(convert);
        const element: Element = { ...node, children };
        if (/^h[1-6]$/.test(node.tagName)) {
          const text = children.map(textOf).join('');
          const existing = node.properties?.['id'];
          const slug = typeof existing === 'string' ? existing : slugger.slug(text);
          headings.push({ depth: Number(node.tagName[1]), slug, text });
          element.properties = { ...node.properties, id: slug };
        }
        return [element];
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const jsx = node as JsxElement;
        const children = jsx.children.flatMap(convert);
        if (jsx.name === 'EntityLink') {
          const { to = '', kind = '' } = attributes(jsx, new Set(['to', 'kind']));
          if (!ENTITY_PATH.test(to) || !ENTITY_KINDS.has(kind)) fail(`<EntityLink to="${to}" kind="${kind}">`);
          return [{ type: 'element', tagName: 'a', properties: { href: href(to, base), className: ['entity', `entity-${kind}`] }, children }];
        }
        const allowed = jsx.name ? PLAIN_ELEMENTS[jsx.name] : undefined;
        if (!allowed || !jsx.name) return fail(`<${jsx.name ?? ''}>`);
        const { class: className, ...rest } = attributes(jsx, allowed);
        return [{ type: 'element', tagName: jsx.name, properties: { ...rest, ...(className ? { className: className.split(/\s+/) } : {}) }, children }];
      }
      default:
        return fail(`a ${node.type} node`);
    }
  };

  const root: Root = { type: 'root', children: tree.children.flatMap((c) => convert(c as RootContent)) };
  return { html: toHtml(root), headings };
}

/** Reads a report file (a path relative to the working directory, the site root) and renders its body. */
export function renderReportFile(filePath: string, base: string): RenderedReport {
  const path = resolve(filePath);
  return renderReportMdx(splitFrontmatter(readFileSync(path, 'utf8')).body, base, path);
}
