import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integerSquareRoot } from './integerSquareRoot.js';

describe('integerSquareRoot', () => {
  it('floors the root', () => {
    // 9² = 81 ≤ 99 < 100 = 10²; 10¹⁸ = (10⁹)²; 2·10¹⁸ → 1,414,213,562 (√2 = 1.4142135623…).
    expect(integerSquareRoot(99n)).toBe(9n);
    expect(integerSquareRoot(100n)).toBe(10n);
    expect(integerSquareRoot(10n ** 18n)).toBe(10n ** 9n);
    expect(integerSquareRoot(2n * 10n ** 18n)).toBe(1_414_213_562n);
    expect(integerSquareRoot(0n)).toBe(0n);
    expect(integerSquareRoot(1n)).toBe(1n);
  });

  it('satisfies r² ≤ n < (r + 1)² at every size, across the double-precision boundary', () => {
    const n = fc.oneof(
      fc.bigInt({ min: 0n, max: 1000n }),
      fc.bigInt({ min: 0n, max: 1n << 106n }),
      fc.bigInt({ min: (1n << 106n) - 1000n, max: (1n << 106n) + 1000n }),
      fc.bigInt({ min: 0n, max: 1n << 300n }),
      fc.bigInt({ min: 1n << 1020n, max: 1n << 1200n }),
      fc.bigInt({ min: 1n, max: 1n << 52n }).map((r) => r * r - 1n),
    );
    fc.assert(
      fc.property(n, (value) => {
        const r = integerSquareRoot(value);
        expect(r * r <= value && value < (r + 1n) * (r + 1n)).toBe(true);
      }),
    );
  });

  it('refuses a negative number', () => {
    expect(() => integerSquareRoot(-1n)).toThrow(RangeError);
  });
});
