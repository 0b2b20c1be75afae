import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daoFixture, unitOf } from '../../test/support/daoFixture.js';
import { actionSigningText, type SignedAction } from '../core/log/Action.js';
import { canonicalJson } from '../core/log/canonicalJson.js';
import { eventHashText, type LogEvent } from '../core/log/LogEvent.js';
import { verifyLog } from '../core/log/verifyLog.js';
import { signEd25519 } from '../identity/ed25519.js';
import { logCrypto } from '../identity/logCrypto.js';
import { sha256Hex } from '../identity/sha256.js';
import type { EventStore } from './EventStore.js';
import { describeGroupCommit } from './groupCommit.contract.js';

/** What each adapter's test file hands the contract suite. */
export interface ContractSubject {
  readonly store: EventStore;
  /** Runs SQL on the store's tables behind its back: how a test damages a projection. */
  execute(sql: string, params?: unknown[]): Promise<void>;
  /** Closes the store and removes whatever the adapter's test created. */
  teardown(): Promise<void>;
}

let orgCounter = 0;
/** Every test gets an organization of its own, so they can share one (slow to start) store. */
function nextOrg(): string {
  orgCounter += 1;
  return `lumen-${orgCounter}`;
}

/**
 * The store's clock in these tests: a whole second an hour ahead of the wall clock, so actions
 * signed now (as the fixture signs them) are never in the store's future.
 */
const T0 = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** Re-signs an action after changing it: a valid signature over different content. */
function resign(
  signed: SignedAction,
  secret: string,
  change: (action: Record<string, unknown>) => void,
): SignedAction {
  const action = JSON.parse(JSON.stringify(signed.action)) as Record<string, unknown>;
  change(action);
  const typed = action as unknown as SignedAction['action'];
  return { action: typed, signature: signEd25519({ secret, text: actionSigningText(typed) }) };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code ?? `not a DevolveError: ${String(error)}`;
  }
  return 'resolved';
}

async function exported(store: EventStore, org: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of store.exportLog({ org })) lines.push(line);
  return lines;
}

// Shaped like describeEvidenceStoreContract (evidenceStore.contract.ts) by design: each half of the port has
// its own suite, run by every adapter.
/**
 * The one behaviour every `EventStore` adapter must show, run by `pglite.test.ts` and
 * `postgres.test.ts`. The tests share one store (starting a database is the slow part) and each
 * works in an organization of its own.
 *
 * @example
 * describeEventStoreContract({ name: 'PGlite', setup: async () => ({ store, execute, teardown }) });
 */
