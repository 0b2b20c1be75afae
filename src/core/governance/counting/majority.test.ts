import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotsArbitrary, weighted } from '../../../../test/support/weightedBallots.js';
import { majority } from './majority.js';
import { SUPPORT_OPTIONS } from './supportTotals.js';

const options = SUPPORT_OPTIONS;
const support = fc.constantFrom(...SUPPORT_OPTIONS).map((choice) => ({ choice }));

describe('majority', () => {
  // Written out like the first worked example of majority.test.ts, supermajority.test.ts and
  // weightedSplit.test.ts, by design: each states its method's own arithmetic.
  it('passes with more than half of the weight cast for or against; abstentions only add participation', () => {
    // for 60, against 40, abstain 50: 60 > 40, i.e. 60 > (60 + 40) / 2 = 50. Participation 150.
    const result = majority.tally({
      options,
      ballots: weighted(
        ['alice', 60, { choice: 'for' }],
        ['bob', 40, { choice: 'against' }],
        ['carol', 50, { choice: 'abstain' }],
      ),
    });
    expect(result).toEqual({
      outcome: 'passed',
      winners: ['for'],
      totals: { for: 60n, against: 40n, abstain: 50n },
      participation: 150n,
      voters: 3,
    });
  });

  it('rejects a tie: for = against is not more than half', () => {
    // for 50, against 50: 50 > 50 is false.
    const result = majority.tally({
      options,
      ballots: weighted(['alice', 50, { choice: 'for' }], ['bob', 50, { choice: 'against' }]),
    });
    expect(result.outcome).toBe('rejected');
    expect(result.winners).toEqual([]);
  });

  it('rejects with no ballots, or abstentions only', () => {
    expect(majority.tally({ options, ballots: [] })).toMatchObject({
      outcome: 'rejected',
      participation: 0n,
    });
    expect(majority.tally({ options, ballots: weighted(['a', 9, { choice: 'abstain' }]) })).toMatchObject({
      outcome: 'rejected',
      participation: 9n,
    });
  });

  it('passes exactly when 2·for > for + against (the definition), and adding abstentions never changes that', () => {
    fc.assert(
      fc.property(ballotsArbitrary(support), fc.bigInt({ min: 1n, max: 10n ** 20n }), (ballots, extra) => {
        const sum = (choice: string) =>
          ballots.filter((b) => b.ballot.choice === choice).reduce((a, b) => a + b.weight, 0n);
        const result = majority.tally({ options, ballots });
        expect(result.outcome === 'passed').toBe(2n * sum('for') > sum('for') + sum('against'));
        const withAbstention = majority.tally({
          options,
          ballots: [...ballots, { voter: 'late', weight: extra, ballot: { choice: 'abstain' } }],
        });
        expect(withAbstention.outcome).toBe(result.outcome);
        expect(withAbstention.participation).toBe(result.participation + extra);
      }),
    );
  });
});
