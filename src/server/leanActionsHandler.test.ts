import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519Key } from '../../test/support/signedLog.js';
import { TREASURY_PROPOSAL, votingLumen } from '../../test/support/votingLumen.js';
import type { SignedAction } from '../core/log/Action.js';
import { signAction } from '../identity/signAction.js';
import { createPgliteStore } from '../store/createPgliteStore.js';
import type { EventStore } from '../store/EventStore.js';
import { createApp } from './createApp.js';
import { leanActionsHandler } from './leanActionsHandler.js';
import { MAX_BODY_BYTES } from './readJsonBody.js';
import { type RunningServer, startServer } from './startServer.js';

/** One request of the table, sent alike to every server. */
interface Sent {
  readonly name: string;
  readonly method?: string;
  /** Under the organization's actions route unless it starts with `/`. */
  readonly path?: string;
  /** Replaces the default `content-type: application/json` (and the computed `content-length`). */
  readonly headers?: Record<string, string | number | string[]>;
  readonly body?: string | Buffer;
  /** Sent with `transfer-encoding: chunked`, in two pieces. */
  readonly chunked?: boolean;
  /** The headers only, declaring a length the body never reaches: the answer comes first. */
  readonly declaredOnly?: boolean;
  readonly status: number;
  /** Whether the lean path answers it, rather than Hono. */
  readonly lean: boolean;
}

interface Received {
  readonly status: number;
  /** Every response header, name and value as sent, in order; `Date`'s value blanked. */
  readonly headers: string[];
  readonly body: string;
}

const ORG = 'lumen-lean';
const ROUTE = `/api/orgs/${ORG}/actions`;

function exchange(url: string, agent: Agent, sent: Sent): Promise<Received> {
  const body = sent.body ?? '';
  const headers: Record<string, string | number | string[]> = sent.headers ?? {
    'content-type': 'application/json',
  };
  if (!sent.chunked && !sent.declaredOnly && headers['content-length'] === undefined)
    headers['content-length'] = Buffer.byteLength(body);
  const path =
    sent.path === undefined ? ROUTE : sent.path.startsWith('/') ? sent.path : `${ROUTE}${sent.path}`;
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    // The path as written: a URL would resolve its dot segments before sending it.
    const outgoing = request(
      {
        hostname,
        port,
        path,
        method: sent.method ?? 'POST',
        headers,
        agent: sent.declaredOnly ? false : agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (sent.declaredOnly) outgoing.destroy();
          resolve({
            status: response.statusCode ?? 0,
            headers: response.rawHeaders.map((value, i) =>
              i % 2 === 1 && response.rawHeaders[i - 1]!.toLowerCase() === 'date' ? '(date)' : value,
            ),
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', (error) => {
      if (!sent.declaredOnly) reject(error);
    });
    if (sent.declaredOnly) outgoing.flushHeaders();
    else if (sent.chunked) {
      const text = body.toString();
      outgoing.write(text.slice(0, 10));
      outgoing.end(text.slice(10));
    } else outgoing.end(body);
  });
}

/**
 * The lean path must answer exactly what the Hono route answers. Three servers on stores that
 * hold the same log (the same signed actions, appended at the same instants): one as `devolve
 * serve` runs (the lean path on), one with Hono alone, and one built here that records which
 * requests the lean path takes. Every request of the table goes to each in turn, over real HTTP
 * on keep-alive connections, and the answers — status, every header in order, body — must match.
 */
