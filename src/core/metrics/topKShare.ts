import { DevolveError } from '../errors/DevolveError.js';
import { type ExactValue, exactValue, ZERO_VALUE } from './ExactValue.js';
import { type Holdings, sortHoldings } from './sortHoldings.js';
import { sumRange } from './sumHoldings.js';

/**
 * The share of the total held by the `k` largest holders, exact. k = 0 gives 0; k ≥ n gives 1
 * when anything is held. Nothing held: 0. Throws `DevolveError` `metrics/invalid-top-k` unless k
 * is a non-negative integer.
 *
 * @example
 * topKShare({ holdings: [5n, 1n, 3n, 1n], k: 2 }).ratio // (5 + 3) / 10 = { num: 4n, den: 5n }
 */
export function topKShare(args: { holdings: Holdings; k: number }): ExactValue {
  const { k } = args;
  if (!Number.isSafeInteger(k) || k < 0) {
    throw new DevolveError({
      code: 'metrics/invalid-top-k',
      message: `top-k share needs a whole number of holders, got ${k}`,
      hint: 'use k = 10 for the share of the ten largest holders',
      details: { k },
    });
  }
  const holdings = sortHoldings({ holdings: args.holdings, borrow: true });
  if (holdings.total === 0n) return ZERO_VALUE;
  const n = holdings.values.length;
  const top = sumRange({ holdings, from: Math.max(0, n - k), to: n });
  return exactValue({ ratio: { num: top, den: holdings.total } });
}
