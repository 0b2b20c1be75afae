import { expect, it } from 'vitest';
import { daoFixture, unitOf } from '../../test/support/daoFixture.js';
import { votingLumen } from '../../test/support/votingLumen.js';
import { actionSigningText, type SignedAction } from '../core/log/Action.js';
import { signEd25519 } from '../identity/ed25519.js';
import type { EventStore } from './EventStore.js';

type Outcome = { readonly seq: number; readonly created: boolean } | { readonly code: string };

/**
 * Appends `actions` to one organization all at once, the way concurrent requests arrive: the
 * first runs alone while the others queue, so the others are sealed and committed as one group.
 * Each outcome is the event's seq and whether it was new, or the refusal's code.
 */
async function appendAtOnce(
  store: EventStore,
  actions: readonly SignedAction[],
  now: Date,
): Promise<Outcome[]> {
  const settled = await Promise.allSettled(actions.map((signed) => store.append({ signed, now })));
  return settled.map((result) =>
    result.status === 'fulfilled'
      ? { seq: result.value.event.seq, created: result.value.created }
      : { code: (result.reason as { code?: string }).code ?? String(result.reason) },
  );
}

/** The log is one chain: seq 0 … n in order, each `prev` the hash of the event before. */
async function expectLinear(store: EventStore, org: string, events: number): Promise<void> {
  const page = await store.readEvents({ org, limit: 1000 });
  expect(page.events.map((e) => e.seq)).toEqual(Array.from({ length: events }, (_, i) => i));
  for (let i = 1; i < page.events.length; i++) expect(page.events[i]!.prev).toBe(page.events[i - 1]!.hash);
  expect((await store.readState({ org })).seq).toBe(events - 1);
  expect((await store.rebuild({ org })).identical).toBe(true);
}

/**
 * Group commit, as every adapter must show it: appends to one organization that arrive together
 * are sealed in arrival order and committed in one transaction, yet each is judged as if it came
 * alone — a refused action is refused by itself, a repeat inside a group is recorded once.
 * Called inside `describeEventStoreContract`, on its store.
 */
export function describeGroupCommit(args: { store: () => EventStore; org: () => string; now: Date }): void {
  const { now } = args;

  it('group commit: seals actions arriving together in arrival order, refusing a bad one alone', async () => {
    const store = args.store();
    const dao = daoFixture({ org: args.org() });
    const { event: genesis } = await store.createOrganization({ signed: dao.create(), now });
    const amend = (i: number) => dao.amendBrand({ head: genesis.hash, description: `g${i}` });
    // Changing how the treasury is governed needs a proposal; a head not in the log is unknown.
    const ratchet = dao.amend({
      head: genesis.hash,
      edit: (c) => {
        unitOf(c, 'treasury')['target'] = 'autonomous';
      },
    });
    const foreign = dao.amendBrand({ head: 'e'.repeat(64), description: 'foreign' });
    const actions = [amend(0), amend(1), ratchet, amend(2), foreign, amend(3), amend(4)];
    expect(await appendAtOnce(store, actions, now)).toEqual([
      { seq: 1, created: true },
      { seq: 2, created: true },
      { code: 'action/proposal-required' },
      { seq: 3, created: true },
      { code: 'action/unknown-head' },
      { seq: 4, created: true },
      { seq: 5, created: true },
    ]);
    await expectLinear(store, dao.org, 6);
    const state = await store.readState({ org: dao.org });
    expect(state.organization.units.find((u) => u.id === 'brand')?.description).toBe('g4');
  });

  it('group commit: records a repeat within one group once, and refuses a reused nonce', async () => {
    const store = args.store();
    const dao = daoFixture({ org: args.org() });
    const { event: genesis } = await store.createOrganization({ signed: dao.create(), now });
    const once = dao.amendBrand({ head: genesis.hash, description: 'once' });
    const other = dao.amendBrand({ head: genesis.hash, description: 'other' });
    const action = { ...other.action, nonce: once.action.nonce };
    const reused: SignedAction = {
      action,
      signature: signEd25519({ secret: dao.keys.mara.secret, text: actionSigningText(action) }),
    };
    const actions = [dao.amendBrand({ head: genesis.hash, description: 'first' }), once, once, reused];
    expect(await appendAtOnce(store, actions, now)).toEqual([
      { seq: 1, created: true },
      { seq: 2, created: true },
      { seq: 2, created: false },
      { code: 'action/nonce-reused' },
    ]);
    await expectLinear(store, dao.org, 3);
  });

  it('group commit: takes a whole electorate’s votes arriving together, each once, in order', async () => {
    const store = args.store();
    const lumen = votingLumen({ org: args.org(), voters: 8 });
    const { event: genesis } = await store.createOrganization({ signed: lumen.create(), now });
    const registered = await appendAtOnce(store, lumen.registrations(genesis.hash), now);
    expect(registered.every((o) => 'created' in o && o.created)).toBe(true);
    const { event: opened } = await store.append({ signed: lumen.openProposal(genesis.hash), now });
    const votes = Array.from({ length: 40 }, (_, index) => lumen.vote({ head: opened.hash, index }));
    const outcomes = await appendAtOnce(store, votes, now);
    expect(outcomes).toEqual(votes.map((_, i) => ({ seq: opened.seq + 1 + i, created: true })));
    await expectLinear(store, lumen.org, opened.seq + 41);
    const { events } = await store.readEvents({ org: lumen.org, after: opened.seq, limit: 1000 });
    expect(events.map((e) => e.action.nonce)).toEqual(votes.map((v) => v.action.nonce));
  });
}
