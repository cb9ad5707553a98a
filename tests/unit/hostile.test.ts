/**
 * Issue 5, hostile input: every fixture in tests/fixtures/hostile/seeds gets the behaviour its
 * entry in cases.json names, through the pipeline (fast) and through scripts/build-content.ts as a
 * child process (exit codes, one stderr line per problem, build report).
 */
import { VNI_TEXT } from '../fixtures/hostile/corpus.ts';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { visit } from 'unist-util-visit';
import type { Root, RootContent } from 'mdast';
import { buildContent, isProblem, link, processFile, type Extracted } from '../../src/pipeline/index.ts';
import { MAX_LINE } from '../../src/pipeline/ingest/clean.ts';
import { CASES, type Case } from '../fixtures/hostile/corpus.ts';
import { ROOT } from '../support/gold.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/hostile/seeds');
const bytesOf = (file: string) => readFileSync(join(FIXTURES, file));
const visible = CASES.filter((c) => !c.file.startsWith('.'));
const results = new Map(visible.map((c) => [c.file, processFile({ file: c.file, bytes: bytesOf(c.file) })]));
const built = (file: string): Extracted => {
  const r = results.get(file);
  if (!r || isProblem(r)) throw new Error(`${file} was not built: ${r && isProblem(r) ? r.reason : 'missing'}`);
  return r;
};
const content = buildContent(visible.map((c) => ({ file: c.file, bytes: bytesOf(c.file) })));
const reportOf = (file: string) => content.atlas.reports.find((r) => r.frontmatter.files.includes(file));

/** `it`, or `it.fails` for a known gap in code outside this work (so fixing it turns the test red as a reminder). */
const check = (c: Case) => (c.gap ? it.fails : it);

describe('the corpus', () => {
  it('has at least 30 fixtures, each listed once in cases.json with a behaviour', () => {
    const onDisk = readdirSync(FIXTURES).sort();
    expect(onDisk.length).toBeGreaterThanOrEqual(30);
    expect(CASES.map((c) => c.file).sort()).toEqual(onDisk);
    for (const c of CASES) expect(c.behaviour.length).toBeGreaterThan(5);
  });
});

describe.each(CASES.filter((c) => c.expect === 'built'))('$file ($input) is built', (c) => {
  it('is read without a problem', () => {
    expect(isProblem(results.get(c.file) ?? { file: c.file, reason: 'missing' })).toBe(false);
  });
  if (c.encoding) it(`is decoded from ${c.encoding}`, () => expect(built(c.file).ingested.encoding).toBe(c.encoding));
  if (c.notes) {
    it.each(c.notes)('notes the conversion (%s)', (note) => {
      expect(built(c.file).ingested.notes.some((n) => n.includes(note))).toBe(true);
    });
  }
  if (c.file === 'enc-vni.txt') {
    it('decodes to exactly the text that was encoded', () => expect(built(c.file).ingested.text).toBe(VNI_TEXT));
  } else if (c.group === 'encoding') {
    it('decodes to real Vietnamese: the headline and a sentence read back exactly', () => {
      const text = built(c.file).ingested.text;
      expect(text).toMatch(/^Tỉnh .+ đẩy mạnh hợp tác hữu nghị với /u);
      expect(text).toContain('Hai bên nhất trí ưu tiên xúc tiến đầu tư, khuyến khích doanh nghiệp tìm hiểu thị trường');
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u200b\u200c\u200d\u202e\ufeff\u00ad\t\r]/u);
      expect(text).toBe(text.normalize('NFC'));
    });
  }
  if (c.province !== undefined) {
    check(c)(`gets province ${c.province}`, () => expect(built(c.file).extraction.province?.slug ?? null).toBe(c.province));
  }
  it('keeps its file name exactly on its page', () => expect(reportOf(c.file)?.frontmatter.files).toContain(c.file));
});

