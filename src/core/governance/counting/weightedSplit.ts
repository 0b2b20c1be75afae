import { plainTopOption, topOptionResult } from './ballotTotals.js';
import type { CountingModule } from './CountingModule.js';
import { countingRule } from './countingRule.js';
import { divideLimbs, quotient } from './divideLimbs.js';
import { halves, LimbSums, optionIndex, readHalves, TWO_32 } from './limbSums.js';
import { readSplit, splitRead } from './readSplit.js';
import { checkSplit, type SplitBallot, soleOption, splitBallot, splitWeight } from './splitWeight.js';

/**
 * Weighted split: each voter divides their weight among the options in proportion to whole-number
 * shares (`{ a: 3, b: 1 }` gives a three quarters and b one quarter), divided exactly by cumulative
 * rounding (see `splitWeight`), so an option's total is a whole amount of weight and the totals
 * add up to the participation. The option with the most weight wins. A voter who puts all their
 * weight on one option casts an ordinary vote: with options for / against, the option with more
 * weight is what majority would decide.
 *
 * Tie rule (see `rankOptions`): equal top totals are `tied`; listing order never breaks a tie.
 *
 * Its tally has the same frame as `quadratic`'s (the `duplicates` tool pairs them) on purpose:
 * the shared parts are already helpers (`splitBallot`, `checkSplit`, `soleOption`, `zeroTotals`);
 * what is left is what each method adds per option, the weight or its square root, which an
 * auditor should read in the method's own file.
 */
export const weightedSplit: CountingModule<SplitBallot> = {
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'weighted-split',
  mode: 'method=weighted-split&weight=proportional-cumulative-rounding&winners=top-1&tie=tied',
  counting: 'by weighted split: each voter divides their weight among the options',
  rule: countingRule({ counted: true, needsPeriod: true, multipleOptions: true }),
  ballot: splitBallot,
  checkBallot: checkSplit,
  tally({ ballots, options }) {
    const index = optionIndex(options);
    // Options named twice or after Object.prototype's properties: one bigint record, as ever.
    if (index === undefined)
      return plainTopOption(ballots, options, (w, b) => ballotParts(w, b.split, options));
    const sums = new LimbSums(options.length, TWO_32);
    // The weight cast, summed in the same pass (see `participationOf`).
    const cast = new LimbSums(1, TWO_32);
    // This loop's frame matches quadratic.ts's on purpose: both are the tally bench's hot path, inlined.
    for (const { weight, ballot } of ballots) {
      if (readHalves(weight) && readSplit(ballot.split, index, options.length)) {
        // Cumulative rounding in halves (see `divideLimbs`): part k is ⌊w·(shares up to k)/Σ⌋
        // less the same for k − 1, each half a difference of numbers below 2³².
        const { count, whole, options: named, shares } = splitRead;
        const { hi, lo } = halves;
        cast.addLimbs(0, hi, lo);
        let givenHi = 0;
        let givenLo = 0;
        let cumulative = 0;
        for (let k = 0; k < count - 1; k++) {
          cumulative += shares[k]!;
          divideLimbs(0, hi, lo, cumulative, whole);
          sums.addLimbs(named[k]!, quotient.hi - givenHi, quotient.lo - givenLo);
          givenHi = quotient.hi;
          givenLo = quotient.lo;
        }
        if (count > 0) sums.addLimbs(named[count - 1]!, hi - givenHi, lo - givenLo);
      } else {
        cast.addWeight(0, weight);
        sums.addAllExact(index, ballotParts(weight, ballot.split, options));
      }
      sums.endBallot();
      cast.endBallot();
    }
    return topOptionResult(options, sums.totalsOf(options), cast.participation(ballots.length));
  },
};

/** One ballot's parts per option, counted in bigints: the rule the double path must match. */
function ballotParts(
  weight: bigint,
  split: Readonly<Record<string, number>>,
  options: readonly string[],
): [string, bigint][] {
  const only = soleOption(split, options);
  // All the weight on one option: the common ballot, counted without dividing.
  if (only !== undefined) return [[only, weight]];
  return splitWeight({ weight, split, options });
}
