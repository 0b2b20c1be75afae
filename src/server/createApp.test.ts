import type { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { callApi as call } from '../../test/support/callApi.js';
import { daoFixture, unitOf } from '../../test/support/daoFixture.js';
import type { LogEvent } from '../core/log/LogEvent.js';
import { verifyLog } from '../core/log/verifyLog.js';
import { logCrypto } from '../identity/logCrypto.js';
import { createPgliteStore } from '../store/createPgliteStore.js';
import type { EventStore } from '../store/EventStore.js';
import { createApp, MAX_BODY_BYTES } from './createApp.js';
import { openApiDocument } from './openApiDocument.js';

/** A change to how treasury (above founder level) is governed: the ratchet refuses it. */
function moveTreasuryTarget(charter: Parameters<typeof unitOf>[0]): void {
  unitOf(charter, 'treasury')['target'] = 'autonomous';
}

/**
 * Each test starts from its own store: an empty one, or one holding the organization created by
 * a signed org.create — so no test depends on another having run first.
 */
describe('HTTP API (createApp)', () => {
  const dao = daoFixture({ org: 'lumen-api' });
  const opened: EventStore[] = [];
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });

  async function emptyApi(): Promise<Hono> {
    const store = await createPgliteStore();
    opened.push(store);
    return createApp({ store, clock: () => new Date(Date.now() + 60_000) });
  }

  /** An API whose store holds the organization, and the genesis event that created it. */
  async function apiWithOrganization(): Promise<{ app: Hono; genesis: LogEvent }> {
    const app = await emptyApi();
    const created = await call(app, 'POST', '/api/orgs', dao.create());
    expect(created.status).toBe(201);
    return { app, genesis: (created.json as { event: LogEvent }).event };
  }

  it('creates an organization from a signed org.create, and treats a retry as done', async () => {
    const app = await emptyApi();
    const post = (path: string, signed: unknown) => call(app, 'POST', path, signed);
    expect((await call(app, 'GET', '/api/orgs')).json).toEqual({ organizations: [] });
    const create = dao.create();
    const first = await post('/api/orgs', create);
    expect(first.status).toBe(201);
    const genesis = (first.json as { event: LogEvent }).event;
    expect(genesis).toMatchObject({ seq: 0, prev: null, action: create.action, signature: create.signature });
    const retry = await post('/api/orgs', create);
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual({ event: genesis, created: false });
    const again = await post('/api/orgs', dao.create());
    expect(again.status).toBe(409);
    expect(again.json['code']).toBe('organization/exists');
  });

  it('reads the organization, its head, and its units with their levels and policies', async () => {
    const { app, genesis } = await apiWithOrganization();
    const org = await call(app, 'GET', `/api/orgs/${dao.org}`);
    expect(org.status).toBe(200);
    expect(org.json).toMatchObject({
      id: dao.org,
      name: 'Lumen Protocol',
      kind: 'web3',
      seq: 0,
      head: genesis.hash,
    });
    const members = org.json['members'] as { id: string; key?: string }[];
    expect(members.find((m) => m.id === 'mara')?.key).toMatch(/^ed25519:/);
    expect(members.find((m) => m.id === 'priya')?.key).toBeUndefined();

    const head = await call(app, 'GET', `/api/orgs/${dao.org}/head`);
    expect(head.json).toEqual({ seq: 0, head: genesis.hash, recordedAt: genesis.recordedAt });

    const units = (await call(app, 'GET', `/api/orgs/${dao.org}/units`)).json['units'] as {
      id: string;
      level: { index: number; id: string; policy: string };
      levels: unknown[];
    }[];
    expect(units.map((u) => u.id)).toEqual([
      'upgrades',
      'risk-parameters',
      'treasury',
      'front-end',
      'grants',
      'brand',
    ]);
    const brand = units.find((u) => u.id === 'brand')!;
    expect(brand.level).toMatchObject({ index: 0, id: 'founder' });
    expect(brand.level.policy).toMatch(/^propose: /);
    expect(brand.levels).toHaveLength(6);
    const one = await call(app, 'GET', `/api/orgs/${dao.org}/units/treasury`);
    expect(one.json).toMatchObject({ id: 'treasury', level: { index: 1, id: 'transparent' } });
    const missing = await call(app, 'GET', `/api/orgs/${dao.org}/units/nope`);
    expect([missing.status, missing.json['code']]).toEqual([404, 'unit/not-found']);
  });

  it('appends signed actions and serves the log in pages and as a verifiable export', async () => {
    const { app, genesis } = await apiWithOrganization();
    const post = (path: string, signed: unknown) => call(app, 'POST', path, signed);
    let head = genesis.hash;
    for (let i = 0; i < 3; i++) {
      const response = await post(
        `/api/orgs/${dao.org}/actions`,
        dao.amendBrand({ head, description: `v${i}` }),
      );
      expect(response.status).toBe(201);
      const event = (response.json as { event: LogEvent }).event;
      expect(event).toMatchObject({ seq: i + 1, prev: head });
      head = event.hash;
    }
    // 4 events (0 … 3) in pages of 3: [0, 1, 2] then [3].
    const page1 = await call(app, 'GET', `/api/orgs/${dao.org}/events?limit=3`);
    expect((page1.json['events'] as LogEvent[]).map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(page1.json['next']).toBe(2);
    const page2 = await call(app, 'GET', `/api/orgs/${dao.org}/events?after=2&limit=3`);
    expect((page2.json['events'] as LogEvent[]).map((e) => e.seq)).toEqual([3]);
    expect(page2.json['next']).toBeNull();

    const exported = await call(app, 'GET', `/api/orgs/${dao.org}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^application\/jsonl/);
    expect(exported.text.endsWith('\n')).toBe(true);
    const lines = exported.text.slice(0, -1).split('\n');
    expect(await verifyLog({ lines, crypto: logCrypto })).toMatchObject({ ok: true, events: 4, head });
  });

  it('answers every refusal with a problem object naming its code', async () => {
    const { app } = await apiWithOrganization();
    const post = (path: string, signed: unknown) => call(app, 'POST', path, signed);
    const { json: current } = await call(app, 'GET', `/api/orgs/${dao.org}/head`);
    const head = current['head'] as string;
    const amend = dao.amendBrand({ head, description: 'x' });
    const cases: [string, string, unknown, number, string][] = [
      [
        'ratchet',
        `/api/orgs/${dao.org}/actions`,
        dao.amend({ head, edit: moveTreasuryTarget }),
        409,
        'action/proposal-required',
      ],
      [
        'bad signature',
        `/api/orgs/${dao.org}/actions`,
        { ...amend, signature: amend.signature.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A')) },
        403,
        'action/bad-signature',
      ],
      ['wrong path', '/api/orgs/another-org/actions', amend, 403, 'action/wrong-organization'],
      [
        'unknown org',
        '/api/orgs/nobody/actions',
        daoFixture({ org: 'nobody' }).amendBrand({ head, description: 'x' }),
        404,
        'organization/not-found',
      ],
      [
        'unknown head',
        `/api/orgs/${dao.org}/actions`,
        dao.amendBrand({ head: 'e'.repeat(64), description: 'x' }),
        409,
        'action/unknown-head',
      ],
      ['not a signed action', `/api/orgs/${dao.org}/actions`, { hello: 'world' }, 400, 'action/malformed'],
      ['amend as creation', '/api/orgs', amend, 422, 'action/not-org-create'],
    ];
    for (const [name, path, body, status, code] of cases) {
      const response = await post(path, body);
      expect({ name, status: response.status, code: response.json['code'] }).toEqual({ name, status, code });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.json).toMatchObject({ type: `/problems/${code}`, status });
      expect(typeof response.json['title']).toBe('string');
      expect(typeof response.json['detail']).toBe('string');
    }
    const ratchet = await post(`/api/orgs/${dao.org}/actions`, dao.amend({ head, edit: moveTreasuryTarget }));
    expect(ratchet.json['details']).toMatchObject({ unit: 'treasury', level: 1 });
    expect((await call(app, 'GET', `/api/orgs/${dao.org}/head`)).json['head']).toBe(head);
  });

  it('answers malformed, oversized and misdirected requests with 4xx problems', async () => {
    const { app } = await apiWithOrganization();
    const malformed = await call(app, 'POST', `/api/orgs/${dao.org}/actions`, '{"action":');
    expect([malformed.status, malformed.json['code']]).toEqual([400, 'request/malformed-json']);
    const text = await call(app, 'POST', '/api/orgs', 'hello', { 'content-type': 'text/plain' });
    expect([text.status, text.json['code']]).toEqual([415, 'request/unsupported-media-type']);
    const huge = JSON.stringify({ action: { payload: 'x'.repeat(MAX_BODY_BYTES) }, signature: 'x' });
    const oversized = await call(app, 'POST', '/api/orgs', huge);
    expect([oversized.status, oversized.json['code']]).toEqual([413, 'request/too-large']);
    const declared = await call(app, 'POST', '/api/orgs', huge, { 'content-length': String(huge.length) });
    expect([declared.status, declared.json['code']]).toEqual([413, 'request/too-large']);
    const understated = await call(app, 'POST', '/api/orgs', huge, { 'content-length': '10' });
    expect([understated.status, understated.json['code']]).toEqual([413, 'request/too-large']);
    const wrongMethod = await call(app, 'DELETE', `/api/orgs/${dao.org}`);
    expect([wrongMethod.status, wrongMethod.json['code']]).toEqual([405, 'request/method-not-allowed']);
    expect(wrongMethod.headers.get('allow')).toBe('GET, HEAD');
    const nowhere = await call(app, 'GET', '/api/nothing/here');
    expect([nowhere.status, nowhere.json['code']]).toEqual([404, 'request/not-found']);
    const badPage = await call(app, 'GET', `/api/orgs/${dao.org}/events?after=zero`);
    expect([badPage.status, badPage.json['code']]).toEqual([400, 'request/bad-query']);
    const ghost = await call(app, 'GET', '/api/orgs/ghost/export');
    expect([ghost.status, ghost.json['code']]).toEqual([404, 'organization/not-found']);
  });

  it('documents every route it serves in /openapi.json', async () => {
    const app = await emptyApi();
    const served = await call(app, 'GET', '/openapi.json');
    expect(served.json).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
    const paths = openApiDocument.paths as Record<string, Record<string, unknown>>;
    const routes = app.routes.filter((route) => route.method !== 'ALL');
    expect(routes.length).toBeGreaterThanOrEqual(10);
    for (const route of routes) {
      const documented = route.path.replace(/:(\w+)/g, '{$1}');
      expect(paths[documented]?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
    // … and nothing documented that is not served.
    const servedRoutes = new Set(
      routes.map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    for (const [path, operations] of Object.entries(paths)) {
      for (const method of Object.keys(operations))
        expect(servedRoutes.has(`${method} ${path}`), `${method} ${path}`).toBe(true);
    }
  });
});
