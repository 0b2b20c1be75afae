import fc from 'fast-check';
import { expect } from 'vitest';
import type { CountingModule, WeightedBallot } from '../../src/core/governance/counting/CountingModule.js';

/**
 * Ballots written as `[voter, weight, ballot]` rows, the way tally examples are worked by hand.
 *
 * @example
 * weighted(['alice', 60, { choice: 'for' }], ['bob', 40, { choice: 'against' }])
 */
export function weighted<B>(...rows: (readonly [string, bigint | number, B])[]): WeightedBallot<B>[] {
  return rows.map(([voter, weight, ballot]) => ({ voter, weight: BigInt(weight), ballot }));
}

/** Every ordering of `items` (fast-check shrinks towards the original order). */
export function permutationOf<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

/** Voting weight: mostly small, sometimes token-sized (18 decimals), sometimes zero. */
export const weightArbitrary: fc.Arbitrary<bigint> = fc.oneof(
  fc.bigInt({ min: 0n, max: 20n }),
  fc.bigInt({ min: 1n, max: 10n ** 24n }),
);

/** Rows of distinct voters `v0, v1, …` casting ballots drawn from `ballot`. */
export function ballotsArbitrary<B>(
  ballot: fc.Arbitrary<B>,
  options: { maxLength?: number; weight?: fc.Arbitrary<bigint> } = {},
): fc.Arbitrary<WeightedBallot<B>[]> {
  return fc
    .array(fc.tuple(options.weight ?? weightArbitrary, ballot), { maxLength: options.maxLength ?? 30 })
    .map((rows) => rows.map(([weight, b], i) => ({ voter: `v${i}`, weight, ballot: b })));
}

/**
 * The property every fast count must keep: for generated ballots, `module`'s totals equal each
 * ballot's `amounts` summed in bigints (the plain count, written in the test), and participation
 * is the sum of the weights.
 *
 * @example
 * expectPlainTotals({ module: approval, options, ballot, weight, amounts: (w, b) => b.approve.map((o) => [o, w]) })
 */
export function expectPlainTotals<B>(args: {
  module: CountingModule<B>;
  options: readonly string[];
  ballot: fc.Arbitrary<B>;
  weight: fc.Arbitrary<bigint>;
  amounts: (weight: bigint, ballot: B) => Iterable<readonly [string, bigint]>;
  winners?: number;
}): void {
  const { module, options, amounts } = args;
  fc.assert(
    fc.property(ballotsArbitrary(args.ballot, { weight: args.weight }), (ballots) => {
      const expected: Record<string, bigint> = Object.fromEntries(options.map((option) => [option, 0n]));
      for (const { weight, ballot } of ballots) {
        for (const [option, amount] of amounts(weight, ballot)) expected[option]! += amount;
      }
      const result = module.tally({
        options,
        ballots,
        ...(args.winners === undefined ? {} : { winners: args.winners }),
      });
      expect(result.totals).toEqual(expected);
      expect(result.participation).toBe(ballots.reduce((sum, b) => sum + b.weight, 0n));
    }),
    { numRuns: 300 },
  );
}
