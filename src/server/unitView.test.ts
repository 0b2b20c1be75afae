import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daoFixture } from '../../test/support/daoFixture.js';
import { createTestSchema, describeWithPostgres } from '../../test/support/describeWithPostgres.js';
import { PROXY, SINGLE_KEY, singleKeyControl } from '../../test/support/singleKeyControl.js';
import { declaring, teamRunTreasury } from '../../test/support/teamRunTreasury.js';
import { type Evidence, NO_EVIDENCE } from '../core/evidence/Evidence.js';
import type { EvidenceRecord } from '../core/evidence/EvidenceRecord.js';
import { createPgliteStore } from '../store/createPgliteStore.js';
import { createPostgresStore } from '../store/createPostgresStore.js';
import type { EventStore } from '../store/EventStore.js';
import { createApp } from './createApp.js';
import { UNIT_EVIDENCE_ITEMS, type UnitView, unitView } from './unitView.js';

const DAY_MS = 86_400_000;

/**
 * Lumen's treasury, where the core team made every decision of the last 90 days (3 of 3),
 * declared Delegated: its page shows it observed Consultative, as the board and public page do.
 */
describe('unitView: declared vs observed, evidence and metrics for one unit', () => {
  const run = teamRunTreasury();
  const state = { ...run.state, organization: declaring(run.state.organization, 'treasury', 3) };
  const treasury = state.organization.units.find((u) => u.id === 'treasury')!;
  const upgrades = state.organization.units.find((u) => u.id === 'upgrades')!;

  it('leaves the evidence out of the listing, where none is given', () => {
    expect(unitView({ state, unit: treasury })).not.toHaveProperty('evidence');
  });

  it('a unit declared above the log shows its finding with the team share behind it', () => {
    const view = unitView({
      state,
      unit: treasury,
      evidence: { file: NO_EVIDENCE, records: [], now: run.now },
    });
    expect(view.evidence?.observed).toEqual({
      declared: 'delegated',
      observed: 'consultative',
      teamShare: { value: 1, decisions: 3 },
      findings: [
        {
          declared: 'delegated',
          observed: 'consultative',
          evidence: ['the team made 100% of 3 decisions in the last 90 days (over 80%)'],
        },
      ],
    });
    const metric = (id: string) => view.evidence?.metrics.find((m) => m.id === id);
    // Three proposals opened and executed, all within the last 90 days; the team made all three.
    expect(metric('decisions-count')).toMatchObject({ recent: 3, allTime: 3, unit: 'count' });
    expect(metric('proposals-count')).toMatchObject({ recent: 3, allTime: 3 });
    expect(metric('decisions-team-share')).toMatchObject({ recent: 1, allTime: 1, unit: 'share' });
    expect(view.evidence?.window).toBe(90 * 86_400);
  });

  it('a stored single-key control fact caps the unit at its first level, and is listed with its origin', () => {
    const record: EvidenceRecord = {
      id: 1,
      org: state.id,
      entry: singleKeyControl('upgrades', run.now - DAY_MS),
      origin: { command: 'observe', from: 'https://rpc.example' },
      recordedAt: new Date(run.now - DAY_MS).toISOString(),
    };
    const file: Evidence = {
      ...NO_EVIDENCE,
      observations: [
        {
          metric: 'distinct-voters',
          unit: 'upgrades',
          value: 112,
          window: 90 * 86_400,
          at: run.now - 2 * DAY_MS,
        },
      ],
      // Another unit's evidence stays on its own page.
      attestations: [{ checklist: 'treasury-dashboard', unit: 'treasury', at: run.now - DAY_MS }],
    };
    const view = unitView({ state, unit: upgrades, evidence: { file, records: [record], now: run.now } });
    expect(view.evidence?.observed).toMatchObject({
      declared: 'consultative',
      observed: 'founder',
      control: { subject: PROXY, observedAt: run.now - DAY_MS },
      findings: [
        {
          declared: 'consultative',
          observed: 'founder',
          evidence: [`a single plain key controls the contract: ${SINGLE_KEY}`],
        },
      ],
    });
    // Newest first: the control fact (a day old), then the file's observation (two days old).
    expect(view.evidence?.evidence).toEqual([
      {
        kind: 'control',
        subject: `upgrade@${PROXY}`,
        says: `held by key ${SINGLE_KEY}`,
        at: run.now - DAY_MS,
        origin: 'devolve observe from https://rpc.example',
        recordedAt: record.recordedAt,
        source: 'https://rpc.example',
        signed: false,
      },
      {
        kind: 'observation',
        subject: 'distinct-voters',
        says: '112 over 90 days',
        at: run.now - 2 * DAY_MS,
        origin: 'the evidence file',
        signed: false,
      },
    ]);
    expect(view.evidence?.evidenceCount).toBe(2);
  });

  it('lists the newest evidence only, counting it all', () => {
    const file: Evidence = {
      ...NO_EVIDENCE,
      attestations: Array.from({ length: UNIT_EVIDENCE_ITEMS + 5 }, (_, i) => ({
        checklist: `item-${i}`,
        unit: 'upgrades',
        at: run.now - (i + 1) * DAY_MS,
      })),
    };
    const view = unitView({ state, unit: upgrades, evidence: { file, records: [], now: run.now } });
    expect(view.evidence?.evidenceCount).toBe(UNIT_EVIDENCE_ITEMS + 5);
    expect(view.evidence?.evidence.map((e) => e.subject)).toEqual(
      Array.from({ length: UNIT_EVIDENCE_ITEMS }, (_, i) => `item-${i}`),
    );
  });
});

