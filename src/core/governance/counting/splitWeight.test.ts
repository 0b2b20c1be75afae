import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSplit, splitWeight } from './splitWeight.js';

const options = ['a', 'b', 'c'];

describe('splitWeight', () => {
  it('divides by largest remainder, equal remainders in option order', () => {
    // 10 · 1/3 = 3 remainder 1 for each; 10 − 9 = 1 unit left, to a (first of the equal remainders).
    expect(splitWeight({ weight: 10n, split: { a: 1, b: 1, c: 1 }, options })).toEqual(
      new Map([
        ['a', 4n],
        ['b', 3n],
        ['c', 3n],
      ]),
    );
    // 7 split 3:1 → 21/4 = 5 rem 1, 7/4 = 1 rem 3; one unit left, to b (remainder 3 > 1): 5 and 2.
    expect(splitWeight({ weight: 7n, split: { a: 3, b: 1 }, options })).toEqual(
      new Map([
        ['a', 5n],
        ['b', 2n],
      ]),
    );
  });

  it('always hands out exactly the weight, to the options with a positive share only', () => {
    const split = fc
      .record({ a: fc.nat(20), b: fc.nat(20), c: fc.nat(20) })
      .filter((x) => x.a + x.b + x.c > 0);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), split, (weight, shares) => {
        const parts = splitWeight({ weight, split: shares, options });
        expect([...parts.values()].reduce((x, y) => x + y, 0n)).toBe(weight);
        for (const option of parts.keys()) expect(shares[option as 'a' | 'b' | 'c']).toBeGreaterThan(0);
      }),
    );
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
