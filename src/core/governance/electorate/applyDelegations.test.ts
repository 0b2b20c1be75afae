import { describe, expect, it } from 'vitest';
import type { BallotRecord, Delegation } from '../lifecycle/Proposal.js';
import { applyDelegations, potentialWeight } from './applyDelegations.js';

const weights = new Map([
  ['ana', 100n],
  ['ben', 10n],
  ['dee', 7n],
]);
// ana lends 1/4 to ben and 3/4 to cy (who has no weight of their own)
const delegations: Delegation[] = [
  {
    from: 'ana',
    scope: { kind: 'role', role: 'council' },
    parts: [
      { to: 'ben', share: { num: 1n, den: 4n } },
      { to: 'cy', share: { num: 3n, den: 4n } },
    ],
  },
  // dee lends 1/3 of 7 to ana: ⌊7/3⌋ = 2
  {
    from: 'dee',
    scope: { kind: 'role', role: 'council' },
    parts: [{ to: 'ana', share: { num: 1n, den: 3n } }],
  },
];
const vote = (voter: string, ballot: string, at = 0): BallotRecord => ({ voter, ballot, at });

describe('applyDelegations', () => {
  it('lends each part of a delegator who did not vote to the delegates who did', () => {
    const ballots = applyDelegations({
      weights,
      delegations,
      ballots: [vote('ben', 'for'), vote('cy', 'against')],
    });
    // ben 10 + ⌊100 × 1/4⌋ = 35; cy 0 + ⌊100 × 3/4⌋ = 75
    expect(ballots).toEqual([
      { voter: 'ben', weight: 35n, ballot: 'for' },
      { voter: 'cy', weight: 75n, ballot: 'against' },
    ]);
  });

  it('lets a direct vote override the delegates for the voter’s own weight', () => {
    const ballots = applyDelegations({
      weights,
      delegations,
      ballots: [vote('ben', 'for'), vote('cy', 'against'), vote('ana', 'abstain')],
    });
    // ana votes: her own 100 plus ⌊7/3⌋ = 2 from dee makes 102; ben back to 10; cy has nothing left and is left out
    expect(ballots).toEqual([
      { voter: 'ana', weight: 102n, ballot: 'abstain' },
      { voter: 'ben', weight: 10n, ballot: 'for' },
    ]);
  });

  it('is one hop: weight lent to a delegate is not lent on', () => {
    // dee lends 2 to ana, ana lends on to ben and cy; only ben votes
    const ballots = applyDelegations({ weights, delegations, ballots: [vote('ben', 'for')] });
    // ben 10 + 25 from ana; dee's 2 went to ana, who did not vote: not counted
    expect(ballots).toEqual([{ voter: 'ben', weight: 35n, ballot: 'for' }]);
    const withAna = applyDelegations({ weights, delegations, ballots: [vote('ana', 'for')] });
    // ana 100 + ⌊7/3⌋ = 102
    expect(withAna).toEqual([{ voter: 'ana', weight: 102n, ballot: 'for' }]);
  });

  it('counts each voter’s latest ballot and gives the same list whatever the order of voters', () => {
    const first = applyDelegations({
      weights,
      delegations,
      ballots: [vote('cy', 'for'), vote('ben', 'for'), vote('cy', 'against')],
    });
    const second = applyDelegations({
      weights,
      delegations,
      ballots: [vote('ben', 'for'), vote('cy', 'for'), vote('cy', 'against')],
    });
    expect(first).toEqual(second);
    expect(first.find((b) => b.voter === 'cy')?.ballot).toBe('against');
  });

  it('never counts more weight than the electorate holds', () => {
    const everyone = applyDelegations({
      weights,
      delegations,
      ballots: ['ana', 'ben', 'cy', 'dee'].map((voter) => vote(voter, 'for')),
    });
    const counted = everyone.reduce((sum, ballot) => sum + ballot.weight, 0n);
    // 100 + 10 + 7 = 117: every one votes directly, so nothing is lent
    expect(counted).toBe(117n);
  });
});

describe('potentialWeight', () => {
  it('adds what is delegated to a voter to their own weight', () => {
    // cy: 0 + ⌊300/4⌋ = 75; ana: 100 + ⌊7/3⌋ = 102; zed: nothing
    expect(potentialWeight({ weights, delegations, voter: 'cy' })).toBe(75n);
    expect(potentialWeight({ weights, delegations, voter: 'ana' })).toBe(102n);
    expect(potentialWeight({ weights, delegations, voter: 'zed' })).toBe(0n);
  });
});
