import { s } from '../../schema/Schema.js';
import { checkOptionNames, participationOf, zeroTotals } from './ballotTotals.js';
import type { CountingModule, WeightedBallot } from './CountingModule.js';
import { countingRule } from './countingRule.js';
import { halves, LimbSums, type OptionIndex, optionIndex, readHalves, TWO_32 } from './limbSums.js';
import { rankOptions } from './rankOptions.js';

const ballot = s
  .object(
    { approve: s.array(s.string({ minLength: 1 })).describe('The options this voter approves of.') },
    'ballot',
  )
  .describe('Approval: any number of options, each receiving the voter’s full weight.');
type ApprovalBallot = typeof ballot.type;

/**
 * Approval voting: each voter approves any number of options, and every approved option receives
 * the voter's full weight. The `winners` options (default 1) with the most approval weight win.
 * Approving nothing is a valid ballot: it counts to participation and to no option.
 *
 * Tie rule (see `rankOptions`): a tie for the last winning place is `tied`, listing only the
 * options strictly above it; listing order never breaks a tie; options with no approval never win.
 */
export const approval: CountingModule<ApprovalBallot> = {
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'approval',
  mode: 'method=approval&weight=full-per-option&winners=top-n&tie=tied',
  counting: 'by approval voting: each voter approves any number of options and the most approved win',
  rule: countingRule({ counted: true, needsPeriod: true, winners: true, multipleOptions: true }),
  ballot,
  checkBallot: ({ ballot, options }) => checkOptionNames({ named: ballot.approve, options }),
  tally({ ballots, options, winners }) {
    const index = optionIndex(options);
    const counted = index === undefined ? undefined : approvalTotals(ballots, options, index);
    if (counted !== undefined) {
      return { ...rankOptions({ options, totals: counted.totals, winners: winners ?? 1 }), ...counted };
    }
    // Options named twice or after what objects inherit, or a ballot approving a name that is not one: as ever.
    const totals = zeroTotals(options);
    for (const { weight, ballot } of ballots) {
      for (const option of ballot.approve) totals[option] = (totals[option] ?? 0n) + weight;
    }
    return {
      ...rankOptions({ options, totals, winners: winners ?? 1 }),
      totals,
      ...participationOf(ballots),
    };
  },
};

/**
 * Approval totals and participation in one pass, summed in doubles while exact (see `LimbSums`);
 * undefined when a ballot approves a name that is not an option, which the plain count keeps.
 */
function approvalTotals(
  ballots: readonly WeightedBallot<ApprovalBallot>[],
  options: readonly string[],
  index: OptionIndex,
): { totals: Record<string, bigint>; participation: bigint; voters: number } | undefined {
  const sums = new LimbSums(options.length, TWO_32);
  const cast = new LimbSums(1, TWO_32);
  for (const { weight, ballot } of ballots) {
    const small = readHalves(weight);
    const { hi, lo } = halves;
    if (small) cast.addLimbs(0, hi, lo);
    else cast.addWeight(0, weight);
    cast.endBallot();
    for (const option of ballot.approve) {
      const position = index[option];
      if (position === undefined) return undefined;
      if (small) sums.addLimbs(position, hi, lo);
      else sums.addExact(position, weight);
      // Per approval, not per ballot: a ballot may name an option more than once.
      sums.endBallot();
    }
  }
  return { totals: sums.totalsOf(options), participation: cast.total(0), voters: ballots.length };
}
