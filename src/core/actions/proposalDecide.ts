import { decide } from '../governance/lifecycle/decide.js';
import { s } from '../schema/Schema.js';
import { proposalActRecord } from './proposalActRecord.js';
import { proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';

// A payload schema and a proposalActRecord, shaped like proposalAdvise.ts, proposalVeto.ts and voteCast.ts by design:
// the shared work is in proposalActRecord.ts; what stays is this act's own payload and rule.
export const proposalDecidePayloadSchema = s
  .object(
    {
      proposal: proposalIdSchema(),
      decision: s.enum(['passed', 'rejected'] as const, 'decision').describe('passed or rejected'),
      reason: s.optional(reasonSchema().describe('Why, when the policy requires a rationale.')),
    },
    'decision',
  )
  .describe('The decision of a single owner, or of the proposer after the advice process.');

/** `proposal.decide`: a single owner decides, or the proposer after the advice process. */
export const proposalDecide = proposalActRecord({
  kind: 'proposal.decide',
  summary: 'Decide a single-owner or advice-process proposal.',
  payload: proposalDecidePayloadSchema,
  act: ({ proposal, payload, actor, at }) =>
    decide({
      proposal,
      by: actor,
      outcome: payload.decision,
      ...(payload.reason === undefined ? {} : { reason: payload.reason }),
      now: at,
    }),
});
