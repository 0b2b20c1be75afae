import { describe, expect, it } from 'vitest';
import { weighted } from '../../../../test/support/weightedBallots.js';
import { advice } from './advice.js';

const options = ['for', 'against'];
const notes = weighted(
  ['zoe', 1, { advice: 'Ship it behind a flag' }],
  ['amy', 5, { advice: 'Ask legal first' }],
);

describe('advice', () => {
  it("is the proposer's recorded decision, whatever the advice", () => {
    expect(advice.tally({ options, ballots: notes, decision: 'for' })).toEqual({
      outcome: 'passed',
      winners: ['for'],
      totals: {},
      participation: 6n,
      voters: 2,
      notes: [
        { voter: 'amy', kind: 'advice', text: 'Ask legal first' },
        { voter: 'zoe', kind: 'advice', text: 'Ship it behind a flag' },
      ],
    });
    expect(advice.tally({ options, ballots: notes, decision: 'against' }).outcome).toBe('rejected');
  });

  it('is pending until the proposer decides', () => {
    expect(advice.tally({ options, ballots: notes })).toMatchObject({ outcome: 'pending', winners: [] });
  });
});
