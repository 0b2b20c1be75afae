import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSplit, soleOption, splitWeight } from './splitWeight.js';

const options = ['a', 'b', 'c'];

describe('splitWeight', () => {
  it('divides by cumulative rounding, in option order', () => {
    // a: ⌊10·1/3⌋ = 3; a+b: ⌊10·2/3⌋ = 6, so b 6 − 3 = 3; a+b+c: 10, so c 10 − 6 = 4.
    expect(splitWeight({ weight: 10n, split: { c: 1, b: 1, a: 1 }, options })).toEqual([
      ['a', 3n],
      ['b', 3n],
      ['c', 4n],
    ]);
    // 7 split 3:1 → a ⌊21/4⌋ = 5, b 7 − 5 = 2. Options without a positive share get nothing.
    expect(splitWeight({ weight: 7n, split: { a: 3, b: 1, c: 0 }, options })).toEqual([
      ['a', 5n],
      ['b', 2n],
    ]);
  });

  it('hands out exactly the weight, each part its exact share rounded down or up', () => {
    const split = fc
      .record({ a: fc.nat(20), b: fc.nat(20), c: fc.nat(20) })
      .filter((x) => x.a + x.b + x.c > 0);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), split, (weight, shares) => {
        const parts = splitWeight({ weight, split: shares, options });
        expect(parts.reduce((sum, [, part]) => sum + part, 0n)).toBe(weight);
        const whole = BigInt(shares.a + shares.b + shares.c);
        for (const [option, part] of parts) {
          const share = BigInt(shares[option as 'a' | 'b' | 'c']);
          expect(share).toBeGreaterThan(0n);
          // |part − weight·share/whole| < 1, i.e. |part·whole − weight·share| < whole.
          const gap = part * whole - weight * share;
          expect(gap < whole && -gap < whole).toBe(true);
        }
      }),
    );
  });

  it('finds the sole option of a one-option split', () => {
    expect(soleOption({ b: 2, a: 0 }, options)).toBe('b');
    expect(soleOption({ a: 1, b: 2 }, options)).toBeUndefined();
    expect(soleOption({ a: 0 }, options)).toBeUndefined();
  });

  it('refuses a split naming an unknown option or giving nothing', () => {
    expect(checkSplit({ ballot: { split: { d: 1 } }, options })).toBe(
      "'d' is not one of the options (a, b, c)",
    );
    expect(checkSplit({ ballot: { split: { a: 0 } }, options })).toBe(
      'the split gives no share to any option',
    );
    expect(checkSplit({ ballot: { split: { a: 0, b: 2 } }, options })).toBeUndefined();
  });
});
