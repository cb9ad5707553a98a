import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import { toMdx } from './mdx.ts';
import type { Block } from '../../schemas/ingest.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx).use(remarkGfm);

function emitLines(lines: string[], frontmatter: Record<string, unknown> = { title: 't' }) {
  const blocks: Block[] = lines.map((text, i) => ({ line: i + 1, text, offset: 0, kind: 'body' }));
  return toMdx({ frontmatter, banner: 'Generated for a test', blocks, links: [], anchors: [] });
}

/** What MDX will see: any ESM, expression or JSX node means report text became code. */
function codeNodes(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, (node) => {
    if (/^mdx(jsEsm|FlowExpression|TextExpression|JsxFlowElement|JsxTextElement)$/.test(node.type)) found.push(node.type);
  });
  return found;
}

/** The text a reader sees, paragraph by paragraph. */
function paragraphs(tree: Root): string[] {
  const out: string[] = [];
  visit(tree, 'paragraph', (p) => {
    let text = '';
    visit(p, 'text', (t) => {
      text += t.value;
    });
    out.push(text);
  });
  return out;
}

const HOSTILE = [
  'export const x = require("fs").writeFileSync("/tmp/pwned", "1")',
  'import fs from "node:fs"',
  'Export default function () {}',
  'IMPORT x from "y"',
  '{process.exit(1)}',
  '{...props}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<Component />',
  '<!-- comment -->',
  '</div>',
  '# heading',
  '* item',
  '- item',
  '+ item',
  '1. item',
  '> quote',
  '| a | b |',
  '[link](javascript:alert(1))',
  '![img](x.png)',
  '`code` and ``more``',
  '```js',
  'back\\slash \\{ \\<',
  '***',
  '~~~',
  'www.example.com and https://example.com',
  '&amp; &#x41; &lt;',
  'Emoji 🇻🇳 👍🏽 and RTL مرحبا עברית',
  '    indented code',
  'a_b_c *d* __e__',
  '<https://evil.example>',
  '[^1]: footnote',
  '- [ ] task',
];

describe('toMdx escapes report text', () => {
  it.each(HOSTILE)('%s stays literal text', (line) => {
    const mdx = emitLines([line]);
    const tree = parser.parse(mdx);
    expect(codeNodes(tree)).toEqual([]);
    expect(paragraphs(tree)).toEqual([line]);
  });

  it('writes the generated banner and frontmatter that parse back to the same data', () => {
    const data = { title: 'Tiêu đề: "x" --- y\n---\nimport z', date: '2017-01-06', n: 3 };
    const mdx = emitLines(['Nội dung.'], data);
    expect(mdx.startsWith('---\n# Generated for a test\n')).toBe(true);
    let yaml = '';
    visit(parser.parse(mdx), 'yaml', (n) => {
      yaml = n.value;
    });
    expect(parseYaml(yaml)).toEqual(data);
    // Astro reads frontmatter with a YAML 1.1 parser: unquoted 2017-01-06 would become a Date.
    expect(yaml).toContain('date: "2017-01-06"');
  });

  it('keeps any string literal (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), (s) => {
        const line = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
        fc.pre(line.length > 0);
        const tree = parser.parse(emitLines([line]));
        expect(codeNodes(tree)).toEqual([]);
        expect(paragraphs(tree).join('')).toBe(line);
      }),
      { numRuns: 400 },
    );
  });
});
