import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotsArbitrary, expectPlainTotals, weighted } from '../../../../test/support/weightedBallots.js';
import { integerSquareRoot } from './integerSquareRoot.js';
import { QUADRATIC_SCALE_SQUARED, quadratic } from './quadratic.js';

const options = ['a', 'b'];
const E9 = 10n ** 9n;

describe('quadratic', () => {
  it('lets many small voters outweigh one large one: votes are the square root of credits', () => {
    // alice spends 100 on a: √100 = 10 votes. bob, carol, dave spend 25 each on b: 3 · √25 = 15 votes.
    // a has more credits (100 > 75), b more votes (15 > 10). Totals are in billionths of a vote.
    const result = quadratic.tally({
      options,
      ballots: weighted(
        ['alice', 100, { split: { a: 1 } }],
        ['bob', 25, { split: { b: 1 } }],
        ['carol', 25, { split: { b: 1 } }],
        ['dave', 25, { split: { b: 7 } }],
      ),
    });
    expect(result).toEqual({
      outcome: 'decided',
      winners: ['b'],
      totals: { a: 10n * E9, b: 15n * E9 },
      participation: 175n,
      voters: 4,
    });
  });

  it('divides credits by the shares before taking roots, to nine decimals', () => {
    // weight 8 split 1:1 → 4 credits each → √4 = 2 votes each. weight 2 on a → √2 = 1.414213562.
    const result = quadratic.tally({
      options,
      ballots: weighted(['x', 8, { split: { a: 1, b: 1 } }], ['y', 2, { split: { a: 5, b: 0 } }]),
    });
    expect(result.totals).toEqual({ a: 2n * E9 + 1_414_213_562n, b: 2n * E9 });
    expect(result.winners).toEqual(['a']);
  });

  it('is tied when the top options have equal votes', () => {
    const result = quadratic.tally({
      options,
      ballots: weighted(['x', 9, { split: { a: 1 } }], ['y', 9, { split: { b: 1 } }]),
    });
    expect(result).toMatchObject({ outcome: 'tied', winners: [] });
  });

  it('counts each ballot as ⌊√(weight · share / Σshares · 10¹⁸)⌋ per option (the definition)', () => {
    const ballot = fc
      .record({ a: fc.integer({ min: 0, max: 50 }), b: fc.integer({ min: 0, max: 50 }) })
      .filter((split) => split.a + split.b > 0)
      .map((split) => ({ split }));
    fc.assert(
      fc.property(ballotsArbitrary(ballot), (ballots) => {
        const result = quadratic.tally({ options, ballots });
        for (const option of options) {
          let votes = 0n;
          for (const { weight, ballot: b } of ballots) {
            const shares = BigInt(b.split.a + b.split.b);
            const credits = weight * BigInt(b.split[option as 'a' | 'b']) * QUADRATIC_SCALE_SQUARED;
            votes += integerSquareRoot(credits / shares);
          }
          expect(result.totals[option]).toBe(votes);
        }
      }),
    );
  });
});

describe('quadratic, counted in doubles where exact', () => {
  it('gives the totals of a root per ballot and option taken in bigints, for weights of every size', () => {
    // The reference: ⌊√(w · s · 10¹⁸ / Σs)⌋ per ballot and option with a positive share s
    // (all credits on one option: ⌊√(w · 10¹⁸)⌋), summed in bigints.
    const options = ['a', 'b', 'c'];
    const weight = fc.oneof(
      fc.bigInt({ min: 0n, max: 1000n }),
      fc.bigInt({ min: 0n, max: (1n << 64n) + 1000n }),
      fc.bigInt({ min: 0n, max: 1n << 100n }),
      fc.bigInt({ min: 1n, max: 1n << 40n }).map((root) => root * root),
    );
    const share = fc.oneof(fc.nat(9), fc.constant(2 ** 20), fc.constant(2 ** 21));
    const split = fc.record({ a: share, b: share, c: share }, { requiredKeys: [] });
    expectPlainTotals({
      module: quadratic,
      options,
      ballot: split.map((s) => ({ split: s })),
      weight,
      amounts: (w, ballot) => {
        const shares: Readonly<Record<string, number>> = ballot.split;
        const named = options.filter((option) => (shares[option] ?? 0) > 0);
        const whole = named.reduce((sum, option) => sum + BigInt(shares[option]!), 0n);
        return named.map((option) => {
          const credits =
            named.length === 1 ? w * 10n ** 18n : (w * BigInt(shares[option]!) * 10n ** 18n) / whole;
          return [option, integerSquareRoot(credits)] as const;
        });
      },
    });
  });

  it('stays exact when the whole votes of many large weights add up past 2⁵³', () => {
    // 3000 weights near 2⁹⁵: each √ is about 2⁴⁷·⁵ whole votes, together about 2⁵⁹, where doubles
    // skip most whole numbers.
    const ballots = Array.from({ length: 3000 }, (_, i) => ({
      voter: `v${i}`,
      weight: (1n << 95n) + BigInt(i) * 7_919n,
      ballot: { split: { a: 1 } },
    }));
    const expected = ballots.reduce((sum, b) => sum + integerSquareRoot(b.weight * 10n ** 18n), 0n);
    expect(quadratic.tally({ options: ['a'], ballots }).totals).toEqual({ a: expected });
  });
});
