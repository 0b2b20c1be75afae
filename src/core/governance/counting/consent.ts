import { s } from '../../schema/Schema.js';
import { inVoterOrder, participationOf, passedOrRejected, type TallyNote } from './ballotTotals.js';
import type { CountingModule } from './CountingModule.js';
import { countingRule } from './countingRule.js';

const ballot = s
  .object(
    {
      choice: s.enum(['consent', 'object'], 'choice').describe('consent, or object (with a reason)'),
      reason: s.optional(
        s.string({ minLength: 1, maxLength: 10_000 }).describe('Why; required for an objection.'),
      ),
    },
    'ballot',
  )
  .refine((value) =>
    value.choice === 'object' && (value.reason === undefined || value.reason.trim() === '')
      ? {
          code: 'objection-without-reason',
          reason: 'an objection needs a reason',
          hint: "add 'reason': what harm the proposal would do, or what would make it acceptable",
        }
      : undefined,
  )
  .describe('Consent, or a reasoned objection.');
type ConsentBallot = typeof ballot.type;

/**
 * Consent (sociocracy): the proposal passes unless someone raises a reasoned objection. Weight
 * plays no part: a single objection blocks, whoever raises it. The ballot schema refuses an
 * objection without a reason, so an objection that reaches the tally always carries one; the
 * reasons are returned as notes, since they are what the proposer must answer.
 *
 * Tie rule: there are no ties; any objection rejects, and no ballots at all passes (silence is
 * consent — the lifecycle only tallies once the objection period has ended).
 */
export const consent: CountingModule<ConsentBallot> = {
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'consent',
  mode: 'method=consent&blocks=any-reasoned-objection&weight=none',
  counting: 'by consent: the proposal passes unless one of them raises a reasoned objection',
  rule: countingRule({ needsPeriod: true }),
  ballot,
  fixedOptions: ['consent', 'object'],
  checkBallot: () => undefined,
  tally({ ballots }) {
    const totals = { consent: 0n, object: 0n };
    const notes: TallyNote[] = [];
    for (const { voter, weight, ballot } of ballots) {
      totals[ballot.choice] += weight;
      if (ballot.choice === 'object') notes.push({ voter, kind: 'objection', text: ballot.reason ?? '' });
    }
    return {
      ...passedOrRejected(notes.length === 0, 'consent'),
      totals,
      ...participationOf(ballots),
      notes: inVoterOrder(notes),
    };
  },
};
