import { s } from '../../schema/Schema.js';
import type { CountingModule } from './CountingModule.js';
import { countingRule } from './countingRule.js';

const ballot = s
  .object({ choice: s.enum(['for', 'against'], 'choice').describe('for or against') }, 'ballot')
  .describe("The owner's decision.");
type OwnerBallot = typeof ballot.type;

/**
 * Single owner: any one of the owners decides alone; weight plays no part. The decision is the
 * owner's `for` (passed) or `against` (rejected); with no ballot yet it is `pending`.
 *
 * Tie rule: the lifecycle closes the decision on the first owner's ballot, so one ballot is the
 * normal case. Should several owners' ballots be counted together, they decide when they agree;
 * when they disagree the outcome is `tied` (no owner outranks another, and ballot order must not
 * matter).
 */
export const singleOwner: CountingModule<OwnerBallot> = {
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'single-owner',
  mode: 'method=single-owner&decides=any-one&support=for,against',
  counting: 'any one of them decides alone',
  rule: countingRule({}),
  ballot,
  fixedOptions: ['for', 'against'],
  checkBallot: () => undefined,
  tally({ ballots }) {
    let inFavour = 0;
    let participation = 0n;
    const totals = { for: 0n, against: 0n };
    for (const { weight, ballot } of ballots) {
      participation += weight;
      totals[ballot.choice] += weight;
      if (ballot.choice === 'for') inFavour++;
    }
    const against = ballots.length - inFavour;
    const outcome =
      ballots.length === 0 ? 'pending' : against === 0 ? 'passed' : inFavour === 0 ? 'rejected' : 'tied';
    return {
      outcome,
      winners: outcome === 'passed' ? ['for'] : [],
      totals,
      participation,
      voters: ballots.length,
    };
  },
};
