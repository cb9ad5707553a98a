/**
 * Finds a Chromium for the browser tests. Order: $CHROMIUM_PATH, then chromium on PATH. When none
 * is found and we run as root with apt-get (CI, a fresh machine), installs Debian's `chromium`.
 * Otherwise stops with a message saying how to point CHROMIUM_PATH at a browser.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return null;
}

function install(): void {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).stdout.trim();
  if (!root || !apt) {
    throw new Error(
      'No Chromium found for the browser tests. Install one (Debian: apt-get install chromium) or set CHROMIUM_PATH=/path/to/chromium.',
    );
  }
  console.error('No Chromium found: installing Debian\'s chromium package (apt-get)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && !existsSync(fromEnv)) {
    console.error(`CHROMIUM_PATH=${fromEnv} does not exist. Point it at a Chromium binary, or unset it to use or install Debian's chromium.`);
    process.exit(1);
  }
  if (!findChromium()) {
    try {
      install();
    } catch (error) {
      console.error((error as Error).message);
      process.exit(1);
    }
  }
  const path = findChromium();
  if (!path) {
    console.error('Chromium installation did not provide a browser; set CHROMIUM_PATH.');
    process.exit(1);
  }
  console.log(`chromium: ${path}`);
}
