import { s } from '../../schema/Schema.js';
import { checkOptionNames, participationOf, zeroTotals } from './ballotTotals.js';
import type { CountingModule } from './CountingModule.js';
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
  method: 'approval',
  mode: 'method=approval&weight=full-per-option&winners=top-n&tie=tied',
  counting: 'by approval voting: each voter approves any number of options and the most approved win',
  rule: {
    counted: true,
    needsPeriod: true,
    threshold: 'forbidden',
    winners: true,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
    multipleOptions: true,
  },
  ballot,
  checkBallot: ({ ballot, options }) => checkOptionNames({ named: ballot.approve, options }),
  tally({ ballots, options, winners }) {
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
