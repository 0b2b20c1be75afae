import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { votingLumen } from '../../test/support/votingLumen.js';
import type { SignedAction } from '../core/log/Action.js';
import { createPgliteStore } from '../store/createPgliteStore.js';
import type { EventStore } from '../store/EventStore.js';
import { startServer } from './startServer.js';

/**
 * Posts `signed` to the server in two pieces: the headers and half the body, then — once
 * `between` has run (the server is told to stop meanwhile) — the rest. Resolves with the answer.
 */
function postInTwoPieces(
  url: string,
  signed: SignedAction,
  between: () => void,
): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(signed);
  const half = Math.floor(body.length / 2);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      new URL(`/api/orgs/${signed.action.org}/actions`, url),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.flushHeaders();
    outgoing.write(body.slice(0, half), () => {
      // The server has the request's head and part of its body: the request is in flight.
      setImmediate(() => {
        between();
        outgoing.end(body.slice(half));
      });
    });
  });
}

describe('a stopping server', () => {
  let store: EventStore | undefined;
  afterEach(async () => {
    await store?.close();
  });

  for (const leanActions of [true, false]) {
    it(`answers a signed action in flight when it is told to stop, and takes no new connection (${leanActions ? 'lean path' : 'Hono alone'})`, async () => {
      store = await createPgliteStore();
      const lumen = votingLumen({ org: `lumen-stop-${leanActions ? 'lean' : 'hono'}`, voters: 5 });
      const now = new Date();
      const { event: genesis } = await store.createOrganization({ signed: lumen.create(), now });
      const registration = lumen.registrations(genesis.hash).find((s) => s.action.actor !== 'mara')!;
      const server = await startServer({ store, port: 0, leanActions });
      let closed: Promise<void> | undefined;
      const answer = await postInTwoPieces(server.url, registration, () => {
        closed = server.close();
      });
      // Acknowledged, and in the log: an append the server had begun is not cut off.
      expect(answer.status).toBe(201);
      expect(JSON.parse(answer.body)).toMatchObject({ created: true, event: { seq: 1 } });
      await closed;
      expect(await store.readHead({ org: lumen.org })).toMatchObject({ seq: 1 });
      await expect(fetch(`${server.url}/api/orgs`)).rejects.toThrow();
    });
  }
});
