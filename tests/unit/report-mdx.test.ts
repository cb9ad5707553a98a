import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toMdx } from '../../src/pipeline/emit/mdx.ts';
import { renderReportMdx, splitFrontmatter } from '../../src/lib/report-mdx.ts';
import type { Block } from '../../src/schemas/ingest.ts';

/** A report page as the emit stage writes it, then its body as the site renders it. */
function render(lines: string[], base = '/', links: Parameters<typeof toMdx>[0]['links'] = []) {
  const blocks: Block[] = lines.map((text, i) => ({ line: i + 1, text, offset: 0, kind: 'body' }));
  const mdx = toMdx({ frontmatter: { title: 't' }, banner: 'test', blocks, links, anchors: [] });
  return renderReportMdx(splitFrontmatter(mdx).body, base, 'test.mdx').html;
}

/** Text content of the rendered HTML, character references decoded in one pass. */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };
const text = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot));/gi, (_, hex?: string, dec?: string, name?: string) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (NAMED[name ?? ''] ?? ''),
    )
    .trim();

const HOSTILE = [
  'export const x = require("fs").writeFileSync("/tmp/pwned", "1")',
  'import fs from "node:fs"',
  '{process.exit(1)}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<EntityLink to="javascript:alert(1)" kind="partner">x</EntityLink>',
  '[link](javascript:alert(1))',
  '&amp; &#x41; &lt;',
  '# heading',
];

describe('report bodies render to HTML without running anything', () => {
  it.each(HOSTILE)('%s stays literal text', (line) => {
    const html = render([line]);
    expect(text(html)).toBe(line);
    expect(html).not.toMatch(/<(script|img|a)\b/);
  });

  it('keeps any string literal (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), (s) => {
        const line = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
        fc.pre(line.length > 0);
        expect(text(render([line]))).toBe(line);
      }),
      { numRuns: 300 },
    );
  });

  it('links entity names through href(), under the base path', () => {
    const html = render(['Hợp tác với tỉnh Luông Phabang.'], '/atlas/', [{ text: 'Luông Phabang', to: 'partners/la-luang-prabang/', kind: 'partner' }]);
    expect(html).toContain('<a href="/atlas/partners/la-luang-prabang/" class="entity entity-partner">Luông Phabang</a>');
  });

  it.each([
    ['an expression', '{1 + 1}'],
    ['ESM', 'import x from "y"\n\ntext'],
    ['an unknown element', '<script>alert(1)</script>'],
    ['an attribute expression', '<p class={x}>a</p>'],
    ['an event handler', '<span onclick="x">a</span>'],
    ['a link target that is not an entity page', '<EntityLink to="javascript:alert(1)//" kind="partner">x</EntityLink>'],
    ['an unknown entity kind', '<EntityLink to="partners/x/" kind="evil">x</EntityLink>'],
  ])('refuses MDX with %s (the emit stage never writes it)', (_, mdx) => {
    expect(() => renderReportMdx(mdx, '/', 'bad.mdx')).toThrow(/bad\.mdx/);
  });

  it('gives headings the ids Astro gives them', () => {
    expect(renderReportMdx('## Đẩy mạnh hợp tác\n\n## Đẩy mạnh hợp tác\n', '/', 'h.mdx').html).toBe(
      '<h2 id="đẩy-mạnh-hợp-tác">Đẩy mạnh hợp tác</h2>\n<h2 id="đẩy-mạnh-hợp-tác-1">Đẩy mạnh hợp tác</h2>',
    );
  });
});
