import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daoFixture, unitOf } from '../../test/support/daoFixture.js';
import type { Evidence } from '../core/evidence/Evidence.js';
import { explainUnit } from '../core/explain/explainUnit.js';
import type { CommitmentView, Plan } from '../core/planner/makePlan.js';
import { createPgliteStore } from '../store/createPgliteStore.js';
import type { EventStore } from '../store/EventStore.js';
import { createApp } from './createApp.js';
import type { TimelineView } from './timelineView.js';
import type { TransparencyView } from './transparencyView.js';

const NOW = new Date('2026-12-01T00:00:00Z');

async function get<T>(app: Hono, path: string): Promise<{ status: number; body: T }> {
  const response = await app.request(path);
  return { status: response.status, body: (await response.json()) as T };
}

describe('the dashboard views (plan, explain, timeline, transparency)', () => {
  let store: EventStore;
  let app: Hono;
  const dao = daoFixture({ org: 'lumen-views' });
  let head: string;
  // One attestation the dao template's brand readiness asks for, so the views show evidence from it.
  const evidence: Evidence = {
    observations: [
      { metric: 'contributors', unit: 'front-end', value: 7, at: Date.parse('2026-11-18T00:00:00Z') },
    ],
    attestations: [
      { checklist: 'brand-guidelines', unit: 'brand', by: 'mara', at: Date.parse('2026-11-01T00:00:00Z') },
    ],
    units: {},
  };

  beforeAll(async () => {
    store = await createPgliteStore();
    app = createApp({ store, clock: () => NOW, evidence: async () => evidence, webRoot: null });
    head = (await store.createOrganization({ signed: dao.create({ now: NOW }), now: NOW })).event.hash;
  });
  afterAll(async () => {
    await store?.close();
  });

  it('plans against the evidence it is given, at the clock it is given', async () => {
    const { status, body } = await get<{ seq: number; head: string; plan: Plan }>(
      app,
      `/api/orgs/${dao.org}/plan`,
    );
    expect(status).toBe(200);
    expect([body.seq, body.head, body.plan.now]).toEqual([0, head, NOW.getTime()]);
    // brand (founder → transparent) needs exactly the brand-guidelines checklist: attested, so ready.
    const brand = body.plan.assessments.find((a) => a.unit === 'brand');
    expect(brand?.status).toBe('ready');
    expect(brand?.readiness?.status).toBe('met');
    const bare = createApp({ store, clock: () => NOW, webRoot: null });
    const without = await get<{ plan: Plan }>(bare, `/api/orgs/${dao.org}/plan`);
    expect(without.body.plan.assessments.find((a) => a.unit === 'brand')?.status).not.toBe('ready');
  });

  it('explains a unit in the words of devolve explain, and names a missing unit with 404', async () => {
    const { organization } = await store.readState({ org: dao.org });
    const one = await get(app, `/api/orgs/${dao.org}/units/treasury/explain`);
    expect(one.body).toEqual(JSON.parse(JSON.stringify(explainUnit({ organization, unit: 'treasury' }))));
    const all = await get<{ units: { id: string }[] }>(app, `/api/orgs/${dao.org}/explain`);
    expect(all.body.units.map((u) => u.id)).toEqual(organization.units.map((u) => u.id));
    const missing = await get<{ code: string }>(app, `/api/orgs/${dao.org}/units/tresury/explain`);
    expect([missing.status, missing.body.code]).toEqual([404, 'unit/not-found']);
    const ghost = await get<{ code: string }>(app, '/api/orgs/ghost/timeline');
    expect([ghost.status, ghost.body.code]).toEqual([404, 'organization/not-found']);
  });

  it('tells new targets and other amendments apart in the timeline, newest first', async () => {
    const first = await get<TimelineView>(app, `/api/orgs/${dao.org}/timeline`);
    expect(first.body).toMatchObject({
      seq: 0,
      next: null,
      entries: [{ seq: 0, kind: 'created', actor: 'mara' }],
    });

    // A charter amend may retarget a founder-level unit but never move its level (only an executed
    // slider-move proposal does).
    const moved = await store.append({
      signed: dao.amend({
        head,
        edit: (c) => {
          unitOf(c, 'brand')['target'] = 'delegated';
        },
        now: NOW,
      }),
      now: NOW,
    });
    const described = await store.append({
      signed: dao.amend({
        head: moved.event.hash,
        edit: (c) => {
          unitOf(c, 'brand')['target'] = 'delegated';
          unitOf(c, 'brand')['description'] = 'The name and the logo.';
        },
        now: NOW,
      }),
      now: NOW,
    });
    head = described.event.hash;
    const after = await get<TimelineView>(app, `/api/orgs/${dao.org}/timeline`);
    expect(after.body.seq).toBe(2);
    expect(after.body.next).toBeNull();
    expect(after.body.entries.map((e) => [e.seq, e.kind])).toEqual([
      [2, 'amended'],
      [1, 'retargeted'],
      [0, 'created'],
    ]);
    expect(after.body.entries[0]?.changes).toEqual(['unit brand']);
    expect(after.body.entries[1]).toMatchObject({
      unit: 'brand',
      unitName: 'Brand & trademark',
      from: { index: 2, id: 'consultative', name: 'Consultative' },
      to: { index: 3, id: 'delegated', name: 'Delegated' },
    });
    // limit keeps the newest; a bad limit is a 400 problem.
    const newest = await get<TimelineView>(app, `/api/orgs/${dao.org}/timeline?limit=1`);
    expect(newest.body.entries.map((e) => e.seq)).toEqual([2]);
    const bad = await get<{ code: string }>(app, `/api/orgs/${dao.org}/timeline?limit=0`);
    expect([bad.status, bad.body.code]).toEqual([400, 'request/bad-query']);
    // A second app over the same store (another API process) reads the same timeline from scratch.
    const other = createApp({ store, clock: () => NOW, webRoot: null });
    expect((await get<TimelineView>(other, `/api/orgs/${dao.org}/timeline`)).body).toEqual(after.body);
  });

  it('reports per unit the declared level, its evidence, who holds power, commitments and the head', async () => {
    const { body } = await get<TransparencyView>(app, `/api/orgs/${dao.org}/transparency`);
    const state = await store.readState({ org: dao.org });
    expect([body.seq, body.head]).toEqual([state.seq, state.head]);
    expect(body.units.map((u) => u.id)).toEqual(state.organization.units.map((u) => u.id));
    const brand = body.units.find((u) => u.id === 'brand')!;
    expect([brand.level.name, brand.target.name]).toEqual(['Founder-controlled', 'Delegated']);
    expect(brand.attestations.map((a) => a.checklist)).toEqual(['brand-guidelines']);
    const frontend = body.units.find((u) => u.id === 'front-end')!;
    expect(frontend.observations.map((o) => [o.metric, o.value])).toEqual([['contributors', 7]]);
    const explanation = explainUnit({ organization: state.organization, unit: 'treasury' });
    const treasury = body.units.find((u) => u.id === 'treasury')!;
    expect(treasury.power).toEqual(explanation.today.policy);
    expect(treasury.owners).toBe(explanation.owners);
    const plan = (await get<{ plan: Plan }>(app, `/api/orgs/${dao.org}/plan`)).body.plan;
    const commitments = (id: string): CommitmentView[] => plan.commitments.filter((c) => c.unit === id);
    expect(treasury.commitments).toEqual(commitments('treasury'));
    expect(treasury.commitments.length).toBeGreaterThan(0);
  });
});
