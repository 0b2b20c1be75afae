import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaleFactor, someHoldings } from '../../../test/support/holdingArbitraries.js';
import { theilIndex } from './theilIndex.js';

/** The definition in doubles: T = (1/n) Σ (x_i/μ)·ln(x_i/μ), μ = S/n, 0·ln 0 = 0. */
function theilByDefinition(values: readonly bigint[]): number {
  const n = values.length;
  const mean = values.reduce((a, x) => a + Number(x), 0) / n;
  return values.reduce((a, x) => (x === 0n ? a : a + (Number(x) / mean) * Math.log(Number(x) / mean)), 0) / n;
}

describe('theilIndex', () => {
  it('works the example [1, 3]', () => {
    // μ = 2, so x/μ = 1/2 and 3/2: T = ½·(½·ln ½ + 3/2·ln 3/2) = ½·(−0.346574 + 0.608198) = 0.130812.
    expect(theilIndex({ holdings: [1n, 3n] })).toBeCloseTo(0.13081203594113697, 14);
  });

  // Parallel to normalizedEntropy.test.ts's extremes on purpose (see there).
  it('is exactly 0 for equal holdings and ln n when one holder has everything', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.bigInt({ min: 1n, max: 10n ** 27n }), (n, x) => {
        expect(theilIndex({ holdings: new Array<bigint>(n).fill(x) })).toBe(0);
        const one = new Array<bigint>(n).fill(0n);
        one[0] = x;
        expect(theilIndex({ holdings: one })).toBeCloseTo(Math.log(n), 14);
      }),
    );
  });

  it('counts zero holdings: equal holders among zeros give ln(n / m)', () => {
    // Two equal holders among four: each x/μ = 2, T = ¼·(2·ln 2 + 2·ln 2) = ln 2.
    expect(theilIndex({ holdings: [5n, 0n, 5n, 0n] })).toBeCloseTo(Math.log(2), 15);
  });

  it('is 0 for a single holder, all zeros, or nobody', () => {
    expect(theilIndex({ holdings: [9n] })).toBe(0);
    expect(theilIndex({ holdings: [0n, 0n] })).toBe(0);
    expect(theilIndex({ holdings: [] })).toBe(0);
  });

  it('handles holdings beyond 2^1024, where doubles overflow', () => {
    // [2^1100, 3·2^1100] has the shares of [1, 3].
    const big = 2n ** 1100n;
    expect(theilIndex({ holdings: [big, 3n * big] })).toBeCloseTo(0.13081203594113697, 14);
  });

  it('matches the definition, lies in [0, ln n], ignores order exactly and scale nearly (property)', () => {
    fc.assert(
      fc.property(someHoldings(1), scaleFactor, (values, factor) => {
        const theil = theilIndex({ holdings: values });
        expect(theil).toBeCloseTo(theilByDefinition(values), 10);
        expect(theil).toBeGreaterThanOrEqual(0);
        expect(theil).toBeLessThanOrEqual(Math.log(values.length));
        // Terms are added smallest holding first, so any order gives the identical double.
        expect(theilIndex({ holdings: [...values].reverse() })).toBe(theil);
        expect(theilIndex({ holdings: values.map((x) => x * factor) })).toBeCloseTo(theil, 12);
      }),
      { numRuns: 300 },
    );
  });
});
