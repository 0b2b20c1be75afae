import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SignedAction } from '../src/core/log/Action.js';
import { startServer } from '../src/server/startServer.js';
import { createPgliteStore } from '../src/store/createPgliteStore.js';
import { createPostgresStore } from '../src/store/createPostgresStore.js';
import type { EventStore } from '../src/store/EventStore.js';
import { daoFixture } from '../test/support/daoFixture.js';
import { createTestSchema } from '../test/support/describeWithPostgres.js';
import type { Benchmark } from './Benchmark.js';

/** `INGEST_BENCH_ACTIONS` shortens a trial run. */
const ACTIONS = Number(process.env['INGEST_BENCH_ACTIONS'] ?? 400);
const WARMUP = 40;
const CLIENTS = 16;
/** The ratio reported: PGlite actions per second divided by this (no goal yet). */
const PER = 1000;

interface Rates {
  /** Signed actions recorded per second over HTTP. */
  readonly http: number;
  /** The same, calling the store in process (no HTTP): what HTTP costs on top. */
  readonly direct: number;
}

/**
 * Posts pre-signed actions with `clients` concurrent clients; returns actions per second. The
 * actions are signed before the clock starts (each against event 0, a head in the log), so the
 * figure is the server's: parse, verify, authorize, seal and commit.
 */
async function post(
  url: string,
  org: string,
  actions: readonly SignedAction[],
  clients: number,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < actions.length) {
        const signed = actions[next++]!;
        const response = await fetch(`${url}/api/orgs/${org}/actions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(signed),
        });
        if (response.status !== 201)
          throw new Error(`append refused: ${response.status} ${await response.text()}`);
      }
    }),
  );
  return actions.length / ((performance.now() - started) / 1000);
}

/** Ingest rates of one store, over HTTP on loopback and in process. */
async function measure(store: EventStore): Promise<Rates> {
  const server = await startServer({ store, port: 0, host: '127.0.0.1' });
  try {
    const rate = async (org: string, direct: boolean): Promise<number> => {
      const dao = daoFixture({ org });
      const { event: genesis } = await store.createOrganization({ signed: dao.create(), now: new Date() });
      const { event } = await store.append({
        signed: dao.register({ head: genesis.hash, actor: 'jonas' }),
        now: new Date(),
      });
      const sign = (i: number) =>
        dao.amendBrand({
          head: event.hash,
          description: `action ${i}`,
          actor: i % 2 === 0 ? 'mara' : 'jonas',
        });
      const warmup = Array.from({ length: WARMUP }, (_, i) => sign(i));
      const actions = Array.from({ length: ACTIONS }, (_, i) => sign(WARMUP + i));
      if (!direct) {
        await post(server.url, org, warmup, CLIENTS);
        return post(server.url, org, actions, CLIENTS);
      }
      for (const signed of warmup) await store.append({ signed, now: new Date() });
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (next < actions.length) await store.append({ signed: actions[next++]!, now: new Date() });
        }),
      );
      return actions.length / ((performance.now() - started) / 1000);
    };
    return { http: await rate('ingest-http', false), direct: await rate('ingest-direct', true) };
  } finally {
    await server.close();
  }
}

const benchmark: Benchmark = {
  name: 'ingest',
  description: `signed charter.amend actions per second over HTTP on loopback (${ACTIONS} actions, ${CLIENTS} clients), PGlite on disk and PostgreSQL`,
  async run(log) {
    const dir = await mkdtemp(join(tmpdir(), 'devolve-ingest-'));
    let pglite: Rates;
    try {
      const store = await createPgliteStore({ dataDir: join(dir, 'data') });
      try {
        pglite = await measure(store);
      } finally {
        await store.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    log(
      `PGlite (data directory)  ${pglite.http.toFixed(1)} actions/s over HTTP · ${pglite.direct.toFixed(1)} in process`,
    );

    let postgres: Rates | undefined;
    const url = process.env['DATABASE_URL'];
    if (url !== undefined && url !== '') {
      const schema = await createTestSchema({ url });
      try {
        const store = await createPostgresStore({ connectionString: url, schema: schema.schema });
        try {
          postgres = await measure(store);
        } finally {
          await store.close();
        }
      } finally {
        await schema.drop();
      }
      log(
        `PostgreSQL               ${postgres.http.toFixed(1)} actions/s over HTTP · ${postgres.direct.toFixed(1)} in process`,
      );
    } else {
      log('PostgreSQL               skipped (DATABASE_URL is not set)');
    }
    const ratio = pglite.http / PER;
    log(`ratio = PGlite actions/s over HTTP ÷ ${PER} = ${ratio.toFixed(3)} (reported only; no goal yet)`);
    return {
      name: 'ingest',
      ratio,
      figures: {
        ratioIs: `PGlite signed actions per second over HTTP ÷ ${PER} (no goal)`,
        actions: ACTIONS,
        clients: CLIENTS,
        pgliteHttpActionsPerSecond: Math.round(pglite.http * 10) / 10,
        pgliteInProcessActionsPerSecond: Math.round(pglite.direct * 10) / 10,
        postgresHttpActionsPerSecond:
          postgres === undefined ? 'skipped: DATABASE_URL not set' : Math.round(postgres.http * 10) / 10,
        postgresInProcessActionsPerSecond:
          postgres === undefined ? 'skipped: DATABASE_URL not set' : Math.round(postgres.direct * 10) / 10,
      },
    };
  },
};

export default benchmark;