/** `GET /api/orgs/{org}/units/{unit}` on a store: the stored control fact reaches the unit's page. */
function describeUnitRoute(name: string, open: () => Promise<{ store: EventStore; close(): Promise<void> }>) {
  describe(`GET /api/orgs/{org}/units/{unit} on ${name}`, () => {
    const NOW = new Date('2026-12-01T00:00:00Z');
    const dao = daoFixture({ org: 'lumen-unit-view' });
    let subject: { store: EventStore; close(): Promise<void> };
    let app: ReturnType<typeof createApp>;

    beforeAll(async () => {
      subject = await open();
      const { store } = subject;
      await store.createOrganization({ signed: dao.create({ now: NOW }), now: NOW });
      await store.recordEvidence({
        org: dao.org,
        entries: [
          {
            entry: singleKeyControl('upgrades', NOW.getTime() - DAY_MS),
            origin: { command: 'observe', from: 'https://rpc.example' },
          },
          {
            entry: singleKeyControl('risk-parameters', NOW.getTime() - DAY_MS),
            origin: { command: 'observe' },
          },
        ],
        now: NOW,
      });
      app = createApp({ store, clock: () => NOW, webRoot: null });
    });
    afterAll(() => subject?.close());

    it("answers the unit with its observed level and the store's evidence about it", async () => {
      const response = await app.request(`/api/orgs/${dao.org}/units/upgrades`);
      expect(response.status).toBe(200);
      const view = (await response.json()) as UnitView;
      expect(view.evidence?.now).toBe(NOW.getTime());
      expect(view.evidence?.observed).toMatchObject({ declared: 'consultative', observed: 'founder' });
      expect(view.evidence?.evidence).toEqual([
        expect.objectContaining({
          kind: 'control',
          origin: 'devolve observe from https://rpc.example',
          recordedAt: NOW.toISOString(),
        }),
      ]);
      // No decisions yet: every count is 0, and no share is measured.
      const decisions = view.evidence?.metrics.find((m) => m.id === 'decisions-count');
      expect(decisions).toMatchObject({ recent: 0, allTime: 0 });
      expect(view.evidence?.metrics.find((m) => m.id === 'decisions-team-share')).not.toHaveProperty(
        'recent',
      );
    });

    it('lists units without their evidence', async () => {
      const response = await app.request(`/api/orgs/${dao.org}/units`);
      const { units } = (await response.json()) as { units: UnitView[] };
      expect(units.some((u) => u.evidence !== undefined)).toBe(false);
    });
  });
}

describeUnitRoute('PGlite', async () => {
  const store = await createPgliteStore();
  return { store, close: () => store.close() };
});

describeWithPostgres('PostgreSQL', (url) => {
  describeUnitRoute('PostgreSQL', async () => {
    const schema = await createTestSchema({ url });
    const store = await createPostgresStore({ connectionString: url, schema: schema.schema });
    return {
      store,
      async close() {
        await store.close();
        await schema.drop();
      },
    };
  });
});
