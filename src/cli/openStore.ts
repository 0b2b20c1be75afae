import { createPgliteStore, DEFAULT_DATA_DIR } from '../store/createPgliteStore.js';
import { createPostgresStore } from '../store/createPostgresStore.js';
import type { EventStore } from '../store/EventStore.js';

export interface OpenedStore {
  readonly store: EventStore;
  /** Where the log lives, for messages: `PGlite .devolve/data` or `PostgreSQL 127.0.0.1:5432/devolve`. */
  readonly where: string;
}

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
 * Opens the store a command works on: the PGlite directory given with `--data`; else the
 * PostgreSQL named by `DATABASE_URL`; else PGlite in `.devolve/data`. An explicit flag wins over
 * the environment, so a shell that exports `DATABASE_URL` can still open a local directory.
 *
 * @example
 * const { store, where } = await openStore({ data: options.data });
 * try { … } finally { await store.close(); }
 */
export async function openStore(args: {
  data?: string | undefined;
  env?: NodeJS.ProcessEnv;
}): Promise<OpenedStore> {
  const url = (args.env ?? process.env)['DATABASE_URL'];
  if (args.data === undefined && url !== undefined && url !== '') {
    return {
      store: await createPostgresStore({ connectionString: url }),
      where: `PostgreSQL ${describeUrl(url)}`,
    };
  }
  const dataDir = args.data ?? DEFAULT_DATA_DIR;
  return { store: await createPgliteStore({ dataDir }), where: `PGlite ${dataDir}` };
}
