import type { CountingModule } from './CountingModule.js';
import { SUPPORT_OPTIONS, type SupportBallot, supportBallot, supportTotals } from './supportTotals.js';

/**
 * Simple majority (OpenZeppelin's `GovernorCountingSimple`, "bravo" support): each ballot is for,
 * against or abstain with the voter's full weight. The proposal passes when the weight for is more
 * than the weight against, that is more than half of the weight cast for or against.
 * Abstentions count to participation (so to quorum) but not to the ratio.
 *
 * Tie rule: for = against is not a majority, so a tie is `rejected` (the status quo stands).
 * No ballots, or abstentions only, is 0 for and 0 against: rejected.
 */
export const majority: CountingModule<SupportBallot> = {
  method: 'majority',
  mode: 'method=majority&support=for,against,abstain&quorum=for,against,abstain&pass=for>against',
  counting: 'by simple majority: more than half of the weight cast for or against',
  rule: {
    counted: true,
    needsPeriod: true,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
    multipleOptions: false,
  },
  ballot: supportBallot,
  fixedOptions: SUPPORT_OPTIONS,
  checkBallot: () => undefined,
  tally({ ballots }) {
    const totals = supportTotals(ballots);
    const passed = totals.for > totals.against;
    return {
      outcome: passed ? 'passed' : 'rejected',
      winners: passed ? ['for'] : [],
      totals: { for: totals.for, against: totals.against, abstain: totals.abstain },
      participation: totals.participation,
      voters: ballots.length,
    };
  },
};
