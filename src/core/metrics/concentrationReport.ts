import type { Ratio } from '../ratio/Ratio.js';
import type { ExactValue } from './ExactValue.js';
import { giniCoefficient } from './giniCoefficient.js';
import { herfindahlIndex } from './herfindahlIndex.js';
import { type NakamotoCoefficient, nakamotoCoefficient } from './nakamotoCoefficient.js';
import { entropyFromTheil } from './normalizedEntropy.js';
import { type Holdings, sortHoldings } from './sortHoldings.js';
import { theilIndex } from './theilIndex.js';
import { topKShare } from './topKShare.js';

/** The share held by the `k` largest holders. */
export interface TopShare extends ExactValue {
  readonly k: number;
}

/** Every concentration metric of one set of holdings; see each metric's function for its definition. */
export interface ConcentrationReport {
  /** n: every holding counts, zeros included. */
  readonly holders: number;
  /** Holders with more than nothing. */
  readonly nonZeroHolders: number;
  /** Σ holdings, exact. When it is 0 (nothing held) every metric below is 0. */
  readonly total: bigint;
  readonly gini: ExactValue;
  readonly nakamoto: NakamotoCoefficient;
  readonly herfindahl: ExactValue;
  /** Normalized Shannon entropy, 0..1. */
  readonly entropy: number;
  /** Theil index, 0..ln n (not normalized). */
  readonly theil: number;
  readonly topShare: TopShare;
}

/** Ten largest holders, as in the built-in `holder-top10-share` metric. */
export const DEFAULT_TOP_K = 10;

/**
 * Computes every concentration metric from one input with a single sort, which dominates the
 * cost: the holdings are sorted once (`sortHoldings`) and each metric reads the sorted order.
 * Throws as the metrics do: `metrics/invalid-holding`, `metrics/invalid-threshold` (Nakamoto
 * threshold outside [0, 1)), `metrics/invalid-top-k`.
 *
 * @example
 * const report = concentrationReport({ holdings: [1n, 2n, 3n, 4n], topK: 1 });
 * report.gini.ratio     // { num: 1n, den: 4n }
 * report.nakamoto.count // 2 (4 + 3 = 7/10 > 1/2)
 * report.topShare.ratio // { num: 2n, den: 5n } (4/10)
 */
export function concentrationReport(args: {
  holdings: Holdings;
  nakamotoThreshold?: Ratio;
  topK?: number;
}): ConcentrationReport {
  const k = args.topK ?? DEFAULT_TOP_K;
  const holdings = sortHoldings({ holdings: args.holdings, borrow: true });
  const nakamoto =
    args.nakamotoThreshold === undefined
      ? nakamotoCoefficient({ holdings })
      : nakamotoCoefficient({ holdings, threshold: args.nakamotoThreshold });
  const topShare = { ...topKShare({ holdings, k }), k };
  const theil = theilIndex({ holdings });
  return {
    holders: holdings.values.length,
    nonZeroHolders: holdings.values.length - holdings.zeros,
    total: holdings.total,
    gini: giniCoefficient({ holdings }),
    nakamoto,
    herfindahl: herfindahlIndex({ holdings }),
    entropy: entropyFromTheil({ theil, holdings }),
    theil,
    topShare,
  };
}
