import { TWO_32 } from './limbSums.js';

/** The result of the last `divideLimbs`: ⌊w · share / whole⌋ = top · 2⁶⁴ + hi · 2³² + lo, and the remainder. */
export const quotient = { top: 0, hi: 0, lo: 0, remainder: 0 };

/** Largest share and sum of shares `divideLimbs` takes: 2²⁰ keeps every step below 2⁵³. */
export const MAX_WHOLE = 2 ** 20;

/**
 * Divides w · share by whole exactly in doubles, for w = top · 2⁶⁴ + hi · 2³² + lo below 2⁹⁷
 * (top < 2³³; hi, lo < 2³²) and whole numbers 0 ≤ share ≤ whole ≤ 2²⁰ (whole ≥ 1), by long
 * division in base 2³²: top · share < 2⁵³ is divided first, then each remainder (below 2²⁰) times
 * 2³² plus the next limb times share, below 2⁵³. A double quotient of integers below 2⁵³ is within
 * one unit of the truth, so each step corrects it once against the exact remainder. The quotient
 * is at most w and is left with its two lower limbs below 2³².
 *
 * @example
 * divideLimbs(0, 1, 10, 3, 4) // (2³² + 10) · 3 / 4: quotient = { top: 0, hi: 0, lo: 3221225479, remainder: 2 }
 * // 12884901918 = 4 · 3221225479 + 2, and 3221225479 < 2³²
 */
export function divideLimbs(top: number, hi: number, lo: number, share: number, whole: number): void {
  if (share === whole) {
    // w · share / share = w: nothing to divide (a voter's whole weight on one option).
    quotient.top = top;
    quotient.hi = hi;
    quotient.lo = lo;
    quotient.remainder = 0;
    return;
  }
  rest = 0;
  let upper = digit(top, share, whole);
  let middle = digit(hi, share, whole);
  let lower = digit(lo, share, whole);
  // The lower digits may reach past 2³²: carry upwards.
  let carry = Math.floor(lower / TWO_32);
  lower -= carry * TWO_32;
  middle += carry;
  carry = Math.floor(middle / TWO_32);
  middle -= carry * TWO_32;
  upper += carry;
  quotient.top = upper;
  quotient.hi = middle;
  quotient.lo = lower;
  quotient.remainder = rest;
}

/** The running remainder of `divideLimbs`, below `whole`. */
let rest = 0;

/** One step of the long division: (rest · 2³² + limb · share) / whole, keeping the new remainder. */
function digit(limb: number, share: number, whole: number): number {
  const part = rest * TWO_32 + limb * share;
  let found = Math.floor(part / whole);
  rest = part - found * whole;
  if (rest < 0) {
    found--;
    rest += whole;
  } else if (rest >= whole) {
    found++;
    rest -= whole;
  }
  return found;
}
