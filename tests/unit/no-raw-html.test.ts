import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/gold.ts';

/** Report text reaches pages only as text: no component may inject raw HTML. */
describe('site source', () => {
  it('never uses set:html or innerHTML', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(astro|ts)$/.test(f));
    const offenders = files.filter((f) => /set:html|\.innerHTML\s*=|insertAdjacentHTML/.test(readFileSync(join(ROOT, 'src', f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
