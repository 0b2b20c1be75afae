import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daoFixture } from '../../test/support/daoFixture.js';
import { largeCharter } from '../../test/support/largeCharter.js';
import { CHARTER_LIMITS } from '../core/charter/charterLimits.js';
import { generateEd25519 } from '../identity/ed25519.js';
import { signAction } from '../identity/signAction.js';
import { createPgliteStore } from '../store/createPgliteStore.js';
import type { EventStore } from '../store/EventStore.js';
import { createApp, MAX_BODY_BYTES } from './createApp.js';

const post = async (app: Hono, path: string, body: string) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

/** An org.create of `charter` by its first member, who registers a fresh key with it. */
function createOf(charter: Record<string, unknown>): string {
  const org = (charter['organization'] as { id: string }).id;
  return JSON.stringify(
    signAction({
      key: { type: 'ed25519', secret: generateEd25519().secret },
      org,
      kind: 'org.create',
      actor: 'member-1',
      payload: { charter },
      head: null,
      now: new Date(),
    }),
  );
}

describe('charters at and past the limits, through the API', () => {
  let store: EventStore;
  let app: Hono;
  const small = daoFixture({ org: 'lumen-neighbour' });

  beforeAll(async () => {
    store = await createPgliteStore();
    app = createApp({ store, clock: () => new Date(Date.now() + 60_000) });
    const created = await post(app, '/api/orgs', JSON.stringify(small.create()));
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await store?.close();
  });

  /**
   * Sends `charter` in an org.create whose body arrives in one piece, and a read of the other
   * organization the moment the body has been delivered — when the server goes on to parse and
   * check the charter. Gives the create's response, the read's, and the order they answered in.
   */
  async function createWhileReading(charter: Record<string, unknown>) {
    const body = new TextEncoder().encode(createOf(charter));
    expect(body.length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const order: string[] = [];
    let reading: Promise<Response> | undefined;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(body);
        controller.close();
        reading = Promise.resolve(app.request(`/api/orgs/${small.org}`)).then((response) => {
          order.push('read');
          return response;
        });
      },
    });
    const created = await Promise.resolve(
      app.request('/api/orgs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    ).then((response) => {
      order.push('create');
      return response;
    });
    return { created, read: await reading!, order };
  }

  const maximal = () =>
    largeCharter({ units: CHARTER_LIMITS.units.max, members: CHARTER_LIMITS.members.max });

  it('answers a read of another organization while a maximal charter is checked and refused', async () => {
    // Its last unit names a role no one declared: checking is all the work the request causes.
    const charter = maximal();
    const units = charter['units'] as { owners: string[] }[];
    units[units.length - 1]!.owners = ['no-such-team'];
    const { created, read, order } = await createWhileReading(charter);
    expect(created.status).toBe(422);
    expect(read.status).toBe(200);
    expect(order).toEqual(['read', 'create']);
  });

  it('accepts a maximal charter, answering a read of another organization meanwhile', async () => {
    const { created, read, order } = await createWhileReading(maximal());
    expect(created.status).toBe(201);
    expect(read.status).toBe(200);
    expect(order).toEqual(['read', 'create']);
  });

  it('refuses a charter one unit past the limit with a 422 naming the limit', async () => {
    const charter = largeCharter({ units: CHARTER_LIMITS.units.max + 1, members: 10 });
    (charter['organization'] as { id: string }).id = 'one-unit-too-many';
    const response = await post(app, '/api/orgs', createOf(charter));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'action/invalid-charter',
      detail:
        'the charter in the action is not valid: units: 2,001 units; a charter may have at most 2,000 (limit: units)',
      details: { errors: [{ path: 'units', code: 'charter/too-many-units' }] },
    });
    expect((await app.request('/api/orgs/one-unit-too-many')).status).toBe(404);
  });

  it('refuses a body past the byte limit with a 413 naming the limit', async () => {
    const response = await post(app, '/api/orgs', ' '.repeat(MAX_BODY_BYTES + 1));
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      code: 'request/too-large',
      detail: `the body is larger than ${MAX_BODY_BYTES} bytes`,
      details: { limit: MAX_BODY_BYTES },
    });
  });
});
