import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../../scripts/ensure-chromium.ts';

/** Debian's Chromium, headless, with no background network traffic (this machine has no network). */
export async function launch(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run `node scripts/ensure-chromium.ts` or set CHROMIUM_PATH.');
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
