import type { CountingModule } from './CountingModule.js';
import { countingRule } from './countingRule.js';
import { type SupportBallot, supportFields, supportResult, supportTotals } from './supportTotals.js';

/**
 * Supermajority: like majority, but the proposal passes only when the weight for reaches the
 * policy's threshold (a ratio above one half, e.g. 2/3) of the weight cast for or against:
 * `for · den ≥ num · (for + against)`, in exact integers. Abstentions count to participation (so to
 * quorum) but not to the ratio.
 *
 * Tie rule: reaching the threshold exactly passes ("at least two thirds"). With nothing cast for
 * or against the proposal is rejected, whatever the threshold. Without a threshold (which a
 * charter cannot declare, see `rule.threshold`) the tally refuses to guess and rejects.
 */
export const supermajority: CountingModule<SupportBallot> = {
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'supermajority',
  mode: 'method=supermajority&support=for,against,abstain&quorum=for,against,abstain&pass=for/(for+against)>=threshold',
  counting: 'by supermajority',
  rule: countingRule({ counted: true, needsPeriod: true, threshold: 'required' }),
  ...supportFields,
  tally({ ballots, threshold }) {
    const totals = supportTotals(ballots);
    const cast = totals.for + totals.against;
    const passed = threshold !== undefined && cast > 0n && totals.for * threshold.den >= threshold.num * cast;
    return supportResult({ totals, passed, voters: ballots.length });
  },
};
