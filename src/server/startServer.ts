import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { EventStore } from '../store/EventStore.js';
import { createApp } from './createApp.js';
import type { EvidenceSource } from './dashboardRoutes.js';
import { leanActionsHandler } from './leanActionsHandler.js';

export const DEFAULT_PORT = 4747;
/** Loopback only unless asked otherwise: a fresh `devolve serve` is never reachable from outside. */
export const DEFAULT_HOST = '127.0.0.1';

/** How long a stopping server waits for requests in flight before cutting their connections. */
const CLOSE_GRACE_MS = 5_000;

export interface RunningServer {
  /** e.g. `http://127.0.0.1:4747` */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections, lets requests in flight finish, closes the rest; the store stays open. */
  close(): Promise<void>;
}

/**
 * Serves the API over HTTP: a node:http server whose requests go to the Hono app through
 * @hono/node-server, except signed actions (`POST /api/orgs/<org>/actions`), which
 * `leanActionsHandler` answers in front of it with the same answers, at a fraction of the cost.
 * Port 0 picks a free port (tests); the resolved one is in the result.
 *
 * @example
 * const server = await startServer({ store, port: 0 });
 * await fetch(`${server.url}/api/orgs`);
 */
export async function startServer(args: {
  store: EventStore;
  port?: number;
  host?: string;
  clock?: () => Date;
  evidence?: EvidenceSource;
  /** false: every request goes through Hono, signed actions too (the lean path's tests compare the two). */
  leanActions?: boolean;
}): Promise<RunningServer> {
  const clock = args.clock === undefined ? {} : { clock: args.clock };
  const app = createApp({
    store: args.store,
    ...clock,
    ...(args.evidence === undefined ? {} : { evidence: args.evidence }),
  });
  const host = args.host ?? DEFAULT_HOST;
  const hono = getRequestListener(app.fetch, { hostname: host });
  const lean = args.leanActions === false ? () => false : leanActionsHandler({ store: args.store, ...clock });
  const server = createServer((request, response) => {
    if (!lean(request, response)) void hono(request, response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      const info = server.address() as AddressInfo;
      const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            // Requests in flight get their answer (an append may already be committed); idle
            // keep-alive connections close now, and stragglers after a grace period.
            server.close(() => done());
            server.closeIdleConnections();
            setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
          }),
      });
    });
  });
}
