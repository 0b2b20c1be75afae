import { DevolveError } from '../errors/DevolveError.js';
import { makeRatio, type Ratio } from '../ratio/Ratio.js';
import { type ExactValue, exactValue, ZERO_VALUE } from './ExactValue.js';
import { type Holdings, sortHoldings } from './sortHoldings.js';
import { sumRange } from './sumHoldings.js';

const BLOCK = 1024;

export interface NakamotoCoefficient {
  /** Fewest holders whose combined holdings exceed the threshold share; 0 when nothing is held. */
  readonly count: number;
  /** What those holders hold together, as a share of the total (strictly above the threshold). */
  readonly share: ExactValue;
}

/** More than half: the usual reading of "can decide alone". */
export const DEFAULT_NAKAMOTO_THRESHOLD: Ratio = { num: 1n, den: 2n };

function checkThreshold(threshold: Ratio): Ratio {
  const valid = threshold.den !== 0n && makeRatio(threshold.num, threshold.den);
  if (valid !== false && valid.num >= 0n && valid.num < valid.den) return valid;
  throw new DevolveError({
    code: 'metrics/invalid-threshold',
    message: `Nakamoto threshold ${threshold.num}/${threshold.den} is not a share in [0, 1)`,
    hint: 'use a share from 0 up to but not including 1, e.g. 1/2 or 1/3',
    details: { num: String(threshold.num), den: String(threshold.den) },
  });
}

/**
 * The Nakamoto coefficient: the fewest holders whose combined holdings strictly exceed
 * `threshold` of the total (default 1/2). "Exceeds" is `>`: with 4 equal holders two hold exactly
 * 1/2, which is not more than half, so the coefficient is 3. The largest holders are counted
 * first; equal holdings are interchangeable, so which of them is counted does not matter.
 *
 * Between 1 and n whenever something is held (all n holders hold 100% > threshold); 0 when
 * nothing is held. Throws `DevolveError` `metrics/invalid-threshold` unless 0 ≤ threshold < 1.
 *
 * @example
 * // 5/10 alone is not more than half; 5 + 3 = 8/10 is.
 * nakamotoCoefficient({ holdings: [5n, 3n, 2n] }).count // 2
 */
export function nakamotoCoefficient(args: { holdings: Holdings; threshold?: Ratio }): NakamotoCoefficient {
  const threshold = checkThreshold(args.threshold ?? DEFAULT_NAKAMOTO_THRESHOLD);
  const holdings = sortHoldings({ holdings: args.holdings, borrow: true });
  const { values, order, total } = holdings;
  if (total === 0n) return { count: 0, share: ZERO_VALUE };
  // combined > (num/den)·total ⇔ combined > ⌊num·total/den⌋, because combined is an integer.
  const bound = (threshold.num * total) / threshold.den;
  // Whole blocks of the largest holders are added exactly by `sumRange` (in doubles, by limbs,
  // without a bigint per holder); the block that crosses the bound is walked one holder at a time.
  let combined = 0n;
  let end = values.length;
  for (;;) {
    const start = Math.max(0, end - BLOCK);
    const block = sumRange({ holdings, from: start, to: end });
    if (combined + block > bound) break;
    combined += block;
    end = start;
  }
  let count = values.length - end;
  while (combined <= bound) {
    end--;
    combined += values[order[end]!]!;
    count++;
  }
  return { count, share: exactValue({ ratio: { num: combined, den: total } }) };
}
