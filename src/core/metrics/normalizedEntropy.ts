import { type Holdings, type SortedHoldings, sortHoldings } from './sortHoldings.js';
import { theilIndex } from './theilIndex.js';

/**
 * Shannon entropy H = −Σ p_i·ln p_i of the holders' shares p_i = x_i/S (0·ln 0 = 0), normalized
 * by its maximum ln n: 1 when all n holders hold the same, 0 when one holder has everything.
 * Zero holdings count in n: a holder with nothing lowers the entropy as much as it lowers equality.
 * Nothing held, or a single holder (where ln n = 0): 0 — one holder is never spread out.
 *
 * A number: logarithms are irrational. It is computed as 1 − T / ln n from the Theil index T, since
 * T = Σ p_i·ln(n·p_i) = ln n − H; see `theilIndex` for how the sum is kept accurate.
 *
 * @example
 * normalizedEntropy({ holdings: [1n, 1n, 0n, 0n] }) // ln 2 / ln 4 = 0.5
 */
export function normalizedEntropy(args: { holdings: Holdings }): number {
  const sorted = sortHoldings({ holdings: args.holdings, borrow: true });
  return entropyFromTheil({ theil: theilIndex({ holdings: sorted }), holdings: sorted });
}

/**
 * Normalized entropy from the Theil index already computed over the same holdings, so a report
 * does not sum the logarithms twice.
 *
 * @example
 * entropyFromTheil({ theil: 0, holdings: sortHoldings({ holdings: [7n, 7n] }) }) // 1
 */
export function entropyFromTheil(args: { theil: number; holdings: SortedHoldings }): number {
  const n = args.holdings.values.length;
  if (n <= 1 || args.holdings.total === 0n) return 0;
  return Math.min(Math.max(1 - args.theil / Math.log(n), 0), 1);
}