export function describeEventStoreContract(args: {
  name: string;
  setup: () => Promise<ContractSubject>;
}): void {
  describe(`EventStore contract: ${args.name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;

    beforeAll(async () => {
      subject = await args.setup();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.teardown();
    });

    /** A new organization and its first event. */
    async function created() {
      const dao = daoFixture({ org: nextOrg() });
      const { event } = await store.createOrganization({ signed: dao.create({ now: T0 }), now: T0 });
      return { dao, genesis: event };
    }

    it('creates an organization from a signed org.create as event 0', async () => {
      const { dao, genesis } = await created();
      expect(genesis.seq).toBe(0);
      expect(genesis.prev).toBeNull();
      expect(genesis.recordedAt).toBe(T0.toISOString());
      const { hash, ...rest } = genesis;
      expect(hash).toBe(sha256Hex(eventHashText(rest)));

      const state = await store.readState({ org: dao.org });
      expect(state).toMatchObject({ id: dao.org, seq: 0, head: genesis.hash });
      expect(canonicalJson(state.charter)).toBe(canonicalJson(dao.charter));
      // Only the founder's key is registered: jonas's, though pinned in the charter, is not his yet.
      expect(Object.keys(state.keys)).toEqual(['mara']);
      expect(state.organization.units.map((u) => u.id)).toContain('brand');
      expect(await store.readHead({ org: dao.org })).toEqual({
        seq: 0,
        head: genesis.hash,
        recordedAt: genesis.recordedAt,
      });
      const listed = (await store.listOrganizations()).find((o) => o.id === dao.org);
      expect(listed).toMatchObject({ name: 'Lumen Protocol', kind: 'web3', seq: 0, head: genesis.hash });
    });

    it('appends signed actions as a hash chain and updates the projection with them', async () => {
      const { dao, genesis } = await created();
      const first = await store.append({
        signed: dao.amendBrand({ head: genesis.hash, description: 'one' }),
        now: at(1),
      });
      const second = await store.append({
        signed: dao.amendBrand({ head: first.event.hash, description: 'two' }),
        now: at(2),
      });
      expect(first).toMatchObject({ created: true, event: { seq: 1, prev: genesis.hash } });
      expect(second).toMatchObject({ created: true, event: { seq: 2, prev: first.event.hash } });
      const state = await store.readState({ org: dao.org });
      expect(state.seq).toBe(2);
      expect(state.head).toBe(second.event.hash);
      expect(state.organization.units.find((u) => u.id === 'brand')?.description).toBe('two');
    });

    it('accepts an action made against any head already in the log, and refuses one that is not', async () => {
      const { dao, genesis } = await created();
      const first = await store.append({
        signed: dao.amendBrand({ head: genesis.hash, description: 'a' }),
        now: at(1),
      });
      // Made against event 0 while the head is event 1: still a real point of this history.
      const stale = await store.append({
        signed: dao.amendBrand({ head: genesis.hash, description: 'b' }),
        now: at(2),
      });
      expect(stale.event).toMatchObject({ seq: 2, prev: first.event.hash });
      const foreign = dao.amendBrand({ head: 'f'.repeat(64), description: 'c' });
      expect(await codeOf(store.append({ signed: foreign, now: at(3) }))).toBe('action/unknown-head');
      const headless = resign(
        dao.amendBrand({ head: genesis.hash, description: 'd' }),
        dao.keys.mara.secret,
        (a) => {
          a['head'] = null;
        },
      );
      expect(await codeOf(store.append({ signed: headless, now: at(3) }))).toBe('action/missing-head');
      expect((await store.readHead({ org: dao.org })).seq).toBe(2);
    });

    it('refuses a wrong signature, and records nothing', async () => {
      const { dao, genesis } = await created();
      const signed = dao.amendBrand({ head: genesis.hash, description: 'x' });
      const tampered = { ...signed, action: { ...signed.action, issuedAt: at(5).toISOString() } };
      expect(await codeOf(store.append({ signed: tampered, now: at(10) }))).toBe('action/bad-signature');
      const garbage = { ...signed, signature: 'A'.repeat(86) };
      expect(await codeOf(store.append({ signed: garbage, now: at(10) }))).toBe('action/bad-signature');
      expect((await store.readHead({ org: dao.org })).seq).toBe(0);
    });

    it('refuses a malformed action before anything else', async () => {
      const { dao, genesis } = await created();
      const signed = dao.amendBrand({ head: genesis.hash, description: 'x' });
      const cases: unknown[] = [
        null,
        {},
        { action: signed.action },
        { ...signed, extra: 1 },
        { ...signed, action: { ...signed.action, v: 2 } },
        { ...signed, action: { ...signed.action, org: 'Not An Id' } },
        { ...signed, action: { ...signed.action, nonce: 'short' } },
        { ...signed, action: { ...signed.action, issuedAt: 'yesterday' } },
        { ...signed, action: { ...signed.action, payload: undefined } },
      ];
      for (const value of cases) {
        expect(await codeOf(store.append({ signed: value as SignedAction, now: at(10) }))).toBe(
          'action/malformed',
        );
      }
      let deep: unknown = 0;
      for (let i = 0; i < 10_000; i++) deep = [deep];
      const nested = { ...signed, action: { ...signed.action, payload: { charter: deep } } };
      expect(await codeOf(store.append({ signed: nested, now: at(10) }))).toBe('action/malformed');
    });

    it('records an exact retry once, and refuses another action with a used nonce', async () => {
      const { dao, genesis } = await created();
      const signed = dao.amendBrand({ head: genesis.hash, description: 'once' });
      const first = await store.append({ signed, now: at(1) });
      const retry = await store.append({ signed, now: at(2) });
      expect(retry).toEqual({ event: first.event, created: false });
      const sameNonce = resign(
        dao.amendBrand({ head: genesis.hash, description: 'twice' }),
        dao.keys.mara.secret,
        (a) => {
          a['nonce'] = signed.action.nonce;
        },
      );
      expect(await codeOf(store.append({ signed: sameNonce, now: at(3) }))).toBe('action/nonce-reused');
      expect((await store.readHead({ org: dao.org })).seq).toBe(1);
    });

    it('refuses a second org.create for an existing organization, but treats a retry as done', async () => {
      const dao = daoFixture({ org: nextOrg() });
      const create = dao.create({ now: T0 });
      const first = await store.createOrganization({ signed: create, now: T0 });
      const retry = await store.createOrganization({ signed: create, now: at(1) });
      expect(retry).toEqual({ event: first.event, created: false });
      expect(await codeOf(store.createOrganization({ signed: dao.create({ now: at(2) }), now: at(2) }))).toBe(
        'organization/exists',
      );
      // append() routes org.create to createOrganization.
      expect(await codeOf(store.append({ signed: dao.create({ now: at(3) }), now: at(3) }))).toBe(
        'organization/exists',
      );
      const amend = dao.amendBrand({ head: first.event.hash, description: 'x' });
      expect(await codeOf(store.createOrganization({ signed: amend, now: at(4) }))).toBe(
        'action/not-org-create',
      );
    });

    it('refuses, through applyEvent, what the actor has no right to do', async () => {
      const { dao, genesis } = await created();
      const secretOf = (who: 'mara' | 'jonas') => dao.keys[who].secret;
      // The ratchet: treasury is above founder level, so changing how it is governed needs a proposal.
      const ratchet = dao.amend({
        head: genesis.hash,
        edit: (c) => {
          unitOf(c, 'treasury')['target'] = 'autonomous';
        },
      });
      const refusal = store.append({ signed: ratchet, now: at(1) });
      await expect(refusal).rejects.toMatchObject({
        code: 'action/proposal-required',
        details: { unit: 'treasury', level: 1 },
      });
      // This and the next refusal are alike by design: each case shows its own input beside its own code.
      // A forged actor: jonas's key claiming to be mara.
      const forged = resign(
        dao.amendBrand({ head: genesis.hash, description: 'x', actor: 'jonas' }),
        secretOf('jonas'),
        (a) => {
          a['actor'] = 'mara';
        },
      );
      expect(await codeOf(store.append({ signed: forged, now: at(2) }))).toBe('action/wrong-key');
      // Like the forged actor above, by design: each case shows its own input beside its own code.
      // A member with no registered key.
      const stranger = resign(
        dao.amendBrand({ head: genesis.hash, description: 'x', actor: 'jonas' }),
        secretOf('jonas'),
        (a) => {
          a['actor'] = 'priya';
        },
      );
      expect(await codeOf(store.append({ signed: stranger, now: at(3) }))).toBe('action/key-not-registered');
      // An action of another kind than the log knows.
      const odd = resign(dao.amendBrand({ head: genesis.hash, description: 'x' }), secretOf('mara'), (a) => {
        a['kind'] = 'treasury.spend';
      });
      expect(await codeOf(store.append({ signed: odd, now: at(4) }))).toBe('action/unknown-kind');
      expect((await store.readHead({ org: dao.org })).seq).toBe(0);
    });

    it('cannot be fooled into recording an action of one organization in another', async () => {
      const a = await created();
      const bDao = daoFixture({ org: nextOrg(), keys: a.dao.keys });
      const b = await store.createOrganization({ signed: bDao.create({ now: T0 }), now: T0 });
      const forA = a.dao.amendBrand({ head: a.genesis.hash, description: 'only for a' });
      // Relabelled for b, the signature no longer matches.
      const relabelled = { ...forA, action: { ...forA.action, org: bDao.org, head: b.event.hash } };
      expect(await codeOf(store.append({ signed: relabelled, now: at(1) }))).toBe('action/bad-signature');
      // Signed for b but against a's head: the head is not in b's log.
      const crossHead = bDao.amendBrand({ head: a.genesis.hash, description: 'x' });
      expect(await codeOf(store.append({ signed: crossHead, now: at(1) }))).toBe('action/unknown-head');
      expect((await store.readHead({ org: bDao.org })).seq).toBe(0);
    });

    it('names a missing organization with organization/not-found everywhere', async () => {
      const dao = daoFixture({ org: nextOrg() });
      const ghost = dao.amendBrand({ head: 'a'.repeat(64), description: 'x' });
      expect(await codeOf(store.append({ signed: ghost, now: T0 }))).toBe('organization/not-found');
      expect(await codeOf(store.readState({ org: dao.org }))).toBe('organization/not-found');
      expect(await codeOf(store.readHead({ org: dao.org }))).toBe('organization/not-found');
      expect(await codeOf(store.readEvents({ org: dao.org }))).toBe('organization/not-found');
      expect(await codeOf(exported(store, dao.org))).toBe('organization/not-found');
      expect(await codeOf(store.rebuild({ org: dao.org }))).toBe('organization/not-found');
      // Ids no organization can have never reach the database (which refuses NUL in text).
      for (const odd of ['\u0000', 'Not An Id', 'x'.repeat(500), '\ud800']) {
        expect(await codeOf(store.readState({ org: odd }))).toBe('organization/not-found');
        expect(await codeOf(store.readEvents({ org: odd }))).toBe('organization/not-found');
      }
    });

    it('refuses an action issued in the future, and never lets recordedAt go backwards', async () => {
      const { dao, genesis } = await created();
      const future = dao.amendBrand({ head: genesis.hash, description: 'x', now: at(3600) });
      expect(await codeOf(store.append({ signed: future, now: at(1) }))).toBe('action/issued-in-future');
      // The store's clock steps back (an NTP correction): the log's time does not.
      const early = await store.append({
        signed: dao.amendBrand({ head: genesis.hash, description: 'y', now: at(-60) }),
        now: at(-60),
      });
      expect(early.event.recordedAt).toBe(T0.toISOString());
    });

    it('pages through events after a position', async () => {
      const { dao, genesis } = await created();
      let head = genesis.hash;
      for (let i = 0; i < 5; i++) {
        head = (
          await store.append({ signed: dao.amendBrand({ head, description: `v${i}` }), now: at(i + 1) })
        ).event.hash;
      }
      // 6 events (0 … 5) in pages of 4: [0..3] then [4, 5].
      const page1 = await store.readEvents({ org: dao.org, limit: 4 });
      expect(page1.events.map((e) => e.seq)).toEqual([0, 1, 2, 3]);
      expect(page1.next).toBe(3);
      const page2 = await store.readEvents({ org: dao.org, after: 3, limit: 4 });
      expect(page2.events.map((e) => e.seq)).toEqual([4, 5]);
      expect(page2.next).toBeNull();
      expect((await store.readEvents({ org: dao.org, after: 5 })).events).toEqual([]);
      for (const bad of [{ after: -2 }, { limit: 0 }, { limit: 1001 }, { after: 1.5 }]) {
        expect(await codeOf(store.readEvents({ org: dao.org, ...bad }))).toBe('request/bad-page');
      }
    });

    it('exports the log byte for byte as it was hashed, and the export verifies', async () => {
      const { dao, genesis } = await created();
      let head = genesis.hash;
      for (let i = 0; i < 3; i++) {
        head = (
          await store.append({ signed: dao.amendBrand({ head, description: `e${i}` }), now: at(i + 1) })
        ).event.hash;
      }
      const lines = await exported(store, dao.org);
      const { events } = await store.readEvents({ org: dao.org });
      expect(lines).toEqual(events.map((event) => canonicalJson(event)));
      const verified = await verifyLog({ lines, crypto: logCrypto });
      expect(verified).toMatchObject({ ok: true, events: 4, head });
    });

    it('never forks the chain under concurrent appends, and loses none', async () => {
      const { dao, genesis } = await created();
      const registered = await store.append({
        signed: dao.register({ head: genesis.hash, actor: 'jonas' }),
        now: at(1),
      });
      // 40 appends at once, all made against event 1: each must be sealed after the one before.
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.append({
            signed: dao.amendBrand({
              head: registered.event.hash,
              description: `c${i}`,
              actor: i % 2 === 0 ? 'mara' : 'jonas',
            }),
            now: at(1),
          }),
        ),
      );
      const { events } = await store.readEvents({ org: dao.org, limit: 100 });
      expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 42 }, (_, i) => i));
      for (let i = 1; i < events.length; i++) expect(events[i]!.prev).toBe(events[i - 1]!.hash);
      const nonces = new Set(events.map((e) => e.action.nonce));
      for (const result of results) expect(nonces.has(result.event.action.nonce)).toBe(true);
      expect(new Set(results.map((r) => r.event.seq)).size).toBe(40);
    });

    it('rebuilds identical projections from the log, and names what differs after damage', async () => {
      const { dao, genesis } = await created();
      let head = genesis.hash;
      for (let i = 0; i < 3; i++) {
        head = (
          await store.append({ signed: dao.amendBrand({ head, description: `r${i}` }), now: at(i + 1) })
        ).event.hash;
      }
      const sound = await store.rebuild({ org: dao.org });
      expect(sound).toEqual({
        identical: true,
        organizations: [{ org: dao.org, events: 4, identical: true, differences: [] }],
      });
      await subject.execute("UPDATE units SET level = 3 WHERE org = $1 AND id = 'brand'", [dao.org]);
      await subject.execute('DELETE FROM member_keys WHERE org = $1 AND member = $2', [dao.org, 'mara']);
      const damaged = await store.rebuild({ org: dao.org });
      expect(damaged.identical).toBe(false);
      expect(damaged.organizations[0]!.differences).toEqual([
        'units[brand].level: stored 3, replayed 0',
        'keys[mara]: missing from the store',
      ]);
      // A changed event body breaks its hash: named by position.
      const row = (await store.readEvents({ org: dao.org, after: 1, limit: 1 })).events[0]!;
      const forged: LogEvent = { ...row, recordedAt: '2020-01-01T00:00:00.000Z' };
      await subject.execute('UPDATE events SET body = $3 WHERE org = $1 AND seq = $2', [
        dao.org,
        2,
        canonicalJson(forged),
      ]);
      const broken = await store.rebuild({ org: dao.org });
      expect(broken.organizations[0]!.differences.at(-1)).toMatch(/^event 2: .*hash/);
      expect(broken.organizations[0]!.events).toBe(2);
    });

    it('keeps names no database column can hold (NUL characters); refuses lone surrogates, which are not I-JSON', async () => {
      const { dao, genesis } = await created();
      const surrogate = dao.amend({
        head: genesis.hash,
        edit: (charter) => {
          unitOf(charter, 'brand')['name'] = 'Brand \ud800 & trademark';
        },
      });
      await expect(store.append({ signed: surrogate, now: at(1) })).rejects.toMatchObject({
        code: 'action/invalid-charter',
      });
      const odd = dao.amend({
        head: genesis.hash,
        edit: (charter) => {
          unitOf(charter, 'brand')['name'] = 'Brand\u0000 & trademark';
        },
      });
      const { event } = await store.append({ signed: odd, now: at(1) });
      const state = await store.readState({ org: dao.org });
      expect(state.organization.units.find((u) => u.id === 'brand')?.name).toBe('Brand\u0000 & trademark');
      expect(await exported(store, dao.org)).toContain(canonicalJson(event));
      expect((await store.rebuild({ org: dao.org })).identical).toBe(true);
    });

    describeGroupCommit({ store: () => store, org: nextOrg, now: T0 });

    it('rebuilds every organization when none is named', async () => {
      await created();
      const report = await store.rebuild({});
      expect(report.organizations.length).toBeGreaterThan(1);
      const ids = report.organizations.map((o) => o.org);
      expect(ids).toEqual([...ids].sort());
    });
  });
}
