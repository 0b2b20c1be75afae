import pg from 'pg';
import { DevolveError } from '../core/errors/DevolveError.js';
import { createSqlEventStore } from './createSqlEventStore.js';
import type { EventStore } from './EventStore.js';
import { runMigrations } from './runMigrations.js';
import type { SqlDatabase, SqlExecutor } from './SqlDatabase.js';

/** SQLSTATE classes that mean the server, not the request, is the problem. */
const UNAVAILABLE_STATES = /^(08|53|57P)/;
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'EAI_AGAIN',
]);

/**
 * What `pg` says, in words only, when a connection died under a query or a client that lost its
 * connection is used again.
 */
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|not queryable|terminating connection/i;

/**
 * Connection failures become `store/unavailable` (HTTP 503, retry later); anything else is passed
 * on untouched. A transaction whose COMMIT failed this way may or may not have committed: it is
 * reported unavailable, never acknowledged, and an exact retry later finds the event if it was
 * recorded (200) or records it (201).
 */
function translate(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const unreachable =
    (typeof code === 'string' && (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_STATES.test(code))) ||
    (error instanceof Error && UNAVAILABLE_MESSAGES.test(error.message));
  if (!unreachable) return error;
  return new DevolveError({
    code: 'store/unavailable',
    message: `the database is unavailable: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
    hint: 'check DATABASE_URL and that PostgreSQL is running',
  });
}

const CONNECT_TIMEOUT_MS = 5_000;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The server store: a real PostgreSQL through a `pg` connection pool, with the same schema and
 * migrations as the embedded one. Each transaction has its own pooled connection; appends to one
 * organization queue on its row lock, appends to different organizations run in parallel, and
 * several Devolve processes can share one database (each starts by running the idempotent
 * migrations under an advisory lock).
 *
 * `schema` puts the tables in their own PostgreSQL schema (created when missing), which is how
 * tests isolate their runs in one database.
 *
 * @example
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL! });
 */
export async function createPostgresStore(args: {
  connectionString: string;
  schema?: string;
  maxConnections?: number;
}): Promise<EventStore> {
  const { schema } = args;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new DevolveError({
      code: 'store/bad-schema-name',
      message: `'${schema}' is not a plain schema name`,
      hint: 'use lower-case letters, digits and underscores',
    });
  }
  const pool = new pg.Pool({
    connectionString: args.connectionString,
    max: args.maxConnections ?? 10,
    // A database that does not answer at all fails the request (503) instead of holding it.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // A connection dropped by the server (a restart, `pg_ctl stop -m fast`: 57P01) makes its client
  // emit `error`. The pool listens only while a client is idle; a client checked out between two
  // queries has no listener, and an unheard `error` event ends the process. So every client gets
  // a listener of its own for its whole life: the query in flight, if any, fails and is reported
  // as `store/unavailable`, the pool discards the client on release, and the next request opens
  // a fresh connection — which is how the store reconnects by itself.
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  pool.on('error', () => {});

  const run = (client: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      try {
        return (await client.query(text, [...params])).rows as Row[];
      } catch (error) {
        throw translate(error);
      }
    },
    async script(text: string) {
      try {
        await client.query(text);
      } catch (error) {
        throw translate(error);
      }
    },
  });

  const db: SqlDatabase = {
    ...run(pool),
    async transaction(work) {
      let client: pg.PoolClient;
      try {
        client = await pool.connect();
      } catch (error) {
        throw translate(error);
      }
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(run(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        }
        throw translate(error);
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };

  try {
    if (schema !== undefined) await db.script(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await runMigrations({ db });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return createSqlEventStore({ db });
}
