import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteStore } from './createPgliteStore.js';
import { createSqlEventStore } from './createSqlEventStore.js';
import { describeEventStoreContract } from './EventStore.contract.js';
import { describeEvidenceStoreContract } from './evidenceStore.contract.js';
import { openPgliteThread } from './openPgliteThread.js';
import { runMigrations } from './runMigrations.js';
import type { SqlExecutor } from './SqlDatabase.js';
import { isUniqueViolation } from './sqlWrites.js';

const root = mkdtempSync(join(tmpdir(), 'devolve-pglite-thread-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => join(root, `data-${dirs++}`);

/** The store as `createPgliteStore` makes it on a data directory, with the thread at hand. */
const threadSubject = async () => {
  const db = await openPgliteThread({ dataDir: freshDir() });
  await runMigrations({ db });
  const store = createSqlEventStore({ db });
  return {
    store,
    async execute(sql: string, params: unknown[] = []) {
      await db.query(sql, params);
    },
    teardown: () => store.close(),
  };
};

describeEvidenceStoreContract({ name: 'PGlite (own thread, data directory)', setup: threadSubject });

describeEventStoreContract({ name: 'PGlite (own thread, data directory)', setup: threadSubject });

/** A promise and the function that resolves it. */
function signal(): [Promise<void>, () => void] {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return [promise, fire];
}

/** A few turns of the event loop, in which a call that is not held back would be answered. */
async function turns(count = 20): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('PGlite in a thread of its own', () => {
  it('makes a query issued while a transaction is open wait for its commit, outside it', async () => {
    const db = await openPgliteThread({});
    await db.script('CREATE TABLE t (id integer PRIMARY KEY)');
    const order: string[] = [];
    const [insertedOnce, inserted] = signal();
    const [gate, finish] = signal();
    const transaction = db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id) VALUES (1)');
      inserted();
      await gate;
      order.push('work done');
      return 'committed';
    });
    await insertedOnce;
    const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM t').then((rows) => {
      order.push('outside answered');
      return rows;
    });
    await turns();
    // Had it joined the transaction it would have been answered by now, seeing the open insert.
    expect(order).toEqual([]);
    finish();
    expect(await transaction).toBe('committed');
    expect(await outside).toEqual([{ n: 1 }]);
    expect(order).toEqual(['work done', 'outside answered']);
    await db.close();
  });

  it('rolls back when the work throws, rethrows its error, and the queued query sees nothing of it', async () => {
    const db = await openPgliteThread({});
    await db.script('CREATE TABLE t (id integer PRIMARY KEY)');
    const failure = new Error('the work failed');
    const [insertedOnce, inserted] = signal();
    const [gate, finish] = signal();
    const transaction = db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id) VALUES (1)');
      inserted();
      await gate;
      throw failure;
    });
    await insertedOnce;
    const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
    finish();
    await expect(transaction).rejects.toBe(failure);
    // Run after the rollback, not inside the transaction: the insert is gone.
    expect(await outside).toEqual([{ n: 0 }]);
    // The connection is free again for the next transaction.
    expect(await db.transaction((tx) => tx.query<{ n: number }>('SELECT 1 AS n'))).toEqual([{ n: 1 }]);
    await db.close();
  });

  it('fails a transaction whose first statement fails, and serves the next one', async () => {
    const db = await openPgliteThread({});
    await db.script('CREATE TABLE t (id integer PRIMARY KEY)');
    // The first statement carries BEGIN with it: its failure is the transaction's.
    await expect(db.transaction((tx) => tx.query('SELEC 1'))).rejects.toMatchObject({ code: '42601' });
    let kept: SqlExecutor | undefined;
    await db.transaction(async (tx) => {
      kept = tx;
      await tx.query('INSERT INTO t (id) VALUES (1)');
    });
    // A transaction is over once its work resolved: a statement sent through it then is refused.
    await expect(kept!.query('INSERT INTO t (id) VALUES (2)')).rejects.toThrow('Transaction is closed');
    expect(await db.query('SELECT id FROM t')).toEqual([{ id: 1 }]);
    await db.close();
  });

  it('passes a unique violation across with its code, message and detail', async () => {
    const db = await openPgliteThread({});
    await db.script('CREATE TABLE t (id integer PRIMARY KEY)');
    await db.query('INSERT INTO t (id) VALUES ($1)', [7]);
    const outside = await db.query('INSERT INTO t (id) VALUES ($1)', [7]).catch((error: unknown) => error);
    expect(outside).toBeInstanceOf(Error);
    expect(outside).toMatchObject({
      code: '23505',
      message: expect.stringContaining('duplicate key value violates unique constraint'),
      detail: 'Key (id)=(7) already exists.',
    });
    expect(isUniqueViolation(outside)).toBe(true);
    // Inside a transaction too, and the transaction then rolls back with it.
    const inside = await db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO t (id) VALUES ($1)', [8]);
        await tx.query('INSERT INTO t (id) VALUES ($1)', [7]);
      })
      .catch((error: unknown) => error);
    expect(isUniqueViolation(inside)).toBe(true);
    expect(await db.query('SELECT id FROM t ORDER BY id')).toEqual([{ id: 7 }]);
    await db.close();
  });

  it('returns rows of the same types as PGlite in this thread', async () => {
    const sql = `SELECT 1::int AS i, 2::bigint AS b, 1.5::float8 AS f, 'x'::text AS s, true AS t, NULL::text AS n,
      '2026-01-02T03:04:05Z'::timestamptz AS at, '{"a":[1,2]}'::jsonb AS j, '\\x0102'::bytea AS bytes,
      ARRAY[1,2]::int[] AS list, $1::text AS param`;
    const here = await PGlite.create();
    const db = await openPgliteThread({});
    const expected = (await here.query(sql, ['é'])).rows;
    const rows = await db.query(sql, ['é']);
    expect(rows).toEqual(expected);
    expect((rows[0] as { at: unknown }).at).toBeInstanceOf(Date);
    await here.close();
    await db.close();
  });

  it('fails every pending and later call with a clear error once the thread has stopped', async () => {
    const db = await openPgliteThread({ dataDir: freshDir() });
    const pending = db.query('SELECT pg_sleep(1)');
    await db.worker.terminate();
    const stopped = { code: 'store/data-dir-unusable', message: expect.stringContaining('thread') };
    await expect(pending).rejects.toMatchObject(stopped);
    await expect(db.query('SELECT 1')).rejects.toMatchObject(stopped);
    await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toMatchObject(stopped);
    // Nothing is left to close.
    await db.close();
  });

  it('reports a directory PGlite cannot open as store/data-dir-unusable, and lets go of it', async () => {
    const dataDir = freshDir();
    mkdirSync(join(dataDir, 'base'), { recursive: true });
    writeFileSync(join(dataDir, 'PG_VERSION'), 'not a version\n');
    const unusable = { code: 'store/data-dir-unusable', message: expect.stringContaining(dataDir) };
    await expect(createPgliteStore({ dataDir })).rejects.toMatchObject(unusable);
    // The lock went with the failed attempt: the next one fails the same way, not as in use.
    await expect(createPgliteStore({ dataDir })).rejects.toMatchObject(unusable);
  });

  it('refuses calls after close', async () => {
    const db = await openPgliteThread({});
    await db.close();
    await expect(db.query('SELECT 1')).rejects.toMatchObject({ message: expect.stringContaining('closed') });
  });

  it('lets a command exit once it closed the store, and keeps it alive while it waits for an answer', () => {
    const store = fileURLToPath(new URL('./createPgliteStore.ts', import.meta.url));
    // A process with nothing else to wait for: it must print its answer and exit by itself.
    const script = `
      import { createPgliteStore } from ${JSON.stringify(store)};
      const store = await createPgliteStore({ dataDir: process.argv[1] });
      const organizations = await store.listOrganizations();
      await store.close();
      console.log('closed with ' + organizations.length);
    `;
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script, freshDir()],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(output.trim()).toBe('closed with 0');
  });
});
