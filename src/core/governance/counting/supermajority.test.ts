import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotsArbitrary, weighted } from '../../../../test/support/weightedBallots.js';
import { makeRatio } from '../../ratio/Ratio.js';
import { supermajority } from './supermajority.js';
import { SUPPORT_OPTIONS } from './supportTotals.js';

const options = SUPPORT_OPTIONS;
const twoThirds = makeRatio(2n, 3n);

describe('supermajority', () => {
  // Written out like the first worked example of majority.test.ts, supermajority.test.ts and
  // weightedSplit.test.ts, by design: each states its method's own arithmetic.
  it('passes when the weight for reaches the threshold of the weight for or against, exactly included', () => {
    // for 200, against 100, abstain 700: 200 · 3 = 600 ≥ 2 · (200 + 100) = 600, exactly two thirds.
    const result = supermajority.tally({
      options,
      threshold: twoThirds,
      ballots: weighted(
        ['alice', 200, { choice: 'for' }],
        ['bob', 100, { choice: 'against' }],
        ['carol', 700, { choice: 'abstain' }],
      ),
    });
    expect(result).toEqual({
      outcome: 'passed',
      winners: ['for'],
      totals: { for: 200n, against: 100n, abstain: 700n },
      participation: 1000n,
      voters: 3,
    });
  });

  it('rejects just below the threshold', () => {
    // for 199, against 101: 199 · 3 = 597 < 2 · 300 = 600.
    const result = supermajority.tally({
      options,
      threshold: twoThirds,
      ballots: weighted(['alice', 199, { choice: 'for' }], ['bob', 101, { choice: 'against' }]),
    });
    expect(result.outcome).toBe('rejected');
  });

  it('rejects when nothing is cast for or against, and without a threshold', () => {
    const abstaining = weighted(['alice', 5, { choice: 'abstain' as const }]);
    expect(supermajority.tally({ options, threshold: twoThirds, ballots: abstaining }).outcome).toBe(
      'rejected',
    );
    const unanimous = weighted(['alice', 5, { choice: 'for' as const }]);
    expect(supermajority.tally({ options, ballots: unanimous }).outcome).toBe('rejected');
    expect(supermajority.tally({ options, threshold: twoThirds, ballots: unanimous }).outcome).toBe('passed');
  });

  it('passes exactly when for · den ≥ num · (for + against) > 0, for any threshold', () => {
    const support = fc.constantFrom(...SUPPORT_OPTIONS).map((choice) => ({ choice }));
    const threshold = fc
      .bigInt({ min: 1n, max: 1000n })
      .chain((den) => fc.bigInt({ min: 0n, max: den }).map((num) => makeRatio(num, den)));
    fc.assert(
      fc.property(ballotsArbitrary(support), threshold, (ballots, ratio) => {
        const sum = (choice: string) =>
          ballots.filter((b) => b.ballot.choice === choice).reduce((a, b) => a + b.weight, 0n);
        const cast = sum('for') + sum('against');
        const expected = cast > 0n && sum('for') * ratio.den >= ratio.num * cast;
        expect(supermajority.tally({ options, ballots, threshold: ratio }).outcome === 'passed').toBe(
          expected,
        );
      }),
    );
  });
});
