import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';
import { refuse } from './refuse.js';

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

export const proposalDecide: ActionRecord<Infer<typeof proposalDecidePayloadSchema>, unknown> = {
  kind: 'proposal.decide',
  summary: 'Decide a single-owner or advice-process proposal.',
  payload: proposalDecidePayloadSchema,
  signer: 'member',
  authorize() {
    throw refuse('not-yet', 'proposal.decide is not recorded yet');
  },
  apply({ state }) {
    return state;
  },
};
