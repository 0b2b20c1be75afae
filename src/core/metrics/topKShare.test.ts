import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DevolveError } from '../errors/DevolveError.js';
import { makeRatio } from '../ratio/Ratio.js';
import { topKShare } from './topKShare.js';

describe('topKShare', () => {
  it('adds the k largest holdings: [5, 1, 3, 1] with k = 2 gives 4/5', () => {
    // (5 + 3) / (5 + 1 + 3 + 1) = 8/10 = 4/5.
    expect(topKShare({ holdings: [5n, 1n, 3n, 1n], k: 2 })).toEqual({
      ratio: { num: 4n, den: 5n },
      value: 0.8,
    });
  });

  it('gives 0 for k = 0, 1 for k ≥ n, and 0 when nothing is held', () => {
    expect(topKShare({ holdings: [5n, 1n], k: 0 }).ratio).toEqual({ num: 0n, den: 1n });
    expect(topKShare({ holdings: [5n, 1n], k: 2 }).ratio).toEqual({ num: 1n, den: 1n });
    expect(topKShare({ holdings: [5n, 1n], k: 10 }).ratio).toEqual({ num: 1n, den: 1n });
    expect(topKShare({ holdings: [], k: 10 }).ratio).toEqual({ num: 0n, den: 1n });
    expect(topKShare({ holdings: [0n, 0n], k: 1 }).ratio).toEqual({ num: 0n, den: 1n });
  });

  it('counts one of several equal holders: [2, 2, 2] with k = 1 gives 1/3', () => {
    expect(topKShare({ holdings: [2n, 2n, 2n], k: 1 }).ratio).toEqual({ num: 1n, den: 3n });
  });

  it('stays exact for wei amounts: the top holder of [10^27, 10^27 + 1] holds just over half', () => {
    const e27 = 10n ** 27n;
    expect(topKShare({ holdings: [e27, e27 + 1n], k: 1 }).ratio).toEqual({
      num: e27 + 1n,
      den: 2n * e27 + 1n,
    });
  });

  it('refuses a k that is not a whole number of holders', () => {
    for (const k of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      // Written out like nakamotoCoefficient.test.ts's refusal of a bad threshold, by design: each metric's
      // own error code.
      try {
        topKShare({ holdings: [1n], k });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(DevolveError);
        expect((error as DevolveError).code).toBe('metrics/invalid-top-k');
      }
    }
  });

  it('equals the sum of the k largest by a comparator sort (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.bigInt({ min: 0n, max: 9n }), fc.bigInt({ min: 0n, max: 10n ** 27n })), {
          maxLength: 80,
        }),
        fc.nat({ max: 90 }),
        (values, k) => {
          const total = values.reduce((a, b) => a + b, 0n);
          const top = [...values]
            .sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))
            .slice(0, k)
            .reduce((a, b) => a + b, 0n);
          const expected = total === 0n ? makeRatio(0n, 1n) : makeRatio(top, total);
          expect(topKShare({ holdings: values, k }).ratio).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
