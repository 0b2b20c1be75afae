import { s } from '../../schema/Schema.js';
import { inVoterOrder, participationOf } from './ballotTotals.js';
import type { CountingModule } from './CountingModule.js';
import { countingRule } from './countingRule.js';

const ballot = s
  .object(
    { advice: s.string({ minLength: 1, maxLength: 10_000 }).describe('The advice given to the proposer.') },
    'ballot',
  )
  .describe('Advice to the proposer; it informs the decision and does not count as a vote.');
type AdviceBallot = typeof ballot.type;

/**
 * Advice process: the proposer decides, after seeking advice from those the policy names. Advice
 * ballots are notes, not votes: the outcome is the proposer's recorded decision (`decision` in the
 * tally input), `pending` until there is one. Whether the named roles' advice is in before the
 * proposer may decide is the lifecycle's check, not the tally's.
 *
 * Tie rule: there are no ties; one person decides. Notes are returned sorted by voter so the
 * result does not depend on the order advice arrived in.
 */
export const advice: CountingModule<AdviceBallot> = {
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'advice',
  mode: 'method=advice&decides=proposer&ballots=advice-notes',
  counting: 'by advice process: the proposer decides, after seeking advice from those consulted',
  rule: countingRule({ needsConsultation: true }),
  ballot,
  fixedOptions: ['for', 'against'],
  checkBallot: () => undefined,
  tally({ ballots, decision }) {
    const notes = inVoterOrder(
      ballots.map(({ voter, ballot }) => ({ voter, kind: 'advice' as const, text: ballot.advice })),
    );
    return {
      outcome: decision === 'for' ? 'passed' : decision === 'against' ? 'rejected' : 'pending',
      winners: decision === 'for' ? ['for'] : [],
      totals: {},
      ...participationOf(ballots),
      notes,
    };
  },
};
