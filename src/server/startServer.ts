import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { EventStore } from '../store/EventStore.js';
import { createApp } from './createApp.js';
import type { EvidenceSource } from './dashboardRoutes.js';

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
 * Serves the API over HTTP with @hono/node-server. Port 0 picks a free port (tests); the
 * resolved one is in the result.
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
}): Promise<RunningServer> {
  const app = createApp({
    store: args.store,
    ...(args.clock === undefined ? {} : { clock: args.clock }),
    ...(args.evidence === undefined ? {} : { evidence: args.evidence }),
  });
  const host = args.host ?? DEFAULT_HOST;
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: args.port ?? DEFAULT_PORT, hostname: host },
      (info: AddressInfo) => {
        server.off('error', reject);
        const shown = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${shown}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              // Requests in flight get their answer (an append may already be committed); idle
              // keep-alive connections close now, and stragglers after a grace period.
              server.close(() => done());
              if ('closeIdleConnections' in server) server.closeIdleConnections();
              setTimeout(() => {
                if ('closeAllConnections' in server) server.closeAllConnections();
              }, CLOSE_GRACE_MS).unref();
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
