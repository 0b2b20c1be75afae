import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadEvidence } from '../../../src/core/evidence/loadEvidence.js';
import { type RunningServer, startServer } from '../../../src/server/startServer.js';
import { createPgliteStore } from '../../../src/store/createPgliteStore.js';
import type { EventStore } from '../../../src/store/EventStore.js';
import { type DaoFixture, daoFixture } from '../../support/daoFixture.js';

const DAO_EVIDENCE = fileURLToPath(new URL('../../../templates/dao.evidence.yaml', import.meta.url));

export interface DemoServer {
  readonly store: EventStore;
  readonly server: RunningServer;
  readonly dao: DaoFixture;
  close(): Promise<void>;
}

/**
 * What `devolve demo` serves, in process: the dao template's organization (Lumen Protocol) recorded
 * by its founder in an in-memory PGlite, its sample evidence behind the plan, and the API with the
 * built dashboard on a free loopback port.
 */
export async function startDemoServer(args: { org: string }): Promise<DemoServer> {
  const store = await createPgliteStore();
  const dao = daoFixture({ org: args.org });
  await store.createOrganization({ signed: dao.create(), now: new Date() });
  const { organization } = await store.readState({ org: args.org });
  const loaded = loadEvidence({ text: readFileSync(DAO_EVIDENCE, 'utf8'), file: DAO_EVIDENCE, organization });
  if (!loaded.ok) throw new Error(`templates/dao.evidence.yaml does not load: ${loaded.errors[0]?.message}`);
  const { evidence } = loaded;
  const server = await startServer({ store, port: 0, host: '127.0.0.1', evidence: async () => evidence });
  return {
    store,
    server,
    dao,
    async close() {
      await server.close();
      await store.close();
    },
  };
}
