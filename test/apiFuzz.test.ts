import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedAction } from '../src/core/log/Action.js';
import { signAction } from '../src/identity/signAction.js';
import { createApp, MAX_BODY_BYTES } from '../src/server/createApp.js';
import { createPgliteStore } from '../src/store/createPgliteStore.js';
import type { EventStore } from '../src/store/EventStore.js';
import { daoFixture } from './support/daoFixture.js';

/** Stands for a body one byte over the limit, built when sent (a counterexample stays readable). */
const OVERSIZED = '<oversized body>';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Sets `value` at a path chosen by `pick` (taken modulo each level's size) in a copy of `root`. */
function replaceSomewhere(root: Json, picks: readonly number[], value: Json): Json {
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  let node: Json = copy;
  for (let depth = 0; depth < picks.length; depth++) {
    if (node === null || typeof node !== 'object') break;
    const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[picks[depth]! % keys.length]!;
    const child: Json = (node as Record<string | number, Json>)[key]!;
    const last = depth === picks.length - 1 || child === null || typeof child !== 'object';
    if (last) {
      (node as Record<string | number, Json>)[key] = value;
      break;
    }
    node = child;
  }
  return copy;
}

/**
 * The API's promise to every client, however broken: a 4xx problem with a code, or a success —
 * never a 5xx. fast-check throws methods, odd paths and queries, bodies that are not JSON, too
 * large, not actions, actions with a field changed after signing, and correctly signed actions
 * whose charter is mangled, at the server, and shrinks any failure to its smallest request.
 */
describe('API fuzz: no input gets a 5xx', () => {
  let store: EventStore;
  let app: Hono;
  const dao = daoFixture({ org: 'lumen-fuzz' });
  let valid: SignedAction;

  beforeAll(async () => {
    store = await createPgliteStore();
    app = createApp({ store, clock: () => new Date(Date.now() + 60_000) });
    const { event } = await store.createOrganization({
      signed: dao.create(),
      now: new Date(Date.now() + 1000),
    });
    valid = dao.amendBrand({ head: event.hash, description: 'fuzzed' });
  });
  afterAll(async () => {
    await store?.close();
  });

  const segment = fc.oneof(
    fc.constantFrom(
      'lumen-fuzz',
      'ghost',
      'brand',
      'treasury',
      '..',
      '.',
      '%ZZ',
      '%00',
      '%2F',
      'ünï',
      '',
      ' ',
    ),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
    fc.constant('x'.repeat(5000)),
  );
  const query = fc.oneof(
    fc.constant(''),
    fc
      .record({
        after: fc.oneof(fc.integer(), fc.string({ maxLength: 6 })),
        limit: fc.oneof(fc.integer(), fc.string({ maxLength: 6 })),
      })
      .map(
        ({ after, limit }) =>
          `?after=${encodeURIComponent(String(after))}&limit=${encodeURIComponent(String(limit))}`,
      ),
    fc.constant('?after=99999999999999999999'),
    fc.constant('?limit=1e3&after=-1'),
  );
  const path = fc.oneof(
    fc.constantFrom('/api/orgs', '/openapi.json', '/', '/api', '/api/orgs/', '//api//orgs'),
    fc
      .tuple(
        segment,
        fc.constantFrom('', '/head', '/units', '/events', '/export', '/actions', '/units/brand', '/units/'),
      )
      .map(([org, rest]) => `/api/orgs/${org}${rest}`),
    fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
  );
  const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD');
  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/problem+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    '',
    'application/json;;;',
  );

  // Bodies, from nonsense to nearly right.
  const body = fc.oneof(
    fc.constant(undefined),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{', '[', 'null', '"', '{"action":', '\u0000', '{"action":{}}', '1e999', '-'),
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc.constant(OVERSIZED),
    fc.integer({ min: 1, max: 100_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
    // A signed action with one field changed after signing.
    fc
      .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }))
      .map(([picks, value]) =>
        JSON.stringify(replaceSomewhere(valid as unknown as Json, picks, value as Json)),
      ),
    // A correctly signed action whose charter is mangled: reaches validation and authorization.
    fc
      .tuple(
        fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom('charter.amend', 'org.create', 'unit.move'),
        fc.boolean(),
      )
      .map(([picks, value, kind, known]) =>
        JSON.stringify(
          signAction({
            key: dao.keys.mara,
            org: dao.org,
            kind,
            actor: 'mara',
            payload: { charter: replaceSomewhere(dao.charter, picks, value as Json) },
            head: kind === 'org.create' ? null : known ? valid.action.head : 'a'.repeat(64),
            now: new Date(),
          }),
        ),
      ),
  );

  /** Sends one request and checks the promise; returns the status. */
  async function check(
    verb: string,
    target: string,
    type: string,
    payload: string | undefined,
  ): Promise<number> {
    const init: RequestInit = { method: verb, headers: type === '' ? {} : { 'content-type': type } };
    if (payload !== undefined && verb !== 'GET' && verb !== 'HEAD') {
      init.body = payload === OVERSIZED ? JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }) : payload;
    }
    const response = await app.request(target, init);
    const text = await response.text();
    expect(response.status, `${verb} ${target.slice(0, 200)}: ${text.slice(0, 300)}`).toBeLessThan(500);
    if (response.status >= 400 && verb !== 'HEAD') {
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const problem = JSON.parse(text) as { code?: unknown; status?: unknown };
      expect(typeof problem.code).toBe('string');
      expect(problem.status).toBe(response.status);
    }
    return response.status;
  }

  it('answers any method, path and query with a success or a 4xx problem', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, query, contentType, body, async (verb, where, search, type, payload) => {
        await check(verb, `${where}${search}`, type, payload);
      }),
      { numRuns: 250 },
    );
  }, 120_000);

  it('answers any body posted to the write routes with a success or a 4xx problem', async () => {
    const statuses = new Set<number>();
    const target = fc.constantFrom('/api/orgs', `/api/orgs/${dao.org}/actions`, '/api/orgs/ghost/actions');
    await fc.assert(
      fc.asyncProperty(target, body, async (where, payload) => {
        statuses.add(await check('POST', where, 'application/json', payload));
      }),
      { numRuns: 300 },
    );
    // The bodies reached past parsing: into signature checks, validation and authorization.
    expect([...statuses].filter((status) => status >= 400).length).toBeGreaterThanOrEqual(4);
    // Whatever was accepted on the way, the log is still sound.
    expect((await store.rebuild({})).identical).toBe(true);
  }, 120_000);

  it('answers any read of a real organization with a success or a 4xx problem', async () => {
    const read = fc.oneof(
      query.map((search) => `/api/orgs/${dao.org}/events${search}`),
      segment.map((unit) => `/api/orgs/${dao.org}/units/${unit}`),
    );
    await fc.assert(
      fc.asyncProperty(read, async (where) => {
        await check('GET', where, '', undefined);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
