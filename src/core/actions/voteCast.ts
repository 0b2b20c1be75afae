import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { ballotSchema, proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';
import { refuse } from './refuse.js';

export const voteCastPayloadSchema = s
  .object(
    {
      proposal: proposalIdSchema(),
      ballot: ballotSchema(),
      reason: s.optional(reasonSchema().describe('Why, when the policy requires a rationale.')),
    },
    'vote',
  )
  .describe('A ballot on an open proposal; voting again replaces the earlier ballot.');

export const voteCast: ActionRecord<Infer<typeof voteCastPayloadSchema>, unknown> = {
  kind: 'vote.cast',
  summary: 'Cast a ballot on a proposal in its voting phase.',
  payload: voteCastPayloadSchema,
  signer: 'member',
  authorize() {
    throw refuse('not-yet', 'vote.cast is not recorded yet');
  },
  apply({ state }) {
    return state;
  },
};
