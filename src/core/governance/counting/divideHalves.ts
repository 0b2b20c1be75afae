import { TWO_32 } from './limbSums.js';

/** The result of the last `divideHalves`: ⌊w · share / whole⌋ = hi · 2³² + lo, and the remainder. */
export const quotient = { hi: 0, lo: 0, remainder: 0 };

/** Largest share and sum of shares `divideHalves` takes: 2²⁰ keeps every step below 2⁵³. */
export const MAX_WHOLE = 2 ** 20;

/**
 * Divides w · share by whole exactly in doubles, for w = hi · 2³² + lo below 2⁶⁴ and whole
 * numbers 0 ≤ share ≤ whole ≤ 2²⁰ (whole ≥ 1), by long division in base 2³²: hi · share < 2⁵²
 * is divided first, and its remainder (below 2²⁰) times 2³² plus lo · share, below 2⁵³, next.
 * A double quotient of integers below 2⁵³ is within one unit of the truth, so each step corrects
 * it once against the exact remainder. The quotient is below w · share / whole ≤ w < 2⁶⁴ and is
 * left with both halves below 2³².
 *
 * @example
 * divideHalves(1, 10, 3, 4) // (2³² + 10) · 3 / 4: quotient = { hi: 0, lo: 3221225479, remainder: 2 }
 * // 12884901918 = 4 · 3221225479 + 2, and 3221225479 < 2³²
 */
export function divideHalves(hi: number, lo: number, share: number, whole: number): void {
  const upper = hi * share;
  let high = Math.floor(upper / whole);
  let rest = upper - high * whole;
  if (rest < 0) {
    high--;
    rest += whole;
  } else if (rest >= whole) {
    high++;
    rest -= whole;
  }
  const lower = rest * TWO_32 + lo * share;
  let low = Math.floor(lower / whole);
  rest = lower - low * whole;
  if (rest < 0) {
    low--;
    rest += whole;
  } else if (rest >= whole) {
    low++;
    rest -= whole;
  }
  // low < 2⁵³ may carry into the high half.
  const carry = Math.floor(low / TWO_32);
  quotient.hi = high + carry;
  quotient.lo = low - carry * TWO_32;
  quotient.remainder = rest;
}
