import { PGlite, type Transaction } from '@electric-sql/pglite';
import { DevolveError } from '../core/errors/DevolveError.js';
import { createSqlEventStore } from './createSqlEventStore.js';
import type { EventStore } from './EventStore.js';
import { lockDataDir } from './lockDataDir.js';
import { openPgliteThread } from './openPgliteThread.js';
import { runMigrations } from './runMigrations.js';
import type { SqlDatabase, SqlExecutor } from './SqlDatabase.js';

export const DEFAULT_DATA_DIR = '.devolve/data';

/**
 * PGlite reports some failures to open a directory as plain objects (its file system's errno
 * records), which would print as `[object Object]`: they become `store/data-dir-unusable`.
 */
function openFailure(dataDir: string | undefined, error: unknown): unknown {
  if (error instanceof DevolveError) return error;
  const reason =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error !== null
        ? JSON.stringify(error)
        : String(error);
  return new DevolveError({
    code: 'store/data-dir-unusable',
    message: `cannot open the data directory ${dataDir ?? '(in memory)'}: ${reason}`,
    details: { dir: dataDir ?? null },
    hint: 'is it a Devolve data directory, readable and writable by you?',
    cause: error,
  });
}

function executor(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await db.query<Row>(text, [...params])).rows;
    },
    async script(text: string) {
      await db.exec(text);
    },
  };
}

function inProcess(pglite: PGlite): SqlDatabase {
  return {
    ...executor(pglite),
    transaction: (work) => pglite.transaction((tx) => work(executor(tx))),
    close: () => pglite.close(),
  };
}

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, in this process, with its data in a
 * directory (`.devolve/data` by default) — zero set-up. On a directory PGlite runs in a thread of
 * its own (`openPgliteThread`), so that this thread serves requests and checks signatures while
 * the database writes. Without `dataDir` it lives in memory, in this thread (tests). PGlite has a
 * single connection and runs one transaction at a time, which is what serializes appends; the
 * directory is claimed with a lock file so no second process opens it. Committed transactions are
 * written through to the directory before they are acknowledged, so a killed process loses
 * nothing it acknowledged.
 *
 * An open `pglite` may be handed in instead (tests use it to reach the tables directly); the
 * store then owns it and closes it.
 *
 * @example
 * const store = await createPgliteStore({ dataDir: '.devolve/data' });
 */
export async function createPgliteStore(
  args: { dataDir?: string; pglite?: PGlite } = {},
): Promise<EventStore> {
  const { dataDir } = args;
  const lock = dataDir === undefined ? undefined : lockDataDir({ dir: dataDir });
  let db: SqlDatabase;
  try {
    db =
      args.pglite === undefined && lock !== undefined
        ? await openPgliteThread({ dataDir: lock.dir })
        : inProcess(args.pglite ?? (await PGlite.create()));
  } catch (error) {
    lock?.release();
    throw openFailure(dataDir, error);
  }
  try {
    await runMigrations({ db });
  } catch (error) {
    await db.close();
    lock?.release();
    throw error;
  }
  return createSqlEventStore({ db, onClose: async () => lock?.release() });
}
