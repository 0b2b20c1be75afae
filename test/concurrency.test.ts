import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../src/core/log/verifyLog.js';
import { logCrypto } from '../src/identity/logCrypto.js';
import { type RunningServer, startServer } from '../src/server/startServer.js';
import { createPgliteStore } from '../src/store/createPgliteStore.js';
import { createPostgresStore } from '../src/store/createPostgresStore.js';
import type { EventStore } from '../src/store/EventStore.js';
import { callApi } from './support/callApi.js';
import { daoFixture } from './support/daoFixture.js';
import { createTestSchema, describeWithPostgres, type TestSchema } from './support/describeWithPostgres.js';
import { checkChain, driveLoad, readAllEvents } from './support/driveLoad.js';

const CLIENTS = 50;
const ACTIONS_PER_CLIENT = 6;

/**
 * 50 clients append signed actions to one organization at once over real HTTP on loopback. The
 * store must serialize them: afterwards the log is one chain and holds every acknowledged action
 * exactly once. Runs on each store adapter.
 */
function concurrencySuite(
  name: string,
  open: () => Promise<{ store: EventStore; cleanup(): Promise<void> }>,
) {
  describe(`concurrent appends over HTTP: ${name}`, () => {
    let opened: { store: EventStore; cleanup(): Promise<void> };
    let server: RunningServer;

    beforeAll(async () => {
      opened = await open();
      server = await startServer({ store: opened.store, port: 0, host: '127.0.0.1' });
    });
    afterAll(async () => {
      await server?.close();
      await opened?.cleanup();
    });

    it(`${CLIENTS} clients × ${ACTIONS_PER_CLIENT} actions: a linear chain with every acknowledged action once`, async () => {
      const dao = daoFixture({ org: 'lumen-load' });
      const created = await callApi(server.url, 'POST', '/api/orgs', dao.create());
      expect(created.status).toBe(201);
      const { event: genesis } = created.json as { event: { hash: string } };
      // jonas registers the key the charter pins for him before he acts.
      const registered = await callApi(
        server.url,
        'POST',
        `/api/orgs/${dao.org}/actions`,
        dao.register({ head: genesis.hash, actor: 'jonas' }),
      );
      expect(registered.status).toBe(201);
      const { event: start } = registered.json as { event: { hash: string } };

      const load = await driveLoad({
        url: server.url,
        dao,
        head: start.hash,
        clients: CLIENTS,
        actionsPerClient: ACTIONS_PER_CLIENT,
      });
      expect(load.refused).toEqual([]);
      expect(load.unanswered).toEqual([]);
      // Every one of the 50 × 6 = 300 actions was acknowledged …
      expect(load.acknowledged).toHaveLength(CLIENTS * ACTIONS_PER_CLIENT);
      // … and the log is events 0 and 1 plus those 300, in one chain.
      const events = await readAllEvents({ url: server.url, org: dao.org });
      expect(events).toHaveLength(2 + CLIENTS * ACTIONS_PER_CLIENT);
      expect(checkChain({ events, acknowledged: load.acknowledged })).toEqual([]);

      const exported = (await callApi(server.url, 'GET', `/api/orgs/${dao.org}/export`)).text;
      const verified = await verifyLog({ lines: exported.slice(0, -1).split('\n'), crypto: logCrypto });
      expect(verified).toMatchObject({ ok: true, events: 2 + CLIENTS * ACTIONS_PER_CLIENT });
      expect((await opened.store.rebuild({ org: dao.org })).identical).toBe(true);
    }, 120_000);
  });
}

concurrencySuite('PGlite', async () => {
  const store = await createPgliteStore();
  return { store, cleanup: () => store.close() };
});

describeWithPostgres('concurrent appends over HTTP on PostgreSQL', (url) => {
  let schema: TestSchema | undefined;
  concurrencySuite('PostgreSQL', async () => {
    schema = await createTestSchema({ url });
    const store = await createPostgresStore({ connectionString: url, schema: schema.schema });
    return {
      store,
      async cleanup() {
        await store.close();
        await schema?.drop();
      },
    };
  });
});
