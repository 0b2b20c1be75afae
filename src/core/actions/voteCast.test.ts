import { describe, expect, it } from 'vitest';
import { DAY, decisionOn, governedLumen } from '../../../test/support/governedLog.js';
import type { DevolveError } from '../errors/DevolveError.js';
import { applyEvent } from '../state/applyEvent.js';

const decision = decisionOn('treasury', 'p1', 'Fund the audit', 'Pay for the v4 audit');
const ballot = (choice: string, reason?: string) => ({
  proposal: 'p1',
  ballot: { choice },
  ...(reason === undefined ? {} : { reason }),
});

describe('vote.cast: the electorate fixed at opening, in the voting phase, with the policy’s rationale', () => {
  it('takes ballots from the electorate, with a reason where the policy requires one, and the latest counts', () => {
    const lumen = governedLumen({ org: 'lumen-vote' });
    lumen.as('mara', 'proposal.create', decision);
    expect(lumen.refusal('ade', 'vote.cast', ballot('for', 'yes'))).toBe('proposal/not-in-electorate');
    expect(lumen.refusal('jonas', 'vote.cast', ballot('for'))).toBe('proposal/reason-required');
    expect(
      lumen.refusal('jonas', 'vote.cast', { proposal: 'p1', ballot: { approve: ['for'] }, reason: 'x' }),
    ).toBe('proposal/invalid-ballot');
    expect(lumen.refusal('jonas', 'vote.cast', { ...ballot('for', 'x'), proposal: 'p9' })).toBe(
      'action/unknown-proposal',
    );
    lumen.as('jonas', 'vote.cast', ballot('against', 'too dear'));
    lumen.as('jonas', 'vote.cast', ballot('for', 'the second quote is fair'));
    expect(lumen.proposal('p1').ballots.map((b) => b.ballot)).toEqual([
      { choice: 'against' },
      { choice: 'for' },
    ]);
  });

  it('closes at the end of the period by the store’s clock, not the time the voter signed', () => {
    const lumen = governedLumen({ org: 'lumen-clock' });
    lumen.as('mara', 'proposal.create', decision);
    // signed while voting is open (3 days), recorded after it closed: the record's time decides
    const signed = lumen.log.sign({
      key: lumen.keys['jonas']!,
      actor: 'jonas',
      kind: 'vote.cast',
      payload: ballot('for', 'late'),
    });
    lumen.advance(3 * DAY);
    const event = lumen.log.seal(signed);
    expect(Date.parse(event.recordedAt) - Date.parse(event.action.issuedAt)).toBeGreaterThanOrEqual(
      3 * DAY * 1000,
    );
    let code: string | undefined;
    try {
      applyEvent({ state: lumen.org.state, event });
    } catch (error) {
      code = (error as DevolveError).code;
    }
    expect(code).toBe('proposal/wrong-phase');
  });

  it('keeps the delegations in force when a proposal opens, and only those', () => {
    const lumen = governedLumen({ org: 'lumen-delegate' });
    lumen.as('jonas', 'delegation.set', { role: 'core-team', to: [{ member: 'priya', share: 1 }] });
    lumen.as('mara', 'proposal.create', decision);
    lumen.as('jonas', 'delegation.revoke', { role: 'core-team' });
    lumen.as('mara', 'proposal.create', { ...decision, id: 'p2' });
    expect(lumen.proposal('p1').delegations.map((d) => d.from)).toEqual(['jonas']);
    expect(lumen.proposal('p2').delegations).toEqual([]);
    // priya carries jonas's weight on p1: with mara against, priya's ballot outweighs her
    lumen.as('mara', 'vote.cast', ballot('against', 'not now'));
    lumen.as('priya', 'vote.cast', ballot('for', 'now'));
    lumen.advance(3 * DAY);
    lumen.as('lin', 'proposal.execute', { proposal: 'p1' });
    expect(lumen.proposal('p1').executedAt).toBeDefined();
  });
});
