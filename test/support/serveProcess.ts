import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../bin/devolve.js', import.meta.url));
const BUILT = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Child processes run the built CLI, as users do; `npm test` builds it first. */
export function requireBuiltCli(): void {
  if (!existsSync(BUILT))
    throw new Error('the CLI is not built: run `npm run build` (npm test does it first)');
}

/**
 * The environment a child `devolve` runs with: ours, with `DATABASE_URL` set to `databaseUrl` or
 * removed — so a PGlite run never wanders onto the PostgreSQL a CI job exports.
 */
export function childEnv(databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['DATABASE_URL'];
  if (databaseUrl !== undefined) env['DATABASE_URL'] = databaseUrl;
  return env;
}

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** Resolves with the exit code or signal once the process has ended. */
  readonly exited: Promise<number | string>;
}

/**
 * Starts `devolve serve --port 0 --json` as a child process and waits for the line saying where
 * it listens (at most `timeoutMs`).
 *
 * @example
 * const serve = await startServeProcess({ args: ['--data', dir], databaseUrl: undefined });
 * serve.child.kill('SIGKILL');
 */
export async function startServeProcess(args: {
  args: readonly string[];
  databaseUrl: string | undefined;
  timeoutMs?: number;
}): Promise<ServeProcess> {
  requireBuiltCli();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--json', ...args.args], {
    env: childEnv(args.databaseUrl),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`devolve serve did not start within ${args.timeoutMs ?? 60_000} ms: ${stderr}`));
    }, args.timeoutMs ?? 60_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (line === undefined) return;
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch (error) {
        reject(error);
      }
    });
    void exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`devolve serve exited (${status}) before listening: ${stderr}`));
    });
  });
  return { child, url, stderr: () => stderr, exited };
}

/** Runs a `devolve` command to its end; its exit status and output. */
export function runCli(args: { args: readonly string[]; databaseUrl: string | undefined; cwd?: string }): {
  status: number | null;
  stdout: string;
  stderr: string;
} {
  requireBuiltCli();
  const result = spawnSync(process.execPath, [CLI, ...args.args], {
    env: childEnv(args.databaseUrl),
    encoding: 'utf8',
    timeout: 120_000,
    ...(args.cwd === undefined ? {} : { cwd: args.cwd }),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
