import { gunzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daoFixture, unitOf } from '../../test/support/daoFixture.js';
import type { Plan } from '../core/planner/makePlan.js';
import { createPgliteStore } from '../store/createPgliteStore.js';
import type { EventStore } from '../store/EventStore.js';
import type { BoardView } from './boardView.js';
import { acceptsGzip } from './compressedJson.js';
import { createApp } from './createApp.js';

const NOW = new Date('2026-12-01T00:00:00Z');

async function read<T>(app: Hono, path: string): Promise<T> {
  const response = await app.request(path);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('the board in one request', () => {
  let store: EventStore;
  let app: Hono;
  const dao = daoFixture({ org: 'lumen-board' });
  let head: string;

  beforeAll(async () => {
    store = await createPgliteStore();
    app = createApp({ store, clock: () => NOW, webRoot: null });
    head = (await store.createOrganization({ signed: dao.create({ now: NOW }), now: NOW })).event.hash;
  });
  afterAll(async () => {
    await store?.close();
  });

  it('carries every slider with the plan’s readiness, blockers and commitments, and the newest timeline', async () => {
    const view = await read<BoardView>(app, `/api/orgs/${dao.org}/board`);
    const { plan } = await read<{ plan: Plan }>(app, `/api/orgs/${dao.org}/plan`);
    expect([view.seq, view.head, view.now]).toEqual([0, head, NOW.getTime()]);
    const units = view.dimensions.flatMap((d) => d.units);
    const { organization } = await store.readState({ org: dao.org });
    expect(units.map((u) => u.id).sort()).toEqual(organization.units.map((u) => u.id).sort());
    for (const unit of units) {
      const assessment = plan.assessments.find((a) => a.unit === unit.id);
      expect(unit.move).toEqual(
        assessment === undefined ? undefined : { status: assessment.status, counts: assessment.counts },
      );
      expect(unit.blockedBy).toEqual(plan.recommendations.find((r) => r.unit === unit.id)?.blockedBy ?? []);
      expect(unit.commitments).toEqual(plan.commitments.filter((c) => c.unit === unit.id));
    }
    expect(units.some((u) => u.commitments.length > 0)).toBe(true);
    expect(view.atTarget).toBe(plan.atTarget.length);
    expect(view.next.map((m) => m.unit)).toEqual(plan.recommendations.slice(0, 5).map((r) => r.unit));
    expect(view.commitments).toEqual(plan.commitments);
    expect(view.timeline).toEqual({
      seq: 0,
      next: null,
      entries: [expect.objectContaining({ kind: 'created' })],
    });
  });

  it('shows an appended event at once: its answer is made again when the head moves', async () => {
    const before = await read<BoardView>(app, `/api/orgs/${dao.org}/board`);
    const brandTarget = (view: BoardView) =>
      view.dimensions.flatMap((d) => d.units).find((u) => u.id === 'brand')?.target.id;
    expect(brandTarget(before)).toBe('consultative');
    const appended = await store.append({
      signed: dao.amend({
        head,
        now: NOW,
        edit: (c) => {
          unitOf(c, 'brand')['target'] = 'delegated';
        },
      }),
      now: NOW,
    });
    head = appended.event.hash;
    const after = await read<BoardView>(app, `/api/orgs/${dao.org}/board`);
    expect([after.seq, after.head]).toEqual([1, head]);
    expect(brandTarget(after)).toBe('delegated');
    expect(after.timeline.entries.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'retargeted'],
      [0, 'created'],
    ]);
    // The plan, the transparency page and the timeline move with it too.
    expect((await read<{ seq: number }>(app, `/api/orgs/${dao.org}/plan`)).seq).toBe(1);
    expect((await read<{ head: string }>(app, `/api/orgs/${dao.org}/transparency`)).head).toBe(head);
  });

  it('is gzipped for a client that accepts it, and the same JSON either way', async () => {
    const plain = await app.request(`/api/orgs/${dao.org}/board`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    const zipped = await app.request(`/api/orgs/${dao.org}/board`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toBe('accept-encoding');
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 3);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
  });

  it('answers an unknown organization with a 404 problem', async () => {
    const response = await app.request('/api/orgs/no-such-org/board');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('organization/not-found');
  });
});

describe('accepting gzip', () => {
  it('reads accept-encoding as HTTP means it, q=0 refusing', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, GZIP;q=0.5')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(acceptsGzip('br, deflate')).toBe(false);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('gzip;q=0.0, br')).toBe(false);
    expect(acceptsGzip('x-gzip')).toBe(false);
    expect(acceptsGzip('gzip;q=0, *')).toBe(false);
  });
});
