import { describe, expect, it } from 'vitest';
import { weighted } from '../../../../test/support/weightedBallots.js';
import { singleOwner } from './singleOwner.js';

const options = ['for', 'against'];

describe('singleOwner', () => {
  it("is the owner's decision, whatever the weight", () => {
    expect(singleOwner.tally({ options, ballots: weighted(['founder', 0, { choice: 'for' }]) })).toEqual({
      outcome: 'passed',
      winners: ['for'],
      totals: { for: 0n, against: 0n },
      participation: 0n,
      voters: 1,
    });
    expect(
      singleOwner.tally({ options, ballots: weighted(['founder', 1, { choice: 'against' }]) }).outcome,
    ).toBe('rejected');
  });

  it('is pending until the owner decides', () => {
    expect(singleOwner.tally({ options, ballots: [] })).toMatchObject({ outcome: 'pending', winners: [] });
  });

  it('decides when several owners agree, and is tied when they disagree, however heavy one of them is', () => {
    const agree = weighted(
      ['ann', 1, { choice: 'against' as const }],
      ['ben', 1, { choice: 'against' as const }],
    );
    expect(singleOwner.tally({ options, ballots: agree }).outcome).toBe('rejected');
    const disagree = weighted(
      ['ann', 1000, { choice: 'for' as const }],
      ['ben', 1, { choice: 'against' as const }],
    );
    expect(singleOwner.tally({ options, ballots: disagree })).toMatchObject({
      outcome: 'tied',
      winners: [],
      totals: { for: 1000n, against: 1n },
    });
  });
});