describe.each(CASES.filter((c) => c.expect === 'error'))('$file ($input) is refused', (c) => {
  const r = results.get(c.file);
  check(c)('with one line giving the reason', () => {
    expect(r && isProblem(r)).toBe(true);
    if (!r || !isProblem(r)) return;
    expect(r.file).toBe(c.file);
    expect(r.reason).not.toContain('\n');
    for (const part of c.reason?.filter((p) => p !== c.file) ?? []) expect(r.reason).toContain(part);
  });
});

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx).use(remarkGfm);
const textOf = (node: RootContent) => {
  let text = '';
  visit(node, 'text', (t) => {
    text += t.value;
  });
  return text;
};

describe.each(CASES.filter((c) => c.group === 'injection'))('$file: injected lines stay text', (c) => {
  const report = reportOf(c.file);
  const mdx = content.files.find((f) => report && f.path === `reports/${report.slug}.mdx`)?.content ?? '';
  const tree: Root = parser.parse(mdx);

  it('becomes no ESM, no expression, and no JSX but the emitter’s own components', () => {
    const code: string[] = [];
    visit(tree, (node) => {
      if (/^mdx(jsEsm|FlowExpression|TextExpression)$/.test(node.type)) code.push(node.type);
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && !['p', 'span', 'EntityLink'].includes(node.name ?? '')) {
        code.push(`<${node.name ?? ''}>`);
      }
      if (['html', 'code', 'inlineCode', 'list', 'table', 'image', 'blockquote', 'thematicBreak'].includes(node.type)) code.push(node.type);
      // GFM turns a bare http(s) URL in the text into a link showing that same URL: allowed; any other link is not.
      if (node.type === 'link' && !(/^(https?:\/\/|mailto:)/.test(node.url) && textOf(node) === node.url)) code.push(`link ${node.url}`);
    });
    expect(code).toEqual([]);
  });

  // A hostile line that reads as page chrome (an image tag, a line of symbols) is removed as noise:
  // it is then kept, literally and with its reason, in the report's removed lines.
  it.each(c.lines ?? [])('%s → one block with exactly this text, or a removed line with its reason', (line) => {
    const blocks = tree.children.filter((n) => n.type !== 'yaml').map(textOf);
    const removed = report?.frontmatter.noise.find((n) => n.text === line);
    if (removed) expect(removed.reason).toMatch(/^[a-z-]+$/);
    else expect(blocks).toContain(line);
  });
});

describe('duplicates and slugs', () => {
  it('merges byte-identical reports into one page that keeps both file names', () => {
    const pages = content.atlas.reports.filter((r) => r.frontmatter.files.some((f) => f.startsWith('duplicate')));
    expect(pages).toHaveLength(1);
    expect([...(pages[0]?.frontmatter.files ?? [])].sort()).toEqual(['duplicate b (copy).txt', 'duplicate-a.txt']);
  });

  it('gives colliding titles two different slugs: the title slug plus a 6-hex suffix', () => {
    const one = reportOf('slug-collision-1.txt')?.slug ?? '';
    const two = reportOf('slug-collision-2.txt')?.slug ?? '';
    expect(one).not.toBe(two);
    for (const slug of [one, two]) expect(slug).toMatch(/^hoi-nghi-tong-ket-cong-tac-doi-ngoai-nam-2023-[0-9a-f]{6}$/);
  });

  it('keeps those slugs whatever the input order and when a third report joins', () => {
    const items = ['slug-collision-1.txt', 'slug-collision-2.txt'].map(built);
    const slugs = (list: Extracted[]) => Object.fromEntries(link(list).reports.map((r) => [r.frontmatter.files[0], r.slug]));
    const forward = slugs(items);
    expect(slugs([...items].reverse())).toEqual(forward);
    const third = processFile({ file: 'slug-collision-3.txt', bytes: Buffer.concat([bytesOf('slug-collision-1.txt'), Buffer.from('\nThêm một dòng.\n')]) });
    if (isProblem(third)) throw new Error(third.reason);
    const withThird = slugs([...items, third]);
    expect(withThird['slug-collision-1.txt']).toBe(forward['slug-collision-1.txt']);
    expect(withThird['slug-collision-2.txt']).toBe(forward['slug-collision-2.txt']);
  });

  it('writes only ASCII slug paths under reports/ and entities/, whatever the file names', () => {
    for (const f of content.files) expect(f.path).toMatch(/^(reports|entities)\/[a-z0-9-]+(\/[a-z0-9-]+)*\.(mdx|json)$/);
  });
});

