import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { createSqlEventStore } from './createSqlEventStore.js';
import type { EventStore } from './EventStore.js';
import { lockDataDir } from './lockDataDir.js';
import { runMigrations } from './runMigrations.js';
import type { SqlDatabase, SqlExecutor } from './SqlDatabase.js';

export const DEFAULT_DATA_DIR = '.devolve/data';

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

/**
 * The embedded store: PostgreSQL compiled to WebAssembly, in this process, with its data in a
 * directory (`.devolve/data` by default) — zero set-up. Without `dataDir` it lives in memory
 * (tests). PGlite has a single connection and runs one transaction at a time, which is what
 * serializes appends; the directory is claimed with a lock file so no second process opens it.
 * Committed transactions are written through to the directory, so a killed process loses nothing
 * it acknowledged.
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
  let pglite: PGlite;
  try {
    if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
    pglite = args.pglite ?? (await PGlite.create(dataDir === undefined ? {} : { dataDir }));
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db: SqlDatabase = {
    ...executor(pglite),
    transaction: (work) => pglite.transaction((tx) => work(executor(tx))),
    close: () => pglite.close(),
  };
  try {
    await runMigrations({ db });
  } catch (error) {
    await pglite.close();
    lock?.release();
    throw error;
  }
  return createSqlEventStore({ db, onClose: async () => lock?.release() });
}
