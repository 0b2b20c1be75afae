import { PGlite } from '@electric-sql/pglite';
import { describe, expect, it } from 'vitest';
import { DevolveError } from '../src/core/errors/DevolveError.js';
import { NO_EVIDENCE } from '../src/core/evidence/Evidence.js';
import { explainUnit } from '../src/core/explain/explainUnit.js';
import { proposalFromJson } from '../src/core/governance/lifecycle/proposalJson.js';
import { verifyLog } from '../src/core/log/verifyLog.js';
import { makePlan } from '../src/core/planner/makePlan.js';
import { organizationInForce } from '../src/core/state/organizationInForce.js';
import { logCrypto } from '../src/identity/logCrypto.js';
import { type SigningKey, signAction } from '../src/identity/signAction.js';
import { createPgliteStore } from '../src/store/createPgliteStore.js';
import type { EventStore } from '../src/store/EventStore.js';
import { CORE_TEAM, DAY, GRANTS_COMMITTEE, LUMEN_MEMBERS, treasuryEvidence } from './support/governedLog.js';
import { copy, daoCharter, ed25519Key, type JsonObject, unitOf } from './support/signedLog.js';

const ORG = 'lumen-governed';

/**
 * Lumen Protocol (the dao template) run through a real PGlite store with the store's clock driven
 * by the test: every action is signed by its member's own registered key and recorded by the store,
 * which applies it through the action registry exactly as `devolve verify` replays it.
 */
async function governed() {
  const store: EventStore = await createPgliteStore({ pglite: await PGlite.create() });
  const keys: Record<string, SigningKey> = Object.fromEntries(LUMEN_MEMBERS.map((id) => [id, ed25519Key()]));
  const charter = daoCharter({ org: ORG, keys });
  // The treasury's consultative level holds passed proposals two days before they run.
  unitOf(charter, 'treasury')['policies'] = { consultative: { timelock: 'P2D' } };
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  let head: string | null = null;
  const sign = (actor: string, kind: string, payload: unknown) =>
    signAction({ key: keys[actor]!, org: ORG, kind, actor, payload, head, now: new Date(clock) });
  const act = async (actor: string, kind: string, payload: unknown) => {
    clock += 1000;
    const { event } = await (kind === 'org.create'
      ? store.createOrganization({ signed: sign(actor, kind, payload), now: new Date(clock) })
      : store.append({ signed: sign(actor, kind, payload), now: new Date(clock) }));
    head = event.hash;
    return event;
  };
  const refusal = async (actor: string, kind: string, payload: unknown): Promise<string> => {
    try {
      await act(actor, kind, payload);
    } catch (error) {
      if (error instanceof DevolveError) return error.code;
      throw error;
    }
    throw new Error(`${kind} by ${actor} was accepted`);
  };
  const vote = async (proposal: string, voters: readonly string[], choice: string) => {
    for (const voter of voters)
      await act(voter, 'vote.cast', { proposal, ballot: { choice }, reason: `${voter}: ${choice}` });
  };
  const state = () => store.readState({ org: ORG });
  const advance = (seconds: number) => {
    clock += seconds * 1000;
  };
  return { store, charter, act, refusal, vote, state, advance };
}

