import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daoFixture } from '../../test/support/daoFixture.js';
import type { EvidenceEntry } from '../core/evidence/EvidenceRecord.js';
import { createPgliteStore } from '../store/createPgliteStore.js';
import type { EventStore } from '../store/EventStore.js';
import { createApp } from './createApp.js';
import { openApiDocument } from './openApiDocument.js';

const GINI: EvidenceEntry = {
  kind: 'observation',
  observation: { metric: 'holder-gini', value: 0.25, exact: { num: 1n, den: 4n }, at: Date.UTC(2026, 10, 1) },
};
const AUDIT: EvidenceEntry = {
  kind: 'attestation',
  attestation: { checklist: 'audit', unit: 'brand', at: Date.UTC(2026, 10, 2), unsigned: true },
};

describe('GET /api/orgs/{org}/evidence', () => {
  let store: EventStore;
  let app: ReturnType<typeof createApp>;
  const dao = daoFixture({ org: 'lumen-api-evidence' });

  beforeAll(async () => {
    store = await createPgliteStore({ pglite: await PGlite.create() });
    const now = new Date();
    await store.createOrganization({ signed: dao.create({ now }), now });
    await store.recordEvidence({
      org: dao.org,
      entries: [
        { entry: GINI, origin: { command: 'import holdings', from: 'h.csv' } },
        { entry: AUDIT, origin: { command: 'evidence add', from: 'evidence.yaml', line: 7 } },
      ],
      now: new Date('2026-11-05T00:00:00Z'),
    });
    app = createApp({ store, webRoot: null });
  });
  afterAll(() => store?.close());

  it('returns the stored records with their origin, exact values as decimal strings', async () => {
    const response = await app.request(`/api/orgs/${dao.org}/evidence`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      evidence: { entry: unknown; origin: unknown; recordedAt: string }[];
    };
    expect(body.evidence.map((r) => r.entry)).toEqual([
      { kind: 'observation', observation: { ...GINI.observation, exact: { num: '1', den: '4' } } },
      AUDIT,
    ]);
    expect(body.evidence[1]).toMatchObject({
      origin: { command: 'evidence add', from: 'evidence.yaml', line: 7 },
      recordedAt: '2026-11-05T00:00:00.000Z',
    });
  });

  it('narrows by kind and after, and refuses an unknown kind or organization with a code', async () => {
    const only = await app.request(`/api/orgs/${dao.org}/evidence?kind=attestation`);
    expect(((await only.json()) as { evidence: unknown[] }).evidence).toHaveLength(1);
    const all = (await (await app.request(`/api/orgs/${dao.org}/evidence`)).json()) as {
      evidence: { id: number }[];
    };
    const later = await app.request(`/api/orgs/${dao.org}/evidence?after=${all.evidence[0]!.id}`);
    expect(((await later.json()) as { evidence: unknown[] }).evidence).toHaveLength(1);
    const bad = await app.request(`/api/orgs/${dao.org}/evidence?kind=rumour`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'request/bad-query' });
    const missing = await app.request('/api/orgs/nobody/evidence');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'organization/not-found' });
  });

  it('is described in the OpenAPI document', () => {
    expect(openApiDocument.paths).toHaveProperty(
      ['/api/orgs/{org}/evidence', 'get', 'operationId'],
      'listEvidence',
    );
  });
});
