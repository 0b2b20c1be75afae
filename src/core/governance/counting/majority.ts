import type { CountingModule } from './CountingModule.js';
import { countingRule } from './countingRule.js';
import { type SupportBallot, supportFields, supportResult, supportTotals } from './supportTotals.js';

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
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'majority',
  mode: 'method=majority&support=for,against,abstain&quorum=for,against,abstain&pass=for>against',
  counting: 'by simple majority: more than half of the weight cast for or against',
  rule: countingRule({ counted: true, needsPeriod: true }),
  ...supportFields,
  tally({ ballots }) {
    const totals = supportTotals(ballots);
    const passed = totals.for > totals.against;
    return supportResult({ totals, passed, voters: ballots.length });
  },
};
