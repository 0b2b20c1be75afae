import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLUSH_EVERY, halves, LimbSums, optionIndex, readHalves, readLimbs, TWO_32 } from './limbSums.js';

describe('LimbSums', () => {
  it('adds any bigints exactly: negative, below and above 2⁶⁴', () => {
    const weight = fc.oneof(
      fc.bigInt({ min: -(1n << 70n), max: 1n << 70n }),
      fc.bigInt({ min: (1n << 64n) - 3n, max: (1n << 64n) + 3n }),
      fc.bigInt({ min: 0n, max: 1n << 200n }),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(2), weight)), (additions) => {
        const sums = new LimbSums(3, TWO_32);
        const expected = [0n, 0n, 0n];
        for (const [index, w] of additions) {
          sums.addWeight(index, w);
          sums.endBallot();
          expected[index]! += w;
        }
        expect([sums.total(0), sums.total(1), sums.total(2)]).toEqual(expected);
      }),
    );
  });

  it('stays exact past the point where the doubles alone would round', () => {
    // (3 · 2²⁰ + 7) · (2⁶⁴ − 1): the low halves alone would reach (3 · 2²⁰ + 7)(2³² − 1) > 2⁵³,
    // where doubles skip odd numbers, so only moving them into bigints every 2²⁰ ballots keeps
    // the sum exact.
    const w = (1n << 64n) - 1n;
    const sums = new LimbSums(1, TWO_32);
    const n = 3 * FLUSH_EVERY + 7;
    for (let i = 0; i < n; i++) {
      sums.addWeight(0, w);
      sums.endBallot();
    }
    expect(sums.total(0)).toBe(BigInt(n) * w);
  });

  it('reads the halves of weights below 2⁶⁴ only', () => {
    expect(readHalves((1n << 32n) + 5n)).toBe(true);
    expect(halves).toEqual({ top: 0, hi: 1, lo: 5 });
    expect(readHalves(1n << 64n)).toBe(false);
    expect(readHalves(-1n)).toBe(false);
  });
});

describe('readLimbs', () => {
  it('reads weights below 2⁹⁶ exactly into three limbs, and refuses negative ones and larger', () => {
    const weight = fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 96n) - 1n }),
      fc.bigInt({ min: 0n, max: 1n << 95n }),
      fc.bigInt({ min: (1n << 64n) - 1000n, max: (1n << 64n) + 1000n }),
      fc.bigInt({ min: (1n << 96n) - 1000n, max: (1n << 96n) + 1000n }),
      fc.bigInt({ min: -(1n << 100n), max: -1n }),
    );
    fc.assert(
      fc.property(weight, (w) => {
        const read = readLimbs(w);
        // Every weight up to 2⁹⁵ is read; near 2⁹⁶ those whose double rounds up to it are not.
        if (w >= 0n && w <= 1n << 95n) expect(read).toBe(true);
        if (w < 0n || w >= 1n << 96n) expect(read).toBe(false);
        if (read) {
          expect((BigInt(halves.top) << 64n) + (BigInt(halves.hi) << 32n) + BigInt(halves.lo)).toBe(w);
          expect([halves.hi < TWO_32, halves.lo < TWO_32]).toEqual([true, true]);
        }
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('optionIndex', () => {
  it('refuses repeated options and names objects inherit', () => {
    expect({ ...optionIndex(['a', 'b']) }).toEqual({ a: 0, b: 1 });
    expect(optionIndex(['a', 'a'])).toBeUndefined();
    expect(optionIndex(['a', 'constructor'])).toBeUndefined();
    expect(optionIndex(['__proto__'])).toBeUndefined();
  });
});
