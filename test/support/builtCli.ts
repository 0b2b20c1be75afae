import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built command line, run as a user runs it: `node bin/devolve.js …` in a directory of the
 * test's own, without colours.
 */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'devolve.js');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(cwd: string, ...args: string[]): CliRun {
  return runCliWithEnv({}, cwd, ...args);
}

/** `runCli` with changes to the environment; a variable set to `undefined` is removed. */
export function runCliWithEnv(
  changes: Readonly<Record<string, string | undefined>>,
  cwd: string,
  ...args: string[]
): CliRun {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The template names shipped in templates/ (charters, not their sample evidence). */
export function templateNames(): string[] {
  return readdirSync(join(ROOT, 'templates'))
    .filter((file) => file.endsWith('.yaml') && !file.endsWith('.evidence.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort();
}

function newestSource(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return Math.max(newest, newestSource(path));
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.test.ts')) return newest;
    return Math.max(newest, statSync(path).mtimeMs);
  }, 0);
}

const isBuilt = () => existsSync(MAIN) && statSync(MAIN).mtimeMs >= newestSource(join(ROOT, 'src'));

/**
 * `npm test` builds before it runs the tests; run alone, a CLI test builds when dist/ is missing or
 * older than src/. tsc writes its output even when some file has a type error (the typecheck step
 * reports those), so only a missing entry point is a failure here.
 */
export function ensureBuilt(): void {
  if (isBuilt()) return;
  const tsc = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (!existsSync(MAIN)) throw new Error(`the build did not produce ${MAIN}:\n${tsc.stdout}${tsc.stderr}`);
}

/** Fresh empty directories, removed by `cleanUp`. */
export function scratchDirs(prefix: string): { fresh(): string; cleanUp(): void } {
  const made: string[] = [];
  return {
    fresh() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    cleanUp() {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
