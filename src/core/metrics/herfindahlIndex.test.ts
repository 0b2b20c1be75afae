import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scaleFactor, someHoldings } from '../../../test/support/holdingArbitraries.js';
import { compareRatio, makeRatio } from '../ratio/Ratio.js';
import { herfindahlIndex } from './herfindahlIndex.js';

describe('herfindahlIndex', () => {
  it('sums squared shares: [1, 1, 2] gives 3/8', () => {
    // Shares 1/4, 1/4, 1/2: 1/16 + 1/16 + 4/16 = 6/16 = 3/8.
    expect(herfindahlIndex({ holdings: [1n, 2n, 1n] })).toEqual({
      ratio: { num: 3n, den: 8n },
      value: 0.375,
    });
  });

  it('is 1/n for n equal holders and 1 when one holder has everything', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.bigInt({ min: 1n, max: 10n ** 27n }), (n, x) => {
        expect(herfindahlIndex({ holdings: new Array<bigint>(n).fill(x) }).ratio).toEqual(
          makeRatio(1n, BigInt(n)),
        );
        const one = new Array<bigint>(n).fill(0n);
        one[n - 1] = x;
        expect(herfindahlIndex({ holdings: one }).ratio).toEqual({ num: 1n, den: 1n });
      }),
    );
  });

  it('stays exact for wei amounts beyond doubles', () => {
    // (10^54 + (10^27 + 1)²) / (2·10^27 + 1)² = (2·10^54 + 2·10^27 + 1) / (4·10^54 + 4·10^27 + 1).
    const e27 = 10n ** 27n;
    const hhi = herfindahlIndex({ holdings: [e27, e27 + 1n] });
    expect(hhi.ratio).toEqual(makeRatio(2n * e27 * e27 + 2n * e27 + 1n, 4n * e27 * e27 + 4n * e27 + 1n));
    expect(hhi.ratio).not.toEqual({ num: 1n, den: 2n });
    expect(hhi.value).toBe(0.5);
  });

  it('is 0 when nothing is held', () => {
    expect(herfindahlIndex({ holdings: [] }).ratio).toEqual({ num: 0n, den: 1n });
    expect(herfindahlIndex({ holdings: [0n, 0n, 0n] }).value).toBe(0);
  });

  it('equals Σ (x_i / S)² and lies in [1/n, 1], whatever the order or scale (property)', () => {
    fc.assert(
      fc.property(someHoldings(1), scaleFactor, (values, factor) => {
        const total = values.reduce((a, b) => a + b, 0n);
        const hhi = herfindahlIndex({ holdings: values }).ratio;
        expect(hhi).toEqual(
          makeRatio(
            values.reduce((a, x) => a + x * x, 0n),
            total * total,
          ),
        );
        expect(compareRatio(hhi, makeRatio(1n, BigInt(values.length)))).toBeGreaterThanOrEqual(0);
        expect(compareRatio(hhi, makeRatio(1n, 1n))).toBeLessThanOrEqual(0);
        expect(herfindahlIndex({ holdings: [...values].reverse() }).ratio).toEqual(hhi);
        expect(herfindahlIndex({ holdings: values.map((x) => x * factor) }).ratio).toEqual(hhi);
      }),
      { numRuns: 300 },
    );
  });
});
