import { type Holdings, sortHoldings } from './sortHoldings.js';

function bitLength(value: bigint): number {
  return value.toString(2).length;
}

const TWO_32 = 2 ** 32;
const TWO_MINUS_32 = 2 ** -32;

/**
 * Adds doubles in any order to the identical result: each term is cut into three integer pieces
 * at 2^-32, 2^-64 and 2^-96 (exact operations; only the last rounds, by less than 2^-97), and the
 * pieces are summed as integers, which is associative. So the Theil index of the same holdings is
 * the same double whatever their order, and the sum loses nothing to cancellation. Pieces are
 * folded into a bigint every 2^20 terms: the middle and low pieces are below 2^32 each, and the
 * high pieces stay below 2^53 while the terms' absolute values sum to less than 2^21 — Theil
 * terms sum to at most ln n + 1 in absolute value.
 */
class FixedPointSum {
  private whole = 0n;
  private high = 0;
  private middle = 0;
  private low = 0;
  private count = 0;

  add(term: number): void {
    const a = term * TWO_32;
    const high = Math.trunc(a);
    const b = (a - high) * TWO_32;
    const middle = Math.trunc(b);
    this.high += high;
    this.middle += middle;
    this.low += Math.round((b - middle) * TWO_32);
    if (++this.count === 2 ** 20) this.fold();
  }

  private fold(): void {
    this.whole += (BigInt(this.high) << 64n) + (BigInt(this.middle) << 32n) + BigInt(this.low);
    this.high = 0;
    this.middle = 0;
    this.low = 0;
    this.count = 0;
  }

  /** The sum, rounded once to the nearest double. */
  value(): number {
    this.fold();
    // Number() of a bigint rounds correctly; scaling by 2^-96 is exact.
    return Number(this.whole) * TWO_MINUS_32 * TWO_MINUS_32 * TWO_MINUS_32;
  }
}

/**
 * The Theil index T = (1/n) Σ (x_i/μ)·ln(x_i/μ) with μ = S/n and 0·ln 0 = 0, not normalized:
 * T ∈ [0, ln n] — 0 when everyone holds the same, ln n when one holder has everything (zero
 * holdings count as holders). Divide by ln n for a 0..1 scale; T / ln n = 1 − normalized Shannon
 * entropy. Nothing held, or a single holder: 0.
 *
 * A number, not a ratio: logarithms are irrational. Each term is p_i·ln(n·p_i) with the share
 * p_i = x_i / S taken in doubles (each within one rounding of exact); the terms are added exactly
 * (see `FixedPointSum`), so the same holdings in any order give the identical double. When all
 * non-zero holdings are equal (m of them) the closed form ln(n/m) is returned, so equal holdings
 * give exactly 0.
 *
 * @example
 * theilIndex({ holdings: [1n, 0n, 0n, 0n] }) // ln 4 ≈ 1.3863
 */
export function theilIndex(args: { holdings: Holdings }): number {
  const { values, order, approx, total, zeros } = sortHoldings({ holdings: args.holdings, borrow: true });
  const n = values.length;
  if (total === 0n || n <= 1) return 0;
  if (values[order[zeros]!] === values[order[n - 1]!]) return Math.log(n / (n - zeros));
  // Beyond 2^1000 the doubles of S (and of the largest holdings) would overflow: shift every
  // holding down by the same amount first (shares are unchanged up to rounding).
  const shift = Math.max(0, bitLength(total) - 1000);
  const wide = BigInt(shift);
  const totalApprox = Number(total >> wide);
  const sum = new FixedPointSum();
  for (let i = 0; i < n; i++) {
    const share = (shift === 0 ? approx[i]! : Number(values[i]! >> wide)) / totalApprox;
    if (share > 0) sum.add(share * Math.log(n * share));
  }
  return Math.min(Math.max(sum.value(), 0), Math.log(n));
}
