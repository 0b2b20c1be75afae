import { makeRatio, type Ratio } from '../../src/core/ratio/Ratio.js';

/**
 * Concentration computed the plain way, by each metric's definition, for tests to compare the
 * fast implementations with: amounts sorted ascending x_(1) … x_(n), zeros left out.
 * Gini = (2·Σ i·x_(i) − (n + 1)·Σx) / (n·Σx); HHI = Σx² / (Σx)²; Nakamoto = the fewest largest
 * amounts whose sum exceeds half of Σx.
 */
export function referenceConcentration(amounts: Iterable<bigint>): {
  holders: number;
  total: bigint;
  gini: Ratio;
  hhi: Ratio;
  nakamoto: number;
} {
  const sorted = [...amounts].filter((x) => x > 0n).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = BigInt(sorted.length);
  let total = 0n;
  let weighted = 0n;
  let squares = 0n;
  sorted.forEach((x, i) => {
    total += x;
    weighted += BigInt(i + 1) * x;
    squares += x * x;
  });
  let nakamoto = 0;
  let sum = 0n;
  for (let i = sorted.length - 1; i >= 0 && 2n * sum <= total; i--) {
    sum += sorted[i]!;
    nakamoto++;
  }
  return {
    holders: sorted.length,
    total,
    gini: total === 0n ? makeRatio(0n, 1n) : makeRatio(2n * weighted - (n + 1n) * total, n * total),
    hhi: total === 0n ? makeRatio(0n, 1n) : makeRatio(squares, total * total),
    nakamoto: total === 0n ? 0 : nakamoto,
  };
}
