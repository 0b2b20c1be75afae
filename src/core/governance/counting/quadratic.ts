import { plainTopOption, topOptionResult } from './ballotTotals.js';
import type { CountingModule } from './CountingModule.js';
import { countingRule } from './countingRule.js';
import { integerSquareRoot } from './integerSquareRoot.js';
import { halves, LimbSums, optionIndex, readLimbs, TWO_32 } from './limbSums.js';
import { quadraticVotes, votes } from './quadraticVotes.js';
import { readSplit, splitRead } from './readSplit.js';
import { checkSplit, type SplitBallot, soleOption, splitBallot } from './splitWeight.js';

/**
 * Quadratic votes are counted in billionths: a vote is `⌊√(credits · 10¹⁸)⌋`, that is √credits
 * to nine decimals, so small weights (reputation points) are told apart as well as token amounts.
 */
export const QUADRATIC_SCALE_SQUARED = 10n ** 18n;

/**
 * Quadratic voting: a voter's weight is their voice credits; they spend them across options in
 * proportion to whole-number shares, and the credits `c` spent on an option buy √c votes, so
 * spreading support is cheap and concentrating it is dear. An option's total is the sum of its
 * votes, in billionths of a vote (`⌊√(c · 10¹⁸)⌋` per voter and option, with
 * `c = weight · share / Σshares` kept exact inside the root). The option with most votes wins.
 *
 * This ranks options exactly as Snapshot's quadratic voting does (it squares each option's sum of
 * roots and rescales, which keeps the order); `devolve tally --compat snapshot` reproduces its
 * published figures.
 *
 * Tie rule (see `rankOptions`): equal top totals are `tied`; listing order never breaks a tie.
 */
export const quadratic: CountingModule<SplitBallot> = {
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'quadratic',
  mode: 'method=quadratic&votes=sqrt(credits)&unit=1e-9&winners=top-1&tie=tied',
  counting: 'by quadratic voting: each voter’s votes count as the square root of the weight spent on them',
  rule: countingRule({
    counted: true,
    needsPeriod: true,
    needsWeightedElectorate: true,
    multipleOptions: true,
  }),
  ballot: splitBallot,
  checkBallot: checkSplit,
  tally({ ballots, options }) {
    const index = optionIndex(options);
    // Options named twice or after Object.prototype's properties: one bigint record, as ever.
    if (index === undefined)
      return plainTopOption(ballots, options, (w, b) => ballotVotes(w, b.split, options));
    const sums = new LimbSums(options.length, 1e9);
    // The weight cast, summed in the same pass (see `participationOf`).
    const cast = new LimbSums(1, TWO_32);
    // This loop's frame matches weightedSplit.ts's on purpose: both are the tally bench's hot path, inlined.
    for (const { weight, ballot } of ballots) {
      if (readLimbs(weight) && readSplit(ballot.split, index, options.length)) {
        // The common case in doubles (see `quadraticVotes`); a declined root is taken in bigints.
        const { count, whole, options: named, shares } = splitRead;
        const { top, hi, lo } = halves;
        if (top === 0) cast.addLimbs(0, hi, lo);
        else cast.addExact(0, weight);
        for (let k = 0; k < count; k++) {
          const share = count === 1 ? 1 : shares[k]!;
          const total = count === 1 ? 1 : whole;
          if (!quadraticVotes(top, hi, lo, share, total))
            sums.addExact(named[k]!, exactVotes(weight, BigInt(share), BigInt(total)));
          // Whole votes reach 2³² from weights of 2⁶⁴ on: beyond the limbs' bound, so in bigints.
          else if (votes.whole < TWO_32) sums.addLimbs(named[k]!, votes.whole, votes.billionths);
          else sums.addExact(named[k]!, BigInt(votes.whole) * 1_000_000_000n + BigInt(votes.billionths));
        }
      } else {
        cast.addWeight(0, weight);
        sums.addAllExact(index, ballotVotes(weight, ballot.split, options));
      }
      sums.endBallot();
      cast.endBallot();
    }
    return topOptionResult(options, sums.totalsOf(options), cast.participation(ballots.length));
  },
};

/** √(weight · share / shares) · 10⁹ = √(weight · share · 10¹⁸ / shares), floored, in bigints. */
export function exactVotes(weight: bigint, share: bigint, shares: bigint): bigint {
  return integerSquareRoot((weight * share * QUADRATIC_SCALE_SQUARED) / shares);
}

/** One ballot's votes per option, counted in bigints: the rule the double path must match. */
function ballotVotes(
  weight: bigint,
  split: Readonly<Record<string, number>>,
  options: readonly string[],
): [string, bigint][] {
  const only = soleOption(split, options);
  // All the credits on one option: √(weight · 10¹⁸), with no division by the shares.
  if (only !== undefined) return [[only, integerSquareRoot(weight * QUADRATIC_SCALE_SQUARED)]];
  let shares = 0n;
  for (const option of options) {
    const share = split[option];
    if (share !== undefined && share > 0) shares += BigInt(share);
  }
  if (shares === 0n) return [];
  const counted: [string, bigint][] = [];
  for (const option of options) {
    const share = split[option];
    if (share === undefined || share <= 0) continue;
    counted.push([option, exactVotes(weight, BigInt(share), shares)]);
  }
  return counted;
}
