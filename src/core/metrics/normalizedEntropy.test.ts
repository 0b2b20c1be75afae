import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaleFactor, someHoldings } from '../../../test/support/holdingArbitraries.js';
import { entropyFromTheil, normalizedEntropy } from './normalizedEntropy.js';
import { sortHoldings } from './sortHoldings.js';

/** The definition in doubles: −Σ p_i·ln p_i / ln n with p_i = x_i / S and 0·ln 0 = 0. */
function entropyByDefinition(values: readonly bigint[]): number {
  const total = values.reduce((a, x) => a + Number(x), 0);
  const h = values.reduce(
    (a, x) => (x === 0n ? a : a - (Number(x) / total) * Math.log(Number(x) / total)),
    0,
  );
  return h / Math.log(values.length);
}

describe('normalizedEntropy', () => {
  it('works the example [1, 3]', () => {
    // p = 1/4, 3/4: H = −(¼·ln ¼ + ¾·ln ¾) = 0.346574 + 0.215762 = 0.562335; / ln 2 = 0.811278.
    expect(normalizedEntropy({ holdings: [1n, 3n] })).toBeCloseTo(0.8112781244591328, 14);
  });

  // Parallel to theilIndex.test.ts's extremes on purpose: each metric's two bounds, written out
  // with its own values, read clearer than a helper with both metrics' bounds as arguments.
  it('is exactly 1 for equal holdings and 0 when one holder has everything', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100 }), fc.bigInt({ min: 1n, max: 10n ** 27n }), (n, x) => {
        expect(normalizedEntropy({ holdings: new Array<bigint>(n).fill(x) })).toBe(1);
        const one = new Array<bigint>(n).fill(0n);
        one[n - 1] = x;
        expect(normalizedEntropy({ holdings: one })).toBe(0);
      }),
    );
  });

  it('counts zero holdings in n: two equal holders among four give ln 2 / ln 4 = 1/2', () => {
    expect(normalizedEntropy({ holdings: [1n, 1n, 0n, 0n] })).toBe(0.5);
  });

  it('is 0 for a single holder (ln 1 = 0), all zeros, or nobody', () => {
    expect(normalizedEntropy({ holdings: [9n] })).toBe(0);
    expect(normalizedEntropy({ holdings: [0n, 0n] })).toBe(0);
    expect(normalizedEntropy({ holdings: [] })).toBe(0);
  });

  it('converts a Theil index: H / ln n = 1 − T / ln n', () => {
    // T = ln 2 over 4 holders: 1 − ln 2 / ln 4 = 1/2.
    expect(
      entropyFromTheil({ theil: Math.log(2), holdings: sortHoldings({ holdings: [1n, 1n, 0n, 0n] }) }),
    ).toBe(0.5);
  });

  it('matches the definition, lies in [0, 1], ignores order exactly and scale nearly (property)', () => {
    fc.assert(
      fc.property(someHoldings(2), scaleFactor, (values, factor) => {
        const entropy = normalizedEntropy({ holdings: values });
        expect(entropy).toBeCloseTo(entropyByDefinition(values), 10);
        expect(entropy).toBeGreaterThanOrEqual(0);
        expect(entropy).toBeLessThanOrEqual(1);
        expect(normalizedEntropy({ holdings: [...values].reverse() })).toBe(entropy);
        expect(normalizedEntropy({ holdings: values.map((x) => x * factor) })).toBeCloseTo(entropy, 12);
      }),
      { numRuns: 300 },
    );
  });
});
