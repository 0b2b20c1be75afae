import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { describe, it } from 'vitest';

/** Debian's Chromium: the browser tests and the dashboard benchmark drive it, never a downloaded one. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Flags for a quiet, headless, throwaway Chromium (no sandbox: containers often lack user namespaces). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Chromium with a fresh profile in `profileDir` (a directory of the caller's own), as one browser
 * context. Close it when done.
 */
export async function launchChromium(args: {
  profileDir: string;
  viewport?: { width: number; height: number };
}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(args.profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: args.viewport ?? { width: 1280, height: 900 },
  });
}

/**
 * One Chromium whose contexts are separate, throwaway profiles (each with its own IndexedDB and
 * local storage): two members signing from two browsers, in one process. Close it when done.
 */
export async function launchChromiumBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * Runs a suite that needs Chromium. Without it the suite is skipped with its reason — unless
 * `REQUIRE_BROWSER=1` (as in CI), when it fails instead.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
  } else if (process.env['REQUIRE_BROWSER'] === '1') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(
          `REQUIRE_BROWSER=1 but there is no Chromium at ${CHROMIUM}: apt-get install chromium`,
        );
      });
    });
  } else {
    describe.skip(`${name} (skipped: no Chromium at ${CHROMIUM}; install it or set CHROMIUM_PATH)`, body);
  }
}
