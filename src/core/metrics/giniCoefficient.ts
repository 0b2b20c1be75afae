import { type ExactValue, exactValue, ZERO_VALUE } from './ExactValue.js';
import { type Holdings, sortHoldings } from './sortHoldings.js';

/**
 * The Gini coefficient of holdings, exact: it is rational for integer holdings. With holdings
 * sorted ascending x_1 ≤ … ≤ x_n and S = Σx,
 *
 *   G = 2·Σ i·x_i / (n·S) − (n+1)/n = (2·Σ i·x_i − (n+1)·S) / (n·S)
 *
 * 0 when everyone holds the same, (n−1)/n when one holder has everything; zero holdings count
 * as holders. Nothing held (no holders, or all zero): 0.
 *
 * @example
 * giniCoefficient({ holdings: [1n, 2n, 3n, 4n] }).ratio // { num: 1n, den: 4n }
 */
export function giniCoefficient(args: { holdings: Holdings }): ExactValue {
  const { values, total, rankWeightedSum } = sortHoldings({ holdings: args.holdings, borrow: true });
  if (total === 0n) return ZERO_VALUE;
  const holders = BigInt(values.length);
  return exactValue({ ratio: { num: 2n * rankWeightedSum - (holders + 1n) * total, den: holders * total } });
}
