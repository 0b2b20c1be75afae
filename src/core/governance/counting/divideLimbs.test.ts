import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideLimbs, MAX_WHOLE, quotient } from './divideLimbs.js';

describe('divideLimbs', () => {
  it('divides w · share by whole exactly, with both halves of the quotient below 2³²', () => {
    const weight = fc.oneof(
      fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
      fc.bigInt({ min: 0n, max: (1n << 97n) - 1n }),
      fc.bigInt({ min: (1n << 97n) - 1000n, max: (1n << 97n) - 1n }),
      fc.bigInt({ min: (1n << 64n) - 1000n, max: (1n << 64n) - 1n }),
      fc.bigInt({ min: 0n, max: 1n << 40n }),
    );
    fc.assert(
      fc.property(
        weight,
        fc.integer({ min: 0, max: MAX_WHOLE }),
        fc.integer({ min: 0, max: MAX_WHOLE }),
        (w, a, b) => {
          const [share, whole] = [Math.min(a, b), Math.max(a, b, 1)];
          const limb = (at: bigint) => Number((w >> at) & 0xffff_ffffn);
          divideLimbs(Number(w >> 64n), limb(32n), limb(0n), share, whole);
          const product = w * BigInt(share);
          expect((BigInt(quotient.top) << 64n) + (BigInt(quotient.hi) << 32n) + BigInt(quotient.lo)).toBe(
            product / BigInt(whole),
          );
          expect(BigInt(quotient.remainder)).toBe(product % BigInt(whole));
          expect(quotient.lo).toBeLessThan(2 ** 32);
          expect(quotient.hi).toBeLessThan(2 ** 32);
          expect(quotient.top).toBeLessThan(2 ** 33);
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('works the documented example', () => {
    // (2³² + 10) · 3 = 12884901918 = 4 · 3221225479 + 2.
    divideLimbs(0, 1, 10, 3, 4);
    expect(quotient).toEqual({ top: 0, hi: 0, lo: 3_221_225_479, remainder: 2 });
  });
});
