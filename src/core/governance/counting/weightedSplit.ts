import { participationOf, zeroTotals } from './ballotTotals.js';
import type { CountingModule } from './CountingModule.js';
import { countingRule } from './countingRule.js';
import { rankOptions } from './rankOptions.js';
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
  method: 'weighted-split',
  mode: 'method=weighted-split&weight=proportional-cumulative-rounding&winners=top-1&tie=tied',
  counting: 'by weighted split: each voter divides their weight among the options',
  rule: countingRule({ counted: true, needsPeriod: true, multipleOptions: true }),
  ballot: splitBallot,
  checkBallot: checkSplit,
  tally({ ballots, options }) {
    const totals = zeroTotals(options);
    for (const { weight, ballot } of ballots) {
      const only = soleOption(ballot.split, options);
      if (only !== undefined) {
        // All the weight on one option: the common ballot, counted without dividing.
        totals[only] = (totals[only] ?? 0n) + weight;
        continue;
      }
      for (const [option, part] of splitWeight({ weight, split: ballot.split, options })) {
        totals[option] = (totals[option] ?? 0n) + part;
      }
    }
    return { ...rankOptions({ options, totals, winners: 1 }), totals, ...participationOf(ballots) };
  },
};
