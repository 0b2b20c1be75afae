import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';

/**
 * Runs a suite against the PostgreSQL named by `DATABASE_URL`. Without it the suite is skipped
 * with its reason — unless `REQUIRE_POSTGRES=1` (as in CI), when it fails instead: a suite that
 * must run may never pass by skipping.
 *
 * @example
 * describeWithPostgres('PostgreSQL store', (url) => { … });
 */
export function describeWithPostgres(name: string, body: (url: string) => void): void {
  const url = process.env['DATABASE_URL'];
  if (url !== undefined && url !== '') {
    describe(name, () => body(url));
  } else if (process.env['REQUIRE_POSTGRES'] === '1') {
    describe(name, () => {
      it('needs PostgreSQL', () => {
        throw new Error(
          'REQUIRE_POSTGRES=1 but DATABASE_URL is not set: set it, e.g. DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/devolve_test',
        );
      });
    });
  } else {
    describe.skip(`${name} (skipped: DATABASE_URL is not set; set it to run against PostgreSQL)`, () =>
      body(''));
  }
}

export interface TestSchema {
  /** A fresh schema name, e.g. `devolve_t_4242_9f3a1c`. */
  readonly schema: string;
  /** `DATABASE_URL` with the schema as search path: what a child process is given. */
  readonly url: string;
  /** Runs SQL in the schema directly. */
  execute(sql: string, params?: unknown[]): Promise<void>;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * A schema of its own for one test run, so runs sharing a database (in parallel, or after a
 * crash) never see each other's tables; dropped afterwards.
 */
export async function createTestSchema(args: { url: string }): Promise<TestSchema> {
  const schema = `devolve_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: args.url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(args.url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    schema,
    url: scoped.toString(),
    async execute(sql, params = []) {
      await admin.query(`SET search_path TO ${schema}`);
      await admin.query(sql, params);
    },
    async drop() {
      try {
        await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
