import { divideLimbs, quotient } from './divideLimbs.js';
import { TWO_32 } from './limbSums.js';

/** The last votes `quadraticVotes` found: ⌊√(c · 10¹⁸)⌋ = whole · 10⁹ + billionths. */
export const votes = { whole: 0, billionths: 0 };

/** How near a whole number a double estimate of the billionths may fall before it is not trusted. */
const MARGIN = 2 ** -12;
const TWO_20 = 2 ** 20;
const TWO_26 = 2 ** 26;
const TWO_52 = 2 ** 52;

/**
 * Quadratic votes ⌊√(⌊w · share · 10¹⁸ / whole⌋)⌋ in doubles, for w = top · 2⁶⁴ + hi · 2³² + lo
 * below 2⁹⁷ and 1 ≤ share ≤ whole ≤ 2²⁰; returns false, leaving the case to the bigint root, when
 * it cannot vouch for the result.
 *
 * With w · share = a · whole + b (b < whole, found exactly by `divideLimbs`), the radicand is
 * N = a · 10¹⁸ + c, c = ⌊b · 10¹⁸ / whole⌋ < 10¹⁸. Let r = ⌊√a⌋ and d = a − r² (0 ≤ d ≤ 2r).
 * Then (r · 10⁹)² ≤ N < ((r + 1) · 10⁹)², so ⌊√N⌋ = r · 10⁹ + f with 0 ≤ f < 10⁹ and
 * f = ⌊10⁹ · (d + c/10¹⁸) / (√(a + c/10¹⁸) + r)⌋ (from √N/10⁹ − r = (N/10¹⁸ − r²)/(√(N/10¹⁸) + r)).
 *
 * - r: a < 2⁹⁷, so r < 2⁴⁹ and the double root is off by under a unit; d = a − r² is found
 *   exactly from its residue modulo 2⁵² (a's low 52 bits less r² modulo 2⁵², with r split at 2²⁶
 *   so every product is exact) and a double estimate of a − r² good to 2⁴⁷, which picks the one
 *   number with that residue within 2⁵¹; then r is moved until 0 ≤ d ≤ 2r.
 * - f: every operand is within a relative 2⁻⁵³ of its exact value (c/10¹⁸ is taken as b/whole,
 *   off by under 10⁻¹⁸, which moves f by under 10⁻⁹ when a ≥ 1), so the estimate is within a
 *   relative 2⁻⁵⁰ of f < 2³⁰, that is within 2⁻²⁰. Its floor is f unless it falls within 2⁻¹²
 *   of a whole number; then, and when a = 0, the function declines.
 *
 * @example
 * quadraticVotes(0, 0, 2, 1, 1) // √(2 · 10¹⁸) = 1414213562.37…: votes = { whole: 1, billionths: 414213562 }
 */
export function quadraticVotes(top: number, hi: number, lo: number, share: number, whole: number): boolean {
  divideLimbs(top, hi, lo, share, whole);
  const { hi: aHigh, lo: aLow, remainder: b } = quotient;
  const a = (quotient.top * TWO_32 + aHigh) * TWO_32 + aLow; // within a relative 2⁻⁵² of a
  let r = Math.floor(Math.sqrt(a));
  const rh = Math.floor(r / TWO_26);
  const rl = r - rh * TWO_26;
  // (a − r²) mod 2⁵²: each term below 2⁵², so the difference is exact.
  const low = modulo(
    modulo(aHigh, TWO_20) * TWO_32 + aLow - modulo(2 * rh * rl, TWO_26) * TWO_26 - rl * rl,
    TWO_52,
  );
  let d = low + TWO_52 * Math.round((a - r * r - low) / TWO_52);
  while (d < 0) {
    r--;
    d += 2 * r + 1;
  }
  while (d > 2 * r) {
    d -= 2 * r + 1;
    r++;
  }
  votes.whole = r;
  if (d === 0 && b === 0) {
    votes.billionths = 0;
    return true;
  }
  if (r === 0) return false;
  const excess = b / whole;
  const estimate = (1e9 * (d + excess)) / (Math.sqrt(a + excess) + r);
  const billionths = Math.floor(estimate);
  const fraction = estimate - billionths;
  if (fraction < MARGIN || fraction > 1 - MARGIN) return false;
  votes.billionths = billionths;
  return true;
}

/**
 * x mod m in [0, m) for an integer |x| < 2⁵³ and m a power of two: dividing by a power of two is
 * exact, so is the floor, and so the difference (`%` on doubles is both slower and signed).
 */
function modulo(x: number, m: number): number {
  return x - Math.floor(x / m) * m;
}
