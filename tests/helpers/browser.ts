/**
 * Launches Debian's Chromium (`/usr/bin/chromium`, or `CHROMIUM_PATH`)
 * headless through playwright-core, which never downloads a browser. A
 * missing browser throws: the browser tests fail, they are never skipped.
 * Playwright gives every launch a fresh temporary profile (user-data dir),
 * deleted when the browser closes.
 *
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage({ viewport: VIEWPORTS.phone });
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags of every headless run: no sandbox (root in CI), no GPU, no background traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 900 },
} as const;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install it with "apt-get install -y chromium" (the browser tests never download one)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
