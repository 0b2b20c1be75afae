import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/builtCli.js';

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
    // As `npm run build` builds it: a test runner's NODE_ENV=test would keep development code in.
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } },
  );
  if (vite.status !== 0 || !existsSync(index)) {
    throw new Error(`the dashboard did not build:\n${vite.stdout}${vite.stderr}`);
  }
}