describe('the treasury of the dao template, decentralized by its own proposals', () => {
  it('climbs two notches through executed moves, and the core team alone cannot bring it back', async () => {
    const lumen = await governed();
    const { act, refusal, vote, advance } = lumen;
    try {
      await act('mara', 'org.create', { charter: lumen.charter });
      for (const member of LUMEN_MEMBERS) if (member !== 'mara') await act(member, 'key.register', {});
      expect((await lumen.state()).levels['treasury']).toBe(1); // transparent

      // A first move to consultative is voted down by the core team: it never runs.
      const toConsultative = {
        unit: 'treasury',
        kind: 'slider-move',
        title: 'Treasury becomes consultative',
        subject: { to: 'consultative', evidence: treasuryEvidence(['treasury-dashboard']) },
      };
      await act('mara', 'proposal.create', { ...toConsultative, id: 'move-1' });
      await vote('move-1', ['mara', 'jonas'], 'for');
      await vote('move-1', ['priya', 'tomas', 'lin'], 'against');
      advance(3 * DAY);
      expect(await refusal('mara', 'proposal.execute', { proposal: 'move-1' })).toBe('proposal/wrong-phase');

      // The second attempt passes and runs.
      await act('mara', 'proposal.create', { ...toConsultative, id: 'move-2' });
      await vote('move-2', CORE_TEAM, 'for');
      advance(3 * DAY);
      await act('priya', 'proposal.execute', { proposal: 'move-2' });
      expect((await lumen.state()).levels['treasury']).toBe(2);

      // To delegated: consultation (7 days), the vote (3 days), then the two-day timelock.
      await act('priya', 'proposal.create', {
        id: 'move-3',
        unit: 'treasury',
        kind: 'slider-move',
        title: 'The grants committee takes the treasury',
        subject: {
          to: 'delegated',
          evidence: treasuryEvidence(
            ['multisig-migration'],
            [{ metric: 'distinct-proposers', unit: 'treasury', value: 6, window: 'P90D', at: '2026-03-01' }],
          ),
        },
      });
      await act('ade', 'proposal.advise', {
        proposal: 'move-3',
        advice: 'Publish the multisig signers first.',
      });
      advance(7 * DAY);
      await vote('move-3', CORE_TEAM, 'for');
      advance(3 * DAY);
      expect(await refusal('mara', 'proposal.execute', { proposal: 'move-3' })).toBe('proposal/wrong-phase');
      advance(2 * DAY);
      await act('mara', 'proposal.execute', { proposal: 'move-3' });
      let state = await lumen.state();
      expect(state.levels['treasury']).toBe(3);
      // Every view of today reads the level the log moved the unit to, not the one the charter
      // first declared (transparent): explain now speaks of the delegated level and the plan of
      // the move after it.
      const running = organizationInForce({ state });
      expect(state.organization.units.find((u) => u.id === 'treasury')?.level).toBe(1);
      expect(running.units.find((u) => u.id === 'treasury')?.level).toBe(3);
      expect(explainUnit({ organization: running, unit: 'treasury' }).today.id).toBe('delegated');
      const next = makePlan({
        organization: running,
        evidence: NO_EVIDENCE,
        now: Date.parse(state.levelSince['treasury']!),
      }).assessments;
      expect(next.find((a) => a.unit === 'treasury')?.to).toBe(4); // community-governed

      // At delegated the committee decides and the team keeps a veto: a vetoed grant never runs.
      await act('elena', 'proposal.create', {
        id: 'grant-1',
        unit: 'treasury',
        kind: 'decision',
        title: 'Fund the indexer',
        subject: { outcome: 'Pay 30k LUM to the indexer team' },
      });
      advance(7 * DAY);
      await vote('grant-1', GRANTS_COMMITTEE, 'for');
      advance(5 * DAY);
      await act('jonas', 'proposal.veto', {
        proposal: 'grant-1',
        reason: 'The indexer team is a related party.',
      });
      advance(3 * DAY);
      expect(await refusal('elena', 'proposal.execute', { proposal: 'grant-1' })).toBe(
        'proposal/wrong-phase',
      );

      // The core team alone may propose going back, but only the committee decides it.
      await act('mara', 'proposal.create', {
        id: 'move-back',
        unit: 'treasury',
        kind: 'slider-move',
        title: 'Back to consultative',
        subject: { to: 'consultative' },
      });
      advance(7 * DAY);
      for (const member of CORE_TEAM)
        expect(
          await refusal(member, 'vote.cast', {
            proposal: 'move-back',
            ballot: { choice: 'for' },
            reason: 'back',
          }),
        ).toBe('proposal/not-in-electorate');
      advance(5 * DAY);
      expect(await refusal('mara', 'proposal.execute', { proposal: 'move-back' })).toBe(
        'proposal/wrong-phase',
      );

      // Nor can it loosen the treasury's rules: not by amend, and a proposal to do so is the committee's.
      const loosened = copy(lumen.charter) as JsonObject;
      unitOf(loosened, 'treasury')['policies'] = {
        consultative: { timelock: 'P2D' },
        delegated: { deciders: ['$team'] },
      };
      expect(await refusal('mara', 'charter.amend', { charter: loosened })).toBe('action/proposal-required');
      await act('mara', 'proposal.create', {
        id: 'loosen',
        unit: 'treasury',
        kind: 'charter-change',
        title: 'The team decides the treasury again',
        subject: { charter: loosened },
      });
      state = await lumen.state();
      const loosen = proposalFromJson(state.proposals['loosen']);
      expect([...loosen.electorate.weights.keys()].sort()).toEqual([...GRANTS_COMMITTEE].sort());
      advance(7 * DAY);
      expect(
        await refusal('jonas', 'vote.cast', {
          proposal: 'loosen',
          ballot: { choice: 'for' },
          reason: 'ours',
        }),
      ).toBe('proposal/not-in-electorate');
      advance(5 * DAY);
      expect(await refusal('mara', 'proposal.execute', { proposal: 'loosen' })).toBe('proposal/wrong-phase');
      expect((await lumen.state()).levels['treasury']).toBe(3);

      // The exported log replays to the same state, and the stored projection rebuilds identically.
      const lines: string[] = [];
      for await (const line of lumen.store.exportLog({ org: ORG })) lines.push(line);
      const verified = await verifyLog({ lines, crypto: logCrypto });
      if (!verified.ok) throw new Error(verified.firstBad.reason);
      expect(verified.state).toEqual(await lumen.state());
      expect(verified.state.levels['treasury']).toBe(3);
      expect((await lumen.store.rebuild({ org: ORG })).identical).toBe(true);
    } finally {
      await lumen.store.close();
    }
  });
});
