import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daoFixture } from '../../test/support/daoFixture.js';
import type { EvidenceEntry } from '../core/evidence/EvidenceRecord.js';
import type { ContractSubject } from './EventStore.contract.js';
import type { EventStore } from './EventStore.js';

const KEY = `0x${'a'.repeat(40)}` as const;
const PROXY = `0x${'b'.repeat(40)}` as const;

/** One entry of each kind, with the numbers that must survive the round trip exactly. */
const GINI: EvidenceEntry = {
  kind: 'observation',
  // 1/3 has no exact decimal: the exact value must come back as the ratio, not as 0.333….
  observation: {
    metric: 'holder-gini',
    value: 1 / 3,
    exact: { num: 1n, den: 3n },
    at: Date.UTC(2026, 10, 1),
    source: 'LUM holdings',
  },
};
const SHARE: EvidenceEntry = {
  kind: 'observation',
  observation: {
    metric: 'core-team-decision-share',
    unit: 'treasury',
    value: 0.4,
    window: 7_776_000,
    at: Date.UTC(2026, 10, 2),
  },
};
const CONTROL: EvidenceEntry = {
  kind: 'control',
  control: {
    unit: 'protocol',
    power: 'upgrade',
    subject: PROXY,
    holder: { kind: 'proxy', address: PROXY, implementation: KEY, admin: { kind: 'key', address: KEY } },
    chain: 31337,
    observedAt: Date.UTC(2026, 10, 3),
    source: 'http://127.0.0.1:8545',
  },
};
const ATTESTED: EvidenceEntry = {
  kind: 'attestation',
  attestation: {
    checklist: 'audit',
    unit: 'protocol',
    by: 'mara',
    at: Date.UTC(2026, 10, 4),
    unsigned: true,
  },
};

// Shaped like describeEventStoreContract (EventStore.contract.ts) by design: each half of the port has its
// own suite, run by every adapter.
/**
 * The evidence half of the store's port, run by every adapter: entries come back exactly as
 * recorded, with their origin, in recording order, per organization, filtered by kind and unit.
 */
export function describeEvidenceStoreContract(args: {
  name: string;
  setup: () => Promise<ContractSubject>;
}): void {
  describe(`EventStore evidence: ${args.name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    const now = new Date(Date.UTC(2026, 10, 5, 12));
    const dao = daoFixture({ org: 'lumen-evidence' });
    const other = daoFixture({ org: 'lumen-evidence-2' });

    beforeAll(async () => {
      subject = await args.setup();
      store = subject.store;
      const created = new Date();
      await store.createOrganization({ signed: dao.create({ now: created }), now: created });
      await store.createOrganization({ signed: other.create({ now: created }), now: created });
    });
    afterAll(() => subject?.teardown());

    it('gives back every kind of entry exactly, with its origin, in recording order', async () => {
      const recorded = await store.recordEvidence({
        org: dao.org,
        entries: [
          { entry: GINI, origin: { command: 'import holdings', from: 'holdings.csv' } },
          { entry: SHARE, origin: { command: 'evidence add', from: 'evidence.yaml', line: 4 } },
          { entry: CONTROL, origin: { command: 'observe', from: 'http://127.0.0.1:8545' } },
          { entry: ATTESTED, origin: { command: 'evidence add', from: 'evidence.yaml', line: 9 } },
        ],
        now,
      });
      expect(recorded.map((r) => r.id)).toEqual([...recorded.map((r) => r.id)].sort((a, b) => a - b));
      const read = await store.readEvidence({ org: dao.org });
      expect(read).toEqual(recorded);
      expect(read.map((r) => r.entry)).toEqual([GINI, SHARE, CONTROL, ATTESTED]);
      expect(read[0]!.recordedAt).toBe('2026-11-05T12:00:00.000Z');
      expect(read[1]!.origin).toEqual({ command: 'evidence add', from: 'evidence.yaml', line: 4 });
      // Nothing leaks into another organization.
      expect(await store.readEvidence({ org: other.org })).toEqual([]);
    });

    it('filters by kind and unit (organization-wide observations pass every unit) and reads on after a record', async () => {
      const all = await store.readEvidence({ org: dao.org });
      const kinds = (records: readonly { entry: EvidenceEntry }[]) => records.map((r) => r.entry);
      expect(kinds(await store.readEvidence({ org: dao.org, filter: { kind: 'control' } }))).toEqual([
        CONTROL,
      ]);
      expect(kinds(await store.readEvidence({ org: dao.org, filter: { unit: 'treasury' } }))).toEqual([
        GINI,
        SHARE,
      ]);
      expect(kinds(await store.readEvidence({ org: dao.org, after: all[1]!.id }))).toEqual([
        CONTROL,
        ATTESTED,
      ]);
    });

    it('records nothing for an organization it does not hold, and leaves the log alone', async () => {
      const head = await store.readHead({ org: dao.org });
      await expect(
        store.recordEvidence({
          org: 'nobody-here',
          entries: [{ entry: GINI, origin: { command: 'x' } }],
          now,
        }),
      ).rejects.toMatchObject({ code: 'organization/not-found' });
      await expect(store.readEvidence({ org: 'nobody-here' })).rejects.toMatchObject({
        code: 'organization/not-found',
      });
      // Evidence is not a log event: the head did not move.
      expect(await store.readHead({ org: dao.org })).toEqual(head);
    });

    it('records a large batch in one go, all or nothing', async () => {
      const many = Array.from({ length: 1_201 }, (_, i) => ({
        entry: {
          kind: 'observation',
          observation: { metric: 'participation', value: i, at: i },
        } as EvidenceEntry,
        origin: { command: 'import holdings', from: 'big.csv', line: i + 2 },
      }));
      const recorded = await store.recordEvidence({ org: other.org, entries: many, now });
      expect(recorded).toHaveLength(1_201);
      const read = await store.readEvidence({ org: other.org });
      expect(read.map((r) => r.origin.line)).toEqual(many.map((m) => m.origin.line));
    });
  });
}