describe('the lean path for signed actions (leanActionsHandler)', () => {
  const setupAt = new Date();
  // Every action is signed now, so the servers' clock is a minute later: none is from the future.
  const clock = () => new Date(setupAt.getTime() + 60_000);
  const lumen = votingLumen({ org: ORG, voters: 8 });
  const elsewhere = votingLumen({ org: 'lumen-absent', voters: 5 });
  const setup: SignedAction[] = [];
  const stores: EventStore[] = [];
  const running: RunningServer[] = [];
  let built: Server;
  const taken: string[] = [];
  let table: Sent[];

  async function prepared(): Promise<EventStore> {
    const store = await createPgliteStore();
    stores.push(store);
    await store.createOrganization({ signed: setup[0]!, now: setupAt });
    for (const signed of setup.slice(1)) await store.append({ signed, now: setupAt });
    return store;
  }

  beforeAll(async () => {
    const first = await createPgliteStore();
    stores.push(first);
    const create = lumen.create();
    const { event: genesis } = await first.createOrganization({ signed: create, now: setupAt });
    setup.push(create, ...lumen.registrations(genesis.hash));
    for (const signed of setup.slice(1)) await first.append({ signed, now: setupAt });
    const opening = lumen.openProposal(genesis.hash);
    const { event: opened } = await first.append({ signed: opening, now: setupAt });
    setup.push(opening);
    const head = opened.hash;
    const vote = JSON.stringify(lumen.vote({ head, index: 0 }));
    const sign = (fields: { actor?: string; kind?: string; payload?: unknown; org?: string }) =>
      JSON.stringify(
        signAction({
          key: fields.actor === 'stranger' ? ed25519Key() : lumen.keys[fields.actor ?? 'jonas']!,
          org: fields.org ?? ORG,
          kind: fields.kind ?? 'vote.cast',
          actor: fields.actor ?? 'jonas',
          payload: fields.payload ?? {
            proposal: TREASURY_PROPOSAL,
            ballot: { choice: 'for' },
            reason: 'yes',
          },
          head,
          now: new Date(),
        }),
      );
    const tampered = lumen.vote({ head, index: 2 });
    const badSignature = JSON.stringify({
      ...tampered,
      signature: `${tampered.signature.slice(0, -4)}${tampered.signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`,
    });
    const type = (value: string) => ({ 'content-type': value });
    table = [
      { name: 'a valid vote', body: vote, status: 201, lean: true },
      { name: 'the same vote again', body: vote, status: 200, lean: true },
      { name: 'another vote', body: JSON.stringify(lumen.vote({ head, index: 1 })), status: 201, lean: true },
      { name: 'a bad signature', body: badSignature, status: 403, lean: true },
      {
        name: 'a wrong organization in the path',
        path: '/api/orgs/lumen-other/actions',
        body: vote,
        status: 403,
        lean: true,
      },
      {
        name: 'a path organization spelled otherwise',
        path: '/api/orgs/Lumen_Lean/actions',
        body: vote,
        status: 403,
        lean: true,
      },
      { name: 'not JSON', body: 'not json', status: 400, lean: true },
      { name: 'not UTF-8', body: Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), status: 400, lean: true },
      { name: 'a byte-order mark before the vote', body: `\ufeff${vote}`, status: 200, lean: true },
      { name: 'JSON but no signed action', body: '[1,2,3]', status: 400, lean: true },
      { name: 'an empty body', body: '', status: 400, lean: true },
      { name: 'a wrong content-type', headers: type('text/plain'), body: vote, status: 415, lean: true },
      { name: 'no content-type', headers: {}, body: vote, status: 415, lean: true },
      {
        name: 'a JSON content-type with parameters',
        headers: type('Application/JSON ; charset=utf-8'),
        body: vote,
        status: 200,
        lean: true,
      },
      {
        name: 'a structured JSON content-type',
        headers: type('application/vnd.devolve+json'),
        body: vote,
        status: 200,
        lean: true,
      },
      {
        name: 'two content-types',
        headers: { 'content-type': ['application/json', 'text/plain'] },
        body: vote,
        status: 415,
        lean: false,
      },
      {
        name: 'a body over the limit by declared length',
        headers: { 'content-type': 'application/json', 'content-length': MAX_BODY_BYTES + 1 },
        declaredOnly: true,
        status: 413,
        lean: false,
      },
      {
        name: 'a chunked vote',
        body: JSON.stringify(lumen.vote({ head, index: 3 })),
        chunked: true,
        status: 201,
        lean: false,
      },
      {
        name: 'a chunked body over the limit',
        body: `"${'x'.repeat(MAX_BODY_BYTES)}"`,
        chunked: true,
        status: 413,
        lean: false,
      },
      {
        name: 'an unknown organization',
        path: '/api/orgs/lumen-absent/actions',
        body: JSON.stringify(elsewhere.vote({ head, index: 0 })),
        status: 404,
        lean: true,
      },
      {
        name: 'an org.create on its own actions route',
        path: '/api/orgs/lumen-absent/actions',
        body: JSON.stringify(elsewhere.create()),
        status: 201,
        lean: true,
      },
      {
        name: 'a vote on an unknown head',
        body: JSON.stringify(lumen.vote({ head: 'a'.repeat(64), index: 4 })),
        status: 409,
        lean: true,
      },
      {
        name: 'a vote on no such proposal',
        body: sign({ payload: { proposal: 'nope', ballot: { choice: 'for' }, reason: 'x' } }),
        status: 403,
        lean: true,
      },
      { name: 'a stranger', body: sign({ actor: 'stranger' }), status: 403, lean: true },
      {
        name: 'an unknown kind',
        body: sign({ kind: 'treasury.raid', payload: {} }),
        status: 422,
        lean: true,
      },
      {
        name: 'an encoded path',
        path: `/api/orgs/lumen%2Dlean/actions`,
        body: vote,
        status: 200,
        lean: false,
      },
      { name: 'a trailing slash', path: '/', body: vote, status: 404, lean: false },
      { name: 'a query string', path: '?after=1', body: vote, status: 200, lean: false },
      { name: 'dot segments', path: `/api/orgs/x/../${ORG}/actions`, body: vote, status: 200, lean: false },
      {
        name: 'a dot for the organization',
        path: '/api/orgs/./actions',
        body: vote,
        status: 405,
        lean: false,
      },
      {
        name: 'loopback on a high port',
        headers: { ...type('application/json'), host: 'localhost:65000' },
        body: vote,
        status: 200,
        lean: true,
      },
      {
        name: 'a port past 65535',
        headers: { ...type('application/json'), host: '127.0.0.1:65536' },
        body: vote,
        status: 400,
        lean: false,
      },
      {
        name: 'an upper-case host',
        headers: { ...type('application/json'), host: 'LOCALHOST' },
        body: vote,
        status: 200,
        lean: false,
      },
      {
        name: 'expect: 100-continue',
        headers: { ...type('application/json'), expect: '100-continue' },
        body: vote,
        status: 200,
        lean: false,
      },
      { name: 'GET on the route', method: 'GET', headers: {}, status: 405, lean: false },
      { name: 'HEAD on the route', method: 'HEAD', headers: {}, status: 405, lean: false },
      { name: 'PUT on the route', method: 'PUT', body: vote, status: 405, lean: false },
      { name: 'POST elsewhere', path: '/api/orgs/lumen-lean/events', body: vote, status: 405, lean: false },
    ];

    running.push(await startServer({ store: await prepared(), port: 0, host: '127.0.0.1', clock }));
    running.push(
      await startServer({ store: await prepared(), port: 0, host: '127.0.0.1', clock, leanActions: false }),
    );
    const store = await prepared();
    const hono = getRequestListener(createApp({ store, clock }).fetch, { hostname: '127.0.0.1' });
    const lean = leanActionsHandler({ store, clock });
    built = createServer((incoming, outgoing) => {
      if (lean(incoming, outgoing)) taken.push(`${incoming.method} ${incoming.url}`);
      else void hono(incoming, outgoing);
    });
    await new Promise<void>((resolve) => built.listen(0, '127.0.0.1', resolve));
  }, 60_000);

  afterAll(async () => {
    for (const server of running) await server.close();
    await new Promise((resolve) => built?.close(resolve));
    for (const store of stores) await store.close();
  });

  it('answers every request of the table as Hono alone does, header for header', async () => {
    const builtUrl = `http://127.0.0.1:${(built.address() as AddressInfo).port}`;
    const urls = [running[0]!.url, running[1]!.url, builtUrl];
    const agents = urls.map(() => new Agent({ keepAlive: true, maxSockets: 1 }));
    try {
      for (const sent of table) {
        const takenBefore = taken.length;
        const answers: Received[] = [];
        for (const [i, url] of urls.entries()) answers.push(await exchange(url, agents[i]!, sent));
        const [served, honoAlone, counted] = answers as [Received, Received, Received];
        expect({ name: sent.name, ...served }).toEqual({ name: sent.name, ...honoAlone });
        expect({ name: sent.name, ...counted }).toEqual({ name: sent.name, ...honoAlone });
        // The table means what it says: the status it expects, and the way in it expects.
        expect({ name: sent.name, status: honoAlone.status, lean: taken.length > takenBefore }).toEqual({
          name: sent.name,
          status: sent.status,
          lean: sent.lean,
        });
        // Every refusal is a problem document, but the adapter's own 400 for a host it cannot use.
        if (sent.status >= 400 && sent.method !== 'HEAD' && honoAlone.body !== '')
          expect(JSON.parse(honoAlone.body)).toMatchObject({ status: sent.status });
      }
    } finally {
      for (const agent of agents) agent.destroy();
    }
  }, 60_000);
});
