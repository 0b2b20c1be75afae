import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRatio } from '../ratio/Ratio.js';
import { exactValue } from './ExactValue.js';

describe('exactValue', () => {
  it('reduces the ratio and gives its double', () => {
    expect(exactValue({ ratio: { num: 6n, den: 8n } })).toEqual({ ratio: { num: 3n, den: 4n }, value: 0.75 });
    expect(exactValue({ ratio: { num: 0n, den: 5n } })).toEqual({ ratio: { num: 0n, den: 1n }, value: 0 });
  });

  it('gives a finite double where Number(num) / Number(den) would be NaN', () => {
    // 10^400 / (3·10^400 + 1): both overflow doubles, the quotient is just under 1/3.
    const big = 10n ** 400n;
    expect(Number(big) / Number(3n * big + 1n)).toBeNaN();
    expect(exactValue({ ratio: { num: big, den: 3n * big + 1n } }).value).toBeCloseTo(1 / 3, 15);
  });

  it('is within one unit in the last place of the quotient (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 300n }),
        fc.bigInt({ min: 1n, max: 2n ** 300n }),
        (num, den) => {
          const { value } = exactValue({ ratio: { num, den } });
          const reduced = makeRatio(num, den);
          // Compare against a 64-bit-accurate reference: |value − num/den| ≤ 2^-52·|num/den|.
          const scale = 2n ** 400n;
          const reference = Number((reduced.num * scale) / reduced.den) / Number(scale);
          expect(Math.abs(value - reference)).toBeLessThanOrEqual(Math.abs(reference) * 2 ** -51 + 2 ** -400);
        },
      ),
    );
  });
});
