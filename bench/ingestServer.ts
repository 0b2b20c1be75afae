/**
 * The ingest benchmark's server, run in a process of its own so that the clients' work (building
 * requests, parsing answers) is not counted against it: it opens the store named by its argument
 * (`pglite:<data directory>` or `postgres:<schema>` with `DATABASE_URL`), serves it on a free
 * loopback port, prints `listening <url>` and serves until its standard input closes.
 */
import { startServer } from '../src/server/startServer.js';
import { createPgliteStore } from '../src/store/createPgliteStore.js';
import { createPostgresStore } from '../src/store/createPostgresStore.js';
import type { EventStore } from '../src/store/EventStore.js';

async function openStore(spec: string): Promise<EventStore> {
  const [kind, ...rest] = spec.split(':');
  const value = rest.join(':');
  if (kind === 'pglite') return createPgliteStore({ dataDir: value });
  const url = process.env['DATABASE_URL'];
  if (kind === 'postgres' && url !== undefined)
    return createPostgresStore({ connectionString: url, schema: value });
  throw new Error(
    `ingestServer: expected pglite:<dir> or postgres:<schema> (with DATABASE_URL), got '${spec}'`,
  );
}

const store = await openStore(process.argv[2] ?? '');
const server = await startServer({ store, port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${server.url}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  await server.close();
  await store.close();
  process.exit(0);
});
