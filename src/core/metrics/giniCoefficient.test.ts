import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRatio } from '../ratio/Ratio.js';
import { giniCoefficient } from './giniCoefficient.js';

const holding = fc.oneof(
  fc.bigInt({ min: 0n, max: 9n }),
  fc.bigInt({ min: 0n, max: 10n ** 27n }),
  fc.bigInt({ min: 0n, max: 255n }).map((d) => 2n ** 70n + d),
  fc.bigInt({ min: 0n, max: 2n ** 130n }), // beyond the limbs: bigint arithmetic
);

/** The definition by mean absolute difference: G = Σ_i Σ_j |x_i − x_j| / (2·n·S). */
function giniByDifferences(values: readonly bigint[]) {
  const total = values.reduce((a, b) => a + b, 0n);
  if (total === 0n) return makeRatio(0n, 1n);
  let differences = 0n;
  for (const x of values) for (const y of values) differences += x > y ? x - y : y - x;
  return makeRatio(differences, 2n * BigInt(values.length) * total);
}

describe('giniCoefficient', () => {
  it('works the example [1, 2, 3, 4] to 1/4', () => {
    // Sorted ascending, Σ i·x_i = 1·1 + 2·2 + 3·3 + 4·4 = 30; n = 4, S = 10.
    // G = (2·30 − (4+1)·10) / (4·10) = (60 − 50) / 40 = 1/4.
    const gini = giniCoefficient({ holdings: [3n, 1n, 4n, 2n] });
    expect(gini.ratio).toEqual({ num: 1n, den: 4n });
    expect(gini.value).toBe(0.25);
  });

  it('is 0 for equal holdings and (n−1)/n when one holder has everything', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.bigInt({ min: 1n, max: 10n ** 27n }), (n, x) => {
        expect(giniCoefficient({ holdings: new Array<bigint>(n).fill(x) }).ratio).toEqual({
          num: 0n,
          den: 1n,
        });
        const one = new Array<bigint>(n).fill(0n);
        one[n - 1] = x;
        expect(giniCoefficient({ holdings: one }).ratio).toEqual(makeRatio(BigInt(n - 1), BigInt(n)));
      }),
    );
  });

  it('stays exact where doubles cannot tell holdings apart', () => {
    // x = 10^27 and 10^27 + 1 are the same double. S = 2·10^27 + 1, Σ i·x_i = 10^27 + 2·(10^27 + 1).
    // G = (2·(3·10^27 + 2) − 3·(2·10^27 + 1)) / (2·(2·10^27 + 1)) = 1 / (4·10^27 + 2).
    const e27 = 10n ** 27n;
    const gini = giniCoefficient({ holdings: [e27 + 1n, e27] });
    expect(gini.ratio).toEqual({ num: 1n, den: 4n * e27 + 2n });
    expect(gini.value).toBeCloseTo(2.5e-28, 40);
  });

  it('counts zero holdings as holders, and is 0 for a single holder, all zeros, or nobody', () => {
    // [0, 0, 5]: Σ i·x_i = 3·5 = 15, S = 5, n = 3: (30 − 20) / 15 = 2/3.
    expect(giniCoefficient({ holdings: [0n, 5n, 0n] }).ratio).toEqual({ num: 2n, den: 3n });
    expect(giniCoefficient({ holdings: [42n] }).ratio).toEqual({ num: 0n, den: 1n });
    expect(giniCoefficient({ holdings: [0n, 0n] }).value).toBe(0);
    expect(giniCoefficient({ holdings: [] })).toEqual({ ratio: { num: 0n, den: 1n }, value: 0 });
  });

  it('equals the mean-absolute-difference definition (property)', () => {
    fc.assert(
      fc.property(fc.array(holding, { maxLength: 60 }), (values) => {
        expect(giniCoefficient({ holdings: values }).ratio).toEqual(giniByDifferences(values));
      }),
      { numRuns: 300 },
    );
  });

  // Same shape as concentrationReport.test.ts's reordering property on purpose: each draws its own
  // sizes and checks its own values.
  it('is unchanged by reordering or by scaling every holding (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(holding, { maxLength: 80 })
          .chain((values) =>
            fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })),
          ),
        fc.bigInt({ min: 1n, max: 10n ** 18n }),
        ([values, shuffled], factor) => {
          const gini = giniCoefficient({ holdings: values }).ratio;
          expect(giniCoefficient({ holdings: shuffled }).ratio).toEqual(gini);
          expect(giniCoefficient({ holdings: values.map((x) => x * factor) }).ratio).toEqual(gini);
        },
      ),
      { numRuns: 200 },
    );
  });
});
