import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../support/gold.ts';
import { buildEnv } from '../../../scripts/build-env.ts';

/**
 * Runs the real build (content → astro build → search index) into a temporary folder, with the given
 * base path, exactly as `npm run build` does for the deployed site.
 */
export function buildSite(base: string, seeds = 'seeds', extraContentArgs: string[] = []): string {
  const out = mkdtempSync(join(tmpdir(), 'atlas-dist-'));
  const content = mkdtempSync(join(tmpdir(), 'atlas-content-'));
  const env = buildEnv({ BASE_PATH: base, ATLAS_CONTENT_DIR: content });
  const node = (script: string, ...args: string[]) => execFileSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env, stdio: 'pipe' });
  node('scripts/build-content.ts', '--seeds', seeds, '--out', content, ...extraContentArgs);
  node('node_modules/astro/bin/astro.mjs', 'build', '--outDir', out);
  node('scripts/build-search.ts', '--site', out);
  if (!existsSync(join(out, 'index.html'))) throw new Error(`build into ${out} produced no index.html`);
  return out;
}

