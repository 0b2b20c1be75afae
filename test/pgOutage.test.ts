import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SignedAction } from '../src/core/log/Action.js';
import type { LogEvent } from '../src/core/log/LogEvent.js';
import { daoFixture } from './support/daoFixture.js';
import { checkChain, readAllEvents } from './support/driveLoad.js';
import { exportAndVerify } from './support/exportAndVerify.js';
import { type ServeProcess, startServeProcess } from './support/serveProcess.js';
import { createTempPostgresCluster, findPostgresBin, freePort } from './support/tempPostgresCluster.js';

const CLIENTS = 5;
/** Bounds the load whatever happens: no client sends more than this many actions. */
const MAX_ACTIONS_PER_CLIENT = 400;
/** Acknowledged actions before the database is stopped, and again after it is back. */
const ACKS_BEFORE = 25;
const ACKS_AFTER = 25;

interface Answer {
  readonly status: number;
  readonly code?: string;
  readonly retryAfter: string | null;
  readonly event?: LogEvent;
}

async function post(url: string, body: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { event?: LogEvent; code?: string };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    ...(json.code === undefined ? {} : { code: json.code }),
    ...(json.event === undefined ? {} : { event: json.event }),
  };
}

const bin = findPostgresBin();
const required = process.env['REQUIRE_POSTGRES'] === '1';

/**
 * The PostgreSQL behind `devolve serve` is restarted (`pg_ctl stop -m fast`, then start) while
 * clients append signed actions. The server must live through it, answer 503 with
 * `store/unavailable` and `Retry-After` while the database is away, and go on by itself when it
 * is back; every acknowledged action is in the log exactly once, every action refused for the
 * outage is recorded exactly once when sent again (200 if its commit had gone through, 201 if
 * not), and the exported log verifies.
 */
describe.skipIf(bin === undefined && !required)(
  `PostgreSQL outage under load${bin === undefined ? ' (skipped: no initdb/pg_ctl under /usr/lib/postgresql; install postgresql to run it)' : ''}`,
  () => {
    const work = mkdtempSync(join(tmpdir(), 'devolve-pg-outage-'));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it('survives a database restart mid-load, loses nothing acknowledged and records nothing twice', async () => {
      if (bin === undefined) throw new Error('REQUIRE_POSTGRES=1 but initdb/pg_ctl are not installed');
      const cluster = await createTempPostgresCluster({ bin, port: await freePort() });
      let serve: ServeProcess | undefined;
      try {
        serve = await startServeProcess({ args: [], databaseUrl: cluster.url });
        const dao = daoFixture({ org: 'lumen-outage' });
        const endpoint = `${serve.url}/api/orgs/${dao.org}/actions`;
        const created = await post(`${serve.url}/api/orgs`, dao.create());
        expect(created.status, serve.stderr()).toBe(201);
        // jonas registers the key the charter pins for him before he acts.
        const registered = await post(endpoint, dao.register({ head: created.event!.hash, actor: 'jonas' }));
        expect(registered.status, serve.stderr()).toBe(201);

        const acknowledged: LogEvent[] = [];
        const unavailable: { signed: SignedAction; answer: Answer }[] = [];
        const other: Answer[] = [];
        let phase: 'before' | 'outage' | 'after' | 'done' = 'before';
        let acksAfter = 0;

        async function client(index: number): Promise<void> {
          let head = registered.event!.hash;
          for (let i = 0; i < MAX_ACTIONS_PER_CLIENT && phase !== 'done'; i++) {
            const signed = dao.amendBrand({
              head,
              description: `client ${index}, action ${i}`,
              actor: index % 2 === 0 ? 'mara' : 'jonas',
            });
            // A failed connection to the API itself (the server died) fails the test here.
            const answer = await post(endpoint, signed);
            if ((answer.status === 201 || answer.status === 200) && answer.event !== undefined) {
              acknowledged.push(answer.event);
              head = answer.event.hash;
              if (phase === 'after') acksAfter += 1;
            } else if (answer.status === 503) {
              unavailable.push({ signed, answer });
              await new Promise((resolve) => setTimeout(resolve, 20));
            } else {
              other.push(answer);
            }
          }
        }

        const load = Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
        let failed: unknown;
        load.catch((error: unknown) => {
          failed = error;
        });
        const until = async (condition: () => boolean, what: string) => {
          for (let waited = 0; !condition(); waited += 20) {
            // A client whose request could not even be answered: the server is gone.
            if (failed !== undefined)
              throw new Error(`the server failed: ${String(failed)}\n${serve?.stderr()}`);
            if (waited > 120_000) throw new Error(`timed out waiting for ${what}`);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        };
        await until(() => acknowledged.length >= ACKS_BEFORE, 'the first acknowledgements');
        phase = 'outage';
        await cluster.stop();
        await until(() => unavailable.length >= CLIENTS, 'answers during the outage');
        await cluster.start();
        phase = 'after';
        await until(() => acksAfter >= ACKS_AFTER, 'acknowledgements after the restart');
        phase = 'done';
        await load;

        // The server lived through it and answered the outage as a passing failure.
        expect(serve.child.exitCode, serve.stderr()).toBeNull();
        expect(other).toEqual([]);
        expect(unavailable.length).toBeGreaterThanOrEqual(CLIENTS);
        for (const { answer } of unavailable) {
          expect(answer).toMatchObject({ status: 503, code: 'store/unavailable' });
          expect(Number(answer.retryAfter)).toBeGreaterThan(0);
        }

        // Exact retries of the refused actions: each recorded now (201) or found recorded (200).
        const retried: LogEvent[] = [];
        for (const { signed } of unavailable) {
          const retry = await post(endpoint, signed);
          expect([200, 201], JSON.stringify(retry)).toContain(retry.status);
          retried.push(retry.event!);
        }
        const events = await readAllEvents({ url: serve.url, org: dao.org });
        expect(checkChain({ events, acknowledged: [...acknowledged, ...retried] })).toEqual([]);
        // org.create and jonas's key.register + every acknowledged action + every refused one, each once.
        expect(events.length).toBe(2 + acknowledged.length + unavailable.length);

        serve.child.kill('SIGTERM');
        expect(await serve.exited).toBe(0);
        exportAndVerify({
          work,
          org: dao.org,
          storeArgs: [],
          databaseUrl: cluster.url,
          head: events.at(-1)!.hash,
          events: events.length,
        });
      } finally {
        if (serve !== undefined && serve.child.exitCode === null && serve.child.signalCode === null) {
          serve.child.kill('SIGKILL');
          await serve.exited;
        }
        await cluster.destroy();
      }
    }, 300_000);
  },
);
