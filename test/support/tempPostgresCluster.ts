import { execFile, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const POSTGRES_LIB = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin directory with initdb and pg_ctl, if there is one. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(POSTGRES_LIB)) return undefined;
  const versions = readdirSync(POSTGRES_LIB)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(POSTGRES_LIB, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

export interface TempPostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication, loopback only). */
  readonly url: string;
  /** `pg_ctl stop -m fast`: every connection is terminated (57P01), as in a restart. */
  stop(): Promise<void>;
  /** `pg_ctl start`, waiting until it accepts connections. */
  start(): Promise<void>;
  /** Stops the cluster (if running) and removes its directory. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of the test's own, in a temporary directory it creates: `initdb`, then
 * `pg_ctl start` on a free port of 127.0.0.1, with its socket in the same directory. PostgreSQL
 * refuses to run as root, so as root the tools run as the `postgres` user (`runuser`), in a
 * directory handed to that user.
 *
 * @example
 * const cluster = await createTempPostgresCluster({ bin: findPostgresBin()!, port: await freePort() });
 * try { … await cluster.stop(); await cluster.start(); … } finally { await cluster.destroy(); }
 */
export async function createTempPostgresCluster(args: {
  bin: string;
  port: number;
}): Promise<TempPostgresCluster> {
  const root = mkdtempSync(join(tmpdir(), 'devolve-pg-cluster-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gids = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(root, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  const data = join(root, 'data');
  /** Runs a PostgreSQL tool without blocking this process's event loop (clients keep running). */
  const run = (tool: string, toolArgs: readonly string[]): Promise<void> => {
    const command = join(args.bin, tool);
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', command, ...toolArgs]]
      : [command, [...toolArgs]];
    return new Promise((resolve, reject) => {
      execFile(file, argv, { timeout: 120_000 }, (error, stdout, stderr) => {
        if (error === null) resolve();
        else reject(new Error(`${tool} ${toolArgs.join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      });
    });
  };
  let running = false;
  const options = `-p ${args.port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=on`;
  const cluster: TempPostgresCluster = {
    url: `postgres://postgres@127.0.0.1:${args.port}/postgres`,
    async stop() {
      await run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    async start() {
      await run('pg_ctl', [
        '-D',
        data,
        '-o',
        options,
        '-l',
        join(root, 'server.log'),
        '-w',
        '-t',
        '60',
        'start',
      ]);
      running = true;
    },
    async destroy() {
      try {
        if (running) await cluster.stop();
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
  try {
    await run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    await cluster.start();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}