describe('size limits', () => {
  const head = bytesOf('inject-html.txt').toString('utf8');
  const sentence = 'Hai bên thống nhất tăng cường trao đổi đoàn, hợp tác giáo dục, y tế và xúc tiến đầu tư trong thời gian tới. ';

  // No time limit here: timings belong to `npm run bench`.
  it('builds a report with one 2 MB line, splitting the line at sentence ends (and noting it)', () => {
    const line = sentence.repeat(Math.ceil(2_000_000 / Buffer.byteLength(sentence)));
    const r = processFile({ file: 'one-2mb-line.txt', bytes: Buffer.from(`${head}\n${line}\n`) });
    if (isProblem(r)) throw new Error(r.reason);
    expect(r.ingested.notes.some((n) => n.includes('split at sentence ends'))).toBe(true);
    expect(Math.max(...r.ingested.text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(MAX_LINE);
    expect(r.ingested.text.replace(/\n/g, ' ')).toContain(sentence.repeat(3).trim());
  }, 30_000);

  it('refuses a 20 MB file with its size, before decoding it', () => {
    const r = processFile({ file: 'twenty-mb.txt', bytes: Buffer.alloc(20 * 1024 * 1024, 'Hợp tác. ') });
    expect(isProblem(r) && r.reason).toBe('too large (20.0 MB); a report is at most 5.0 MB');
  });
});

describe('scripts/build-content.ts on the corpus', () => {
  let seeds: string;
  let out: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/build-content.ts'), '--seeds', seeds, '--out', out, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const errors = CASES.filter((c) => c.expect === 'error' && !c.gap);
  const ignored = CASES.filter((c) => c.expect === 'ignored');

  beforeAll(() => {
    seeds = mkdtempSync(join(tmpdir(), 'atlas-hostile-seeds-'));
    out = mkdtempSync(join(tmpdir(), 'atlas-hostile-out-'));
    cpSync(FIXTURES, seeds, { recursive: true });
    writeFileSync(join(seeds, 'twenty-mb.txt'), Buffer.alloc(20 * 1024 * 1024, 'Hợp tác quốc tế. '));
  });
  afterAll(() => {
    rmSync(seeds, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('by default fails with exit 1 after listing every problem, one line each, and writes nothing', () => {
    const r = run();
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/^\s+at /m); // no stack trace
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    const expected = [...errors.map((c) => c.file), 'twenty-mb.txt'].sort();
    expect(lines.map((l) => l.slice(`error: ${seeds}/`.length).split(': ')[0]).sort()).toEqual(expected);
    for (const c of errors) {
      const line = lines.find((l) => l.startsWith(`error: ${join(seeds, c.file)}: `));
      for (const part of c.reason ?? []) expect(line).toContain(part);
    }
    expect(r.stderr).toContain(`${expected.length} report(s) could not be built; nothing was written.`);
    expect(existsSync(join(out, 'reports'))).toBe(false);
  }, 120_000);

  it('lists dotfiles as ignored, with the reason, without failing on them', () => {
    const r = run();
    for (const c of ignored) expect(r.stderr).toContain(`ignored: ${join(seeds, c.file)}: hidden file (name starts with a dot), not read as a report`);
  }, 120_000);

  it('with --skip-invalid builds the rest and lists the skipped and ignored files in build-report.json', () => {
    const r = run('--skip-invalid');
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const report = JSON.parse(readFileSync(join(out, 'build-report.json'), 'utf8')) as { skipped: Array<{ file: string; reason: string }> };
    expect(report.skipped.map((s) => s.file).sort()).toEqual([...errors, ...ignored].map((c) => c.file).concat('twenty-mb.txt').sort());
    const builtFiles = CASES.filter((c) => c.expect === 'built' || (c.gap && c.expect === 'error'));
    // Two duplicates make one page.
    expect(readdirSync(join(out, 'reports'))).toHaveLength(builtFiles.length - 1);
    expect(r.stdout).toMatch(/content: \d+ reports/);
  }, 120_000);
});
