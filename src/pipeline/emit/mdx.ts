import type { Root, RootContent, PhrasingContent, Paragraph } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { findAndReplace, type ReplaceFunction } from 'mdast-util-find-and-replace';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Unsafe } from 'mdast-util-to-markdown';
import { stringify as toYaml } from 'yaml';
import type { Block } from '../../schemas/ingest.ts';
import { WORD_END, WORD_START, escapeRegExp } from '../../lib/text.ts';
import { splitSentences } from '../../lib/sentences.ts';

/** A name in the text that links to an entity page (a path relative to the site base, e.g. "partners/la-luang-prabang/"). */
export interface EntityLink {
  text: string;
  to: string;
  kind: 'partner' | 'country' | 'organization' | 'province';
}

/** A sentence to anchor: facts point at it with `#id`. */
export interface Anchor {
  id: string;
  line: number;
  /** Index of the sentence among `splitSentences(block)`. */
  index: number;
}

export interface MdxInput {
  /** Frontmatter data, already validated by the caller's schema. */
  frontmatter: Record<string, unknown>;
  /** Line that says the file is generated and from which seed (a YAML comment inside the frontmatter). */
  banner: string;
  blocks: readonly Block[];
  links: readonly EntityLink[];
  anchors: readonly Anchor[];
}

/*
 * remark-stringify escapes MDX syntax ({, <) and Markdown syntax, but not a line that starts with
 * `import ` or `export `: MDX would run it as JavaScript at build time. Escaping the first letter
 * (written as a character reference) keeps the line literal text.
 */
const ESM_UNSAFE: Unsafe[] = [
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
  { character: 'I', atBreak: true, after: '[Mm][Pp][Oo][Rr][Tt]\\b' },
  { character: 'E', atBreak: true, after: '[Xx][Pp][Oo][Rr][Tt]\\b' },
];

const processor = unified()
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkStringify, { unsafe: ESM_UNSAFE, bullet: '-', emphasis: '_', rule: '-' });

/** Builds the report page as an mdast tree and serialises it to MDX. Report text only ever becomes text nodes. */
export function toMdx(input: MdxInput): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'yaml', value: `# ${input.banner}\n${toYaml(input.frontmatter, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).trimEnd()}` },
      ...input.blocks.filter((b) => b.kind !== 'noise' && b.kind !== 'headline').map((b) => blockNode(b, input.anchors)),
    ],
  };
  linkEntities(tree, input.links);
  return processor.stringify(tree);
}

function blockNode(block: Block, anchors: readonly Anchor[]): RootContent {
  const children = sentenceNodes(block, anchors);
  switch (block.kind) {
    case 'subheading':
      return { type: 'heading', depth: 2, children };
    case 'caption':
      return jsxFlow('p', { class: 'caption' }, [{ type: 'paragraph', children }]);
    case 'byline':
      return jsxFlow('p', { class: 'byline' }, [{ type: 'paragraph', children }]);
    case 'lede':
      return jsxFlow('p', { class: 'lede' }, [{ type: 'paragraph', children }]);
    default:
      return { type: 'paragraph', children } satisfies Paragraph;
  }
}

/** The line's text, with sentences that facts point at wrapped in `<span id>` anchors. */
function sentenceNodes(block: Block, anchors: readonly Anchor[]): PhrasingContent[] {
  const mine = anchors.filter((a) => a.line === block.line);
  if (!mine.length) return [{ type: 'text', value: block.text }];
  const chars = [...block.text];
  const starts = splitSentences(block).map((s) => s.start);
  const out: PhrasingContent[] = [];
  for (let i = 0; i < starts.length; i++) {
    const from = i === 0 ? 0 : (starts[i] ?? 0);
    const to = starts[i + 1] ?? chars.length;
    const value = chars.slice(from, to).join('');
    const anchor = mine.find((a) => a.index === i);
    if (anchor) out.push(jsxText('span', { id: anchor.id, class: 'fact-source' }, [{ type: 'text', value }]));
    else out.push({ type: 'text', value });
  }
  return out;
}

/** One find-and-replace pass over text nodes turns every known name into a link component. */
function linkEntities(tree: Root, links: readonly EntityLink[]) {
  const byText = new Map<string, EntityLink>();
  for (const link of [...links].sort((a, b) => b.text.length - a.text.length)) {
    if (link.text.trim() && !byText.has(link.text)) byText.set(link.text, link);
  }
  if (!byText.size) return;
  const pattern = new RegExp(`${WORD_START}(?:${[...byText.keys()].map(escapeRegExp).join('|')})${WORD_END}`, 'gu');
  const replace: ReplaceFunction = (match: string) => {
    const link = byText.get(match);
    if (!link) return false;
    return jsxText('EntityLink', { to: link.to, kind: link.kind }, [{ type: 'text', value: match }]);
  };
  findAndReplace(tree, [[pattern, replace]], { ignore: ['heading'] });
}

function attributes(attrs: Record<string, string>): MdxJsxAttribute[] {
  return Object.entries(attrs).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value }));
}

function jsxText(name: string, attrs: Record<string, string>, children: PhrasingContent[]): MdxJsxTextElement {
  return { type: 'mdxJsxTextElement', name, attributes: attributes(attrs), children };
}

function jsxFlow(name: string, attrs: Record<string, string>, children: MdxJsxFlowElement['children']): MdxJsxFlowElement {
  return { type: 'mdxJsxFlowElement', name, attributes: attributes(attrs), children };
}
