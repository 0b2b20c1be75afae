import { type ExactValue, exactValue, ZERO_VALUE } from './ExactValue.js';
import { type Holdings, sortHoldings } from './sortHoldings.js';

/**
 * The Herfindahl–Hirschman index of holdings, exact: the sum of squared shares
 * Σ (x_i/S)² = Σ x_i² / S², in [1/n, 1] — 1/n when n holders hold the same, 1 when one holder
 * has everything. It is a share (0..1), not the antitrust scale of 0..10 000. Nothing held
 * (no holders, or all zero): 0.
 *
 * @example
 * herfindahlIndex({ holdings: [1n, 1n, 2n] }).ratio // (1 + 1 + 4) / 4² = { num: 3n, den: 8n }
 */
export function herfindahlIndex(args: { holdings: Holdings }): ExactValue {
  const { total, sumOfSquares } = sortHoldings({ holdings: args.holdings, borrow: true });
  if (total === 0n) return ZERO_VALUE;
  return exactValue({ ratio: { num: sumOfSquares, den: total * total } });
}
