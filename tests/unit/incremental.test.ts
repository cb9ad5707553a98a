import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/gold.ts';

/** npm run content, in temporary folders, returning its summary line. */
function content(seeds: string, out: string, cache: string): string {
  const args = [join(ROOT, 'scripts/build-content.ts'), '--seeds', seeds, '--out', out, '--cache', cache];
  return execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
}

describe('incremental content build', () => {
  const work = mkdtempSync(join(tmpdir(), 'atlas-incr-'));
  const seeds = join(work, 'seeds');
  const out = join(work, 'content');
  const cache = join(work, 'cache');
  cpSync(join(ROOT, 'seeds'), seeds, { recursive: true });

  it('extracts everything once, then nothing when no seed changed, and rewrites nothing', () => {
    // 5 report pages, 6 entity files (partners, countries, organisations, provinces, people, review) and the build report.
    expect(content(seeds, out, cache)).toMatch(/0 hit\(s\), 5 miss\(es\); 12 file\(s\) written/);
    expect(content(seeds, out, cache)).toMatch(/5 hit\(s\), 0 miss\(es\); 0 file\(s\) written, 0 removed/);
  });

  it('re-extracts and rewrites only the changed report (and entity files whose content changed)', () => {
    const hungYen = '000_e502fe8537f7091f.txt';
    const page = join(out, 'reports', 'cong-tac-doi-ngoai-tinh-hung-yen-vuot-thach-thuc.mdx');
    const other = join(out, 'reports', 'trien-khai-toan-dien-cong-tac-doi-ngoai-tang-cuong.mdx');
    const before = statSync(other).mtimeMs;
    writeFileSync(join(seeds, hungYen), readFileSync(join(seeds, hungYen), 'utf8').replace('125 đoàn', '126 đoàn'));
    const summary = content(seeds, out, cache);
    // The report's page, and the province file whose headline figures include that count.
    expect(summary).toMatch(/4 hit\(s\), 1 miss\(es\); 2 file\(s\) written, 0 removed/);
    expect(readFileSync(page, 'utf8')).toContain('126 đoàn');
    expect(readFileSync(join(out, 'entities', 'provinces.json'), 'utf8')).toContain('"126 đoàn"');
    expect(statSync(other).mtimeMs).toBe(before);
  });
});
