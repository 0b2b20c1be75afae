import { s } from '../../schema/Schema.js';
import { inVoterOrder, participationOf, passedOrRejected } from './ballotTotals.js';
import type { CountingModule } from './CountingModule.js';
import { countingRule } from './countingRule.js';

const ballot = s
  .object(
    {
      choice: s.enum(['veto'], 'choice').describe('veto'),
      reason: s.optional(
        s.string({ minLength: 1, maxLength: 10_000 }).describe('Why the proposal is vetoed.'),
      ),
    },
    'ballot',
  )
  .describe('A veto of an optimistic proposal.');
type VetoBallot = typeof ballot.type;

/**
 * Optimistic: the proposal passes unless vetoed. Only veto holders cast ballots, and every ballot
 * is a veto. Without a threshold any one veto rejects. With a threshold, the proposal is rejected
 * when the veto weight reaches that share of the electorate's whole weight (`electorate`; the
 * weight of the vetoes cast when it is not given): `vetoes · den ≥ num · electorate`.
 *
 * Tie rule: reaching the threshold exactly rejects; no vetoes at all always passes, even with a
 * threshold of zero.
 */
export const optimistic: CountingModule<VetoBallot> = {
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'optimistic',
  mode: 'method=optimistic&rejects=vetoes>=threshold-of-electorate&default-threshold=any',
  counting: 'optimistically: the proposal passes unless vetoed',
  rule: countingRule({ threshold: 'allowed', needsVeto: true }),
  ballot,
  fixedOptions: ['veto'],
  checkBallot: () => undefined,
  tally({ ballots, threshold, electorate }) {
    const { participation, voters } = participationOf(ballots);
    const notes = inVoterOrder(
      ballots.map(({ voter, ballot }) => ({ voter, kind: 'veto' as const, text: ballot.reason ?? '' })),
    );
    const base = electorate ?? participation;
    const vetoed =
      voters > 0 && (threshold === undefined || participation * threshold.den >= threshold.num * base);
    return {
      ...passedOrRejected(!vetoed, 'for'),
      totals: { veto: participation },
      participation,
      voters,
      notes,
    };
  },
};
