import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { halves, readLimbs } from './limbSums.js';
import { exactVotes } from './quadratic.js';
import { quadraticVotes, votes } from './quadraticVotes.js';

/** Weights below 2⁹⁶ where doubles are hardest: near 2⁵³, 2⁶⁴ and 2⁹⁵, and perfect squares ± 1. */
const weight = fc.oneof(
  fc.bigInt({ min: 0n, max: 1000n }),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  fc.bigInt({ min: 0n, max: 1n << 95n }),
  fc.bigInt({ min: (1n << 53n) - 1000n, max: (1n << 53n) + 1000n }),
  fc.bigInt({ min: (1n << 64n) - 1000n, max: (1n << 64n) + 1000n }),
  fc.bigInt({ min: (1n << 95n) - 1000n, max: (1n << 95n) + 1000n }),
  fc
    .tuple(fc.bigInt({ min: 1n, max: (1n << 48n) - 1n }), fc.constantFrom(-1n, 0n, 1n))
    .map(([root, offset]) => root * root + offset),
);

/** Runs the double path; the votes it vouches for as one bigint, or undefined when it declines. */
function doubleVotes(w: bigint, share: number, whole: number): bigint | undefined {
  if (!readLimbs(w)) throw new Error('weight out of range');
  if (!quadraticVotes(halves.top, halves.hi, halves.lo, share, whole)) return undefined;
  return BigInt(votes.whole) * 10n ** 9n + BigInt(votes.billionths);
}

describe('quadraticVotes', () => {
  it('finds √(w · 10¹⁸) for whole roots and their neighbours', () => {
    // 4 → 2·10⁹; 2 → 1414213562 (√2 = 1.4142135623…); (2⁴⁸ − 1)² → (2⁴⁸ − 1)·10⁹.
    expect(doubleVotes(4n, 1, 1)).toBe(2_000_000_000n);
    expect(doubleVotes(2n, 1, 1)).toBe(1_414_213_562n);
    const big = (1n << 48n) - 1n;
    expect(doubleVotes(big * big, 1, 1)).toBe(big * 10n ** 9n);
    // 2⁹⁵: √ = 2⁴⁷ · √2 = 199032864766430.392644494…, so 199032864766430392644494 billionths.
    expect(doubleVotes(1n << 95n, 1, 1)).toBe(199_032_864_766_430_392_644_494n);
    // 8 split 1 : 3 → 2 credits on the first option: 1414213562 again.
    expect(doubleVotes(8n, 1, 4)).toBe(1_414_213_562n);
  });

  it('equals the bigint root whenever it answers, and answers for all but a sliver', () => {
    let declined = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        weight,
        fc.integer({ min: 1, max: 2 ** 20 }),
        fc.integer({ min: 0, max: 2 ** 20 }),
        (w, share, more) => {
          const whole = Math.min(share + more, 2 ** 20);
          const found = doubleVotes(w, share, whole);
          runs++;
          if (found === undefined) declined++;
          else expect(found).toBe(exactVotes(w, BigInt(share), BigInt(whole)));
        },
      ),
      { numRuns: 20_000 },
    );
    // Declining is for radicands within 2⁻¹² of a whole root and for credits below one unit.
    expect(declined / runs).toBeLessThan(0.05);
  });
});
