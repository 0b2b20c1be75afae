import { type ExactValue, exactValue, ZERO_VALUE } from './ExactValue.js';
import { limbRankWeighted } from './holdingLimbs.js';
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
  const { values, order, total, limbs } = sortHoldings({ holdings: args.holdings });
  if (total === 0n) return ZERO_VALUE;
  const n = values.length;
  // Σ i·x_i is summed in input order, each holding times its rank, rather than along `order`:
  // visiting a million holdings in sorted (random memory) order is several times slower. Equal
  // holdings may swap ranks without changing the sum.
  const rank = new Int32Array(n);
  for (let j = 0; j < n; j++) rank[order[j]!] = j + 1;
  let weighted = 0n;
  if (limbs !== undefined) {
    weighted = limbRankWeighted({ limbs, rank });
  } else {
    for (let i = 0; i < n; i++) weighted += BigInt(rank[i]!) * values[i]!;
  }
  const holders = BigInt(n);
  return exactValue({ ratio: { num: 2n * weighted - (holders + 1n) * total, den: holders * total } });
}
