import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotsArbitrary, expectPlainTotals, weighted } from '../../../../test/support/weightedBallots.js';
import { majority } from './majority.js';
import { splitWeight } from './splitWeight.js';
import { SUPPORT_OPTIONS } from './supportTotals.js';
import { weightedSplit } from './weightedSplit.js';

describe('weightedSplit', () => {
  // Written out like the first worked example of majority.test.ts, supermajority.test.ts and
  // weightedSplit.test.ts, by design: each states its method's own arithmetic.
  it('adds up each voter’s division of their weight', () => {
    // alice 10 split 1:1:1 → a 3, b 3, c 4 (cumulative rounding); bob 5 all on b → b 8.
    // a 3, b 8, c 4: b wins; the totals add up to the participation, 15.
    const result = weightedSplit.tally({
      options: ['a', 'b', 'c'],
      ballots: weighted(['alice', 10, { split: { a: 1, b: 1, c: 1 } }], ['bob', 5, { split: { b: 1 } }]),
    });
    expect(result).toEqual({
      outcome: 'decided',
      winners: ['b'],
      totals: { a: 3n, b: 8n, c: 4n },
      participation: 15n,
      voters: 2,
    });
  });

  it('reduces to majority when every voter has equal weight and puts it all on for or against', () => {
    const options = ['for', 'against'];
    const side = fc.constantFrom('for' as const, 'against' as const);
    fc.assert(
      fc.property(
        fc.array(side, { maxLength: 40 }),
        fc.bigInt({ min: 1n, max: 10n ** 18n }),
        (sides, weight) => {
          const split = weightedSplit.tally({
            options,
            ballots: sides.map((choice, i) => ({
              voter: `v${i}`,
              weight,
              ballot: { split: { [choice]: 1 } },
            })),
          });
          const vote = majority.tally({
            options: SUPPORT_OPTIONS,
            ballots: sides.map((choice, i) => ({ voter: `v${i}`, weight, ballot: { choice } })),
          });
          expect(split.totals).toEqual({ for: vote.totals['for'], against: vote.totals['against'] });
          // Majority passes ⇔ for wins the split; a level vote is majority's rejection and the split's tie.
          expect(vote.outcome === 'passed').toBe(split.winners[0] === 'for' && split.outcome === 'decided');
          if (sides.length > 0 && vote.totals['for'] === vote.totals['against'])
            expect(split.outcome).toBe('tied');
        },
      ),
    );
  });

  it('follows the tie rule: equal top totals are tied and no option is chosen', () => {
    const ballot = fc
      .record({ a: fc.nat(3), b: fc.nat(3) })
      .filter((x) => x.a + x.b > 0)
      .map((split) => ({ split }));
    fc.assert(
      fc.property(ballotsArbitrary(ballot, { weight: fc.bigInt({ min: 0n, max: 6n }) }), (ballots) => {
        const result = weightedSplit.tally({ options: ['a', 'b'], ballots });
        const [a, b] = [result.totals['a']!, result.totals['b']!];
        if (a === b) expect(result.winners).toEqual([]);
        if (a === b && a > 0n) expect(result.outcome).toBe('tied');
        if (a !== b) expect(result.winners).toEqual([a > b ? 'a' : 'b']);
      }),
    );
  });
});

describe('weightedSplit, counted in doubles where exact', () => {
  it('gives the totals of splitWeight summed in bigints, for weights and shares of every size', () => {
    const options = ['a', 'b', 'c', 'd'];
    const weight = fc.oneof(
      fc.bigInt({ min: 0n, max: 1000n }),
      fc.bigInt({ min: (1n << 64n) - 1000n, max: (1n << 64n) + 1000n }),
      fc.bigInt({ min: 0n, max: 1n << 100n }),
    );
    const share = fc.oneof(fc.nat(9), fc.constant(2 ** 20), fc.constant(2 ** 21), fc.constant(2 ** 60));
    const split = fc.record({ a: share, b: share, c: share, d: share }, { requiredKeys: [] });
    expectPlainTotals({
      module: weightedSplit,
      options,
      ballot: split.map((s) => ({ split: s })),
      weight,
      amounts: (w, ballot) => splitWeight({ weight: w, split: ballot.split, options }),
    });
  });

  it('counts options given in an order other than the ballot’s keys by the options’ order', () => {
    // 10 split b:1, a:1, c:1 over options c, b, a: cumulative rounding in option order gives
    // c ⌊10/3⌋ = 3, b ⌊20/3⌋ − 3 = 3, a 10 − 6 = 4.
    const result = weightedSplit.tally({
      options: ['c', 'b', 'a'],
      ballots: weighted(['x', 10, { split: { b: 1, a: 1, c: 1 } }]),
    });
    expect(result.totals).toEqual({ c: 3n, b: 3n, a: 4n });
  });
});
