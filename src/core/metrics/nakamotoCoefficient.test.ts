import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holding } from '../../../test/support/holdingArbitraries.js';
import { DevolveError } from '../errors/DevolveError.js';
import type { Ratio } from '../ratio/Ratio.js';
import { nakamotoCoefficient } from './nakamotoCoefficient.js';

/** The definition: sort largest first, take holders until their sum is strictly more than t·S. */
function nakamotoByDefinition(values: readonly bigint[], t: Ratio): number {
  const total = values.reduce((a, b) => a + b, 0n);
  if (total === 0n) return 0;
  const largestFirst = [...values].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  let combined = 0n;
  for (let k = 1; k <= largestFirst.length; k++) {
    combined += largestFirst[k - 1]!;
    if (combined * t.den > t.num * total) return k;
  }
  throw new Error('unreachable: all holders hold 100%');
}

describe('nakamotoCoefficient', () => {
  it('counts the fewest holders with strictly more than half', () => {
    // 5/10 alone is exactly half, not more; 5 + 3 = 8/10 is.
    const nakamoto = nakamotoCoefficient({ holdings: [2n, 5n, 3n] });
    expect(nakamoto.count).toBe(2);
    expect(nakamoto.share.ratio).toEqual({ num: 4n, den: 5n });
  });

  it('reads "exceeds" as >, not ≥, at the boundary', () => {
    // Four equal holders: two hold exactly 1/2 (not more), three hold 3/4.
    expect(nakamotoCoefficient({ holdings: [1n, 1n, 1n, 1n] }).count).toBe(3);
    // [6, 4] at 3/5: 6/10 = 3/5 is not more than 3/5, so both are needed; at 59/100 one suffices.
    expect(nakamotoCoefficient({ holdings: [6n, 4n], threshold: { num: 3n, den: 5n } }).count).toBe(2);
    expect(nakamotoCoefficient({ holdings: [6n, 4n], threshold: { num: 59n, den: 100n } }).count).toBe(1);
    // One wei over half is enough: (10^27 + 1) / (2·10^27 + 1) > 1/2.
    const e27 = 10n ** 27n;
    expect(nakamotoCoefficient({ holdings: [e27, e27 + 1n] }).count).toBe(1);
    expect(nakamotoCoefficient({ holdings: [e27, e27] }).count).toBe(2);
  });

  it('is ⌊n/2⌋ + 1 for n equal holders and 1 when one holder has everything', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.bigInt({ min: 1n, max: 10n ** 27n }), (n, x) => {
        expect(nakamotoCoefficient({ holdings: new Array<bigint>(n).fill(x) }).count).toBe(
          Math.floor(n / 2) + 1,
        );
        const one = new Array<bigint>(n).fill(0n);
        one[0] = x;
        expect(nakamotoCoefficient({ holdings: one }).count).toBe(1);
      }),
    );
  });

  it('takes any threshold in [0, 1): 0 needs the largest holder only', () => {
    expect(nakamotoCoefficient({ holdings: [1n, 1n, 1n], threshold: { num: 0n, den: 1n } }).count).toBe(1);
    // 1/3 of 9 is 3; 3 alone is not more than 3, two holders (6) are.
    expect(nakamotoCoefficient({ holdings: [3n, 3n, 3n], threshold: { num: 1n, den: 3n } }).count).toBe(2);
    // Unreduced and negative-denominator fractions mean the same share: −2/−4 = 1/2.
    expect(nakamotoCoefficient({ holdings: [1n, 1n, 1n, 1n], threshold: { num: -2n, den: -4n } }).count).toBe(
      3,
    );
  });

  it('refuses thresholds outside [0, 1) with a typed error', () => {
    for (const threshold of [
      { num: 1n, den: 1n },
      { num: 3n, den: 2n },
      { num: -1n, den: 2n },
      { num: 1n, den: 0n },
    ]) {
      // Written out like topKShare.test.ts's refusal of a bad k, by design: each metric's own error code.
      try {
        nakamotoCoefficient({ holdings: [1n], threshold });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(DevolveError);
        expect((error as DevolveError).code).toBe('metrics/invalid-threshold');
      }
    }
  });

  it('is 0 when nothing is held, and 1 for a single holder', () => {
    expect(nakamotoCoefficient({ holdings: [] })).toEqual({
      count: 0,
      share: { ratio: { num: 0n, den: 1n }, value: 0 },
    });
    expect(nakamotoCoefficient({ holdings: [0n, 0n] }).count).toBe(0);
    expect(nakamotoCoefficient({ holdings: [7n] }).count).toBe(1);
  });

  it('counts past whole blocks of 1024 holders exactly', () => {
    // 5000 equal holders: 2500 hold exactly half, 2501 more than half.
    expect(nakamotoCoefficient({ holdings: new Array<bigint>(5000).fill(10n ** 21n) }).count).toBe(2501);
    fc.assert(
      fc.property(fc.array(holding, { minLength: 1000, maxLength: 4000 }), (values) => {
        const t = { num: 9n, den: 10n };
        expect(nakamotoCoefficient({ holdings: values, threshold: t }).count).toBe(
          nakamotoByDefinition(values, t),
        );
      }),
      { numRuns: 20 },
    );
  });

  it('equals the definition for any holdings and threshold (property)', () => {
    const threshold = fc
      .tuple(fc.bigInt({ min: 1n, max: 1000n }), fc.bigInt({ min: 0n, max: 1000n }))
      .filter(([den, num]) => num < den)
      .map(([den, num]) => ({ num, den }));
    fc.assert(
      fc.property(fc.array(holding, { maxLength: 100 }), threshold, (values, t) => {
        expect(nakamotoCoefficient({ holdings: values, threshold: t }).count).toBe(
          nakamotoByDefinition(values, t),
        );
      }),
      { numRuns: 300 },
    );
  });
});
