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

/** Connection failures become `store/unavailable`; anything else is passed on untouched. */
function translate(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const unreachable =
    (typeof code === 'string' && (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_STATES.test(code))) ||
    (error instanceof Error && /Connection terminated|connection timeout/i.test(error.message));
  if (!unreachable) return error;
  return new DevolveError({
    code: 'store/unavailable',
    message: `the database is unavailable: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
    hint: 'check DATABASE_URL and that PostgreSQL is running',
  });
}

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
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client losing its connection must not take the process down; the next query reports it.
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
