import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createPgliteStore } from '../store/createPgliteStore.js';
import { createPostgresStore } from '../store/createPostgresStore.js';
import type { EventStore } from '../store/EventStore.js';
import { usageError } from './CliError.js';
import { findCharter } from './findCharter.js';
import { shownPath } from './readCharter.js';

export interface OpenedStore {
  readonly store: EventStore;
  /** Where the log lives, for messages: `PGlite .devolve/data` or `PostgreSQL 127.0.0.1:5432/devolve`. */
  readonly where: string;
}

/** The `--data` option every command that opens the store shares (see `openStore`). */
export const DATA_OPTION = [
  '--data <dir>',
  'PGlite data directory (default: DATABASE_URL if set, else .devolve/data beside the charter)',
] as const;

/** A connection string without its password, fit to print. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * The embedded store that belongs to a charter: `.devolve/data` beside it, wherever the command
 * is run from — so `devolve apply acme/devolve.yaml` from the parent folder and `devolve apply`
 * inside `acme/` write one log, not two.
 *
 * @example
 * storeDirFor({ charterFile: 'acme/devolve.yaml' }) // 'acme/.devolve/data'
 */
export function storeDirFor(args: { charterFile: string }): string {
  return join(dirname(args.charterFile), '.devolve', 'data');
}

/** A PGlite data directory that holds a database (PostgreSQL writes PG_VERSION when it creates one). */
export function holdsStore(dataDir: string): boolean {
  return existsSync(join(dataDir, 'PG_VERSION'));
}

/**
 * Opens the store a command works on: the PGlite directory given with `--data`; else the
 * PostgreSQL named by `DATABASE_URL`; else PGlite in `.devolve/data` beside the charter (the one
 * given, else the nearest `devolve.yaml` in the working directory or above, else the working
 * directory). An explicit flag wins over the environment, so a shell that exports `DATABASE_URL`
 * can still open a local directory.
 *
 * A command that only reads (`mode: 'read'`) never creates a store: where there is none it fails
 * with `usage/no-store` and leaves the disk as it was.
 *
 * @example
 * const { store, where } = await openStore({ data: options.data, mode: 'read' });
 * try { … } finally { await store.close(); }
 */
export async function openStore(args: {
  data?: string | undefined;
  /** The charter whose store this is (default: the one found from the working directory). */
  charterFile?: string | undefined;
  mode: 'read' | 'write';
  env?: NodeJS.ProcessEnv;
}): Promise<OpenedStore> {
  const url = (args.env ?? process.env)['DATABASE_URL'];
  if (args.data === undefined && url !== undefined && url !== '') {
    return {
      store: await createPostgresStore({ connectionString: url }),
      where: `PostgreSQL ${describeUrl(url)}`,
    };
  }
  const charterFile = args.charterFile ?? findCharter({ from: process.cwd() });
  const dataDir = shownPath(
    args.data ?? storeDirFor({ charterFile: charterFile ?? join(process.cwd(), 'devolve.yaml') }),
  );
  if (args.mode === 'read' && !holdsStore(dataDir)) {
    throw usageError({
      code: 'no-store',
      message: `there is no signed log at ${dataDir}`,
      hint:
        args.data === undefined
          ? 'record a charter first with `devolve apply`, run this beside its devolve.yaml, or name the store with --data <dir> (or DATABASE_URL)'
          : 'check the directory given to --data',
    });
  }
  return { store: await createPgliteStore({ dataDir }), where: `PGlite ${dataDir}` };
}
