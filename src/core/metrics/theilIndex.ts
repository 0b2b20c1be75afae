import { type Holdings, sortHoldings } from './sortHoldings.js';

function bitLength(value: bigint): number {
  return value.toString(2).length;
}

/**
 * The Theil index T = (1/n) Σ (x_i/μ)·ln(x_i/μ) with μ = S/n and 0·ln 0 = 0, not normalized:
 * T ∈ [0, ln n] — 0 when everyone holds the same, ln n when one holder has everything (zero
 * holdings count as holders). Divide by ln n for a 0..1 scale; T / ln n = 1 − normalized Shannon
 * entropy. Nothing held, or a single holder: 0.
 *
 * A number, not a ratio: logarithms are irrational. Shares are taken as doubles (`x_i / S`, each
 * within one rounding of exact) and the terms are added smallest holding first with compensated
 * summation, so the same holdings in any order give the identical result. When all non-zero
 * holdings are equal (m of them) the closed form ln(n/m) is returned, so equal shares give exactly 0.
 *
 * @example
 * theilIndex({ holdings: [1n, 0n, 0n, 0n] }) // ln 4 ≈ 1.3863
 */
export function theilIndex(args: { holdings: Holdings }): number {
  const { values, order, approx, total, zeros } = sortHoldings({ holdings: args.holdings });
  const n = values.length;
  if (total === 0n || n <= 1) return 0;
  if (values[order[zeros]!] === values[order[n - 1]!]) return Math.log(n / (n - zeros));
  // Beyond 2^1000 the doubles of S (and of the largest holdings) would overflow: shift every
  // holding down by the same amount first (shares are unchanged up to rounding).
  const shift = Math.max(0, bitLength(total) - 1000);
  const wide = BigInt(shift);
  const totalApprox = Number(total >> wide);
  let sum = 0;
  let compensation = 0;
  for (let j = zeros; j < n; j++) {
    const i = order[j]!;
    const share = (shift === 0 ? approx[i]! : Number(values[i]! >> wide)) / totalApprox;
    if (share === 0) continue;
    const term = share * Math.log(n * share);
    // Neumaier's compensated summation: the low-order bits lost by each addition are kept.
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
  }
  return Math.min(Math.max(sum + compensation, 0), Math.log(n));
}
