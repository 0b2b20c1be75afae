import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { describe, it } from 'vitest';
import { ROOT } from '../../support/builtCli.js';

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

const WEB_SOURCE = join(ROOT, 'web');
export const WEB_ROOT = join(ROOT, 'dist', 'web');

function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

/**
 * Builds the dashboard into dist/web when it is missing or older than web/ — `npm run build`
 * does it, but a test run alone may come first.
 */
export function ensureWebBuilt(): void {
  const index = join(WEB_ROOT, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(WEB_SOURCE)) return;
  const vite = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (vite.status !== 0 || !existsSync(index)) {
    throw new Error(`the dashboard did not build:\n${vite.stdout}${vite.stderr}`);
  }
}
