import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DaoFixture, daoFixture, unitOf } from '../../test/support/daoFixture.js';
import { signAction } from '../identity/signAction.js';
import { createPgliteStore } from '../store/createPgliteStore.js';
import type { EventStore } from '../store/EventStore.js';
import { createApp } from './createApp.js';
import type { TimelineEntry, TimelineView } from './timelineView.js';

const NOW = new Date('2026-12-01T00:00:00Z');

async function timeline(app: Hono, org: string, query: string): Promise<TimelineView> {
  const response = await app.request(`/api/orgs/${org}/timeline?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as TimelineView;
}

/** Every entry, newest first, read page by page through `before`. */
async function pageThrough(app: Hono, org: string, limit: number): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  let before: number | null | undefined;
  for (let pages = 0; before !== null; pages++) {
    if (pages > 200) throw new Error('the timeline never reached its start');
    const page = await timeline(app, org, `limit=${limit}${before === undefined ? '' : `&before=${before}`}`);
    entries.push(...page.entries);
    before = page.next;
  }
  return entries;
}

/**
 * A log with every kind of entry: the organization created, charter amendments (one of them adds a
 * unit and retargets brand — two entries of one event — and the next removes it and retargets
 * brand back), a decision on brand and brand's slider move, both through proposals its founder
 * decides (whose other acts are no entries).
 */
async function recordHistory(store: EventStore, dao: DaoFixture, count: { amends: number }) {
  let { hash: head } = (await store.createOrganization({ signed: dao.create({ now: NOW }), now: NOW })).event;
  const append = async (signed: Parameters<EventStore['append']>[0]['signed']) => {
    head = (await store.append({ signed, now: NOW })).event.hash;
  };
  const act = (kind: string, payload: unknown) =>
    append(signAction({ key: dao.keys.mara, org: dao.org, kind, actor: 'mara', payload, head, now: NOW }));
  const decided = async (id: string, kind: string, title: string, subject: unknown) => {
    await act('proposal.create', { id, unit: 'brand', kind, title, subject });
    await act('proposal.decide', { proposal: id, decision: 'passed', reason: 'Ready.' });
    await act('proposal.execute', { proposal: id });
  };
  for (let n = 0; n < count.amends; n++) {
    await append(
      dao.amend({
        head,
        now: NOW,
        edit: (c) => {
          unitOf(c, 'brand')['description'] = `Version ${n}`;
          if (n === 2) {
            unitOf(c, 'brand')['target'] = 'delegated';
            const units = c['units'] as (typeof c)[];
            units.push({ ...unitOf(c, 'brand'), id: 'brand-copy', name: 'Brand copy' });
          }
        },
      }),
    );
    if (n === 1) await decided('fonts', 'decision', 'Pick the fonts', { outcome: 'Use one typeface' });
    if (n === 4) {
      const attested = { checklist: 'brand-guidelines', unit: 'brand', by: 'mara', at: NOW.toISOString() };
      await decided('brand-up', 'slider-move', 'Brand goes transparent', {
        to: 'transparent',
        evidence: { evidence: 1, attestations: [attested] },
      });
    }
  }
  return head;
}

describe('the timeline, read back from the head page by page', () => {
  let store: EventStore;
  const dao = daoFixture({ org: 'lumen-pages' });
  const app = () => createApp({ store, clock: () => NOW, webRoot: null });

  beforeAll(async () => {
    store = await createPgliteStore();
    await recordHistory(store, dao, { amends: 14 });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('returns every entry exactly once, in order, whatever the page size', async () => {
    const whole = await timeline(app(), dao.org, 'limit=500');
    expect(whole.next).toBeNull();
    // created; 14 amendments, of which the one adding a unit and the one removing it are two
    // entries each (with brand's retargets); the decision; the slider move: 1 + 16 + 1 + 1.
    expect(whole.entries).toHaveLength(19);
    // Seq by seq: the decision runs at 3–5, the amendment at 6 adds a unit and retargets brand,
    // the one at 7 undoes both, brand moves at 9–11; an event's changes are listed newest first too.
    const amended = (seq: number) => [seq, 'amended', null];
    expect(whole.entries.map((e) => [e.seq, e.kind, e.unit ?? null])).toEqual([
      ...[20, 19, 18, 17, 16, 15, 14, 13, 12].map(amended),
      [11, 'moved', 'brand'],
      amended(8),
      [7, 'removed', 'brand-copy'],
      [7, 'retargeted', 'brand'],
      [6, 'added', 'brand-copy'],
      [6, 'retargeted', 'brand'],
      [5, 'decided', 'brand'],
      amended(2),
      amended(1),
      [0, 'created', null],
    ]);
    const seqs = whole.entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(whole.entries.filter((e) => e.kind === 'moved').map((e) => [e.from?.id, e.to?.id])).toEqual([
      ['founder', 'transparent'],
    ]);
    expect(whole.entries.filter((e) => e.kind === 'decided').map((e) => e.title)).toEqual(['Pick the fonts']);
    expect(whole.entries.filter((e) => e.unit === 'brand-copy').map((e) => e.kind)).toEqual([
      'removed',
      'added',
    ]);
    for (const limit of [1, 2, 3, 7, 20]) {
      // A fresh server each time: the first page is read back from the head, not from a full replay.
      expect(await pageThrough(app(), dao.org, limit)).toEqual(whole.entries);
    }
  });

  it('never splits the changes of one event across pages', async () => {
    const first = await timeline(app(), dao.org, 'limit=500');
    // An amendment that retargets brand and rewords it is two entries of one event.
    const double = first.entries.findIndex((e, i) => first.entries[i + 1]?.seq === e.seq);
    expect(double).toBeGreaterThanOrEqual(0);
    const seq = first.entries[double]!.seq;
    const page = await timeline(app(), dao.org, `limit=1&before=${seq + 1}`);
    expect(page.entries.map((e) => e.seq)).toEqual([seq, seq]);
    expect(page.next).toBe(seq);
  });

  it('follows the log forward after a first page read back, as a fresh read tells it', async () => {
    const org = 'lumen-pages-grow';
    const growing = daoFixture({ org });
    const grownStore = await createPgliteStore();
    try {
      let head = await recordHistory(grownStore, growing, { amends: 6 });
      const reader = createApp({ store: grownStore, clock: () => NOW, webRoot: null });
      const newest = await timeline(reader, org, 'limit=1');
      expect(newest.entries).toHaveLength(1);
      for (let n = 0; n < 3; n++) {
        const signed = growing.amend({
          head,
          now: NOW,
          edit: (c) => {
            unitOf(c, 'brand')['description'] = `Later ${n}`;
          },
        });
        head = (await grownStore.append({ signed, now: NOW })).event.hash;
      }
      const followed = await pageThrough(reader, org, 4);
      const fresh = await timeline(
        createApp({ store: grownStore, clock: () => NOW, webRoot: null }),
        org,
        'limit=500',
      );
      expect(followed).toEqual(fresh.entries);
      expect(followed.slice(0, 3).map((e) => e.changes)).toEqual([
        ['unit brand'],
        ['unit brand'],
        ['unit brand'],
      ]);
    } finally {
      await grownStore.close();
    }
  });

  it('refuses a bad cursor with a 400 problem', async () => {
    const response = await app().request(`/api/orgs/${dao.org}/timeline?before=-1`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { code: string }).code).toBe('request/bad-query');
  });
});
