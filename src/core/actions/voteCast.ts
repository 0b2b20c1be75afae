import { castVote } from '../governance/lifecycle/castVote.js';
import type { JsonValue } from '../governance/lifecycle/Proposal.js';
import { s } from '../schema/Schema.js';
import { proposalActRecord } from './proposalActRecord.js';
import { ballotSchema, proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';

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

/**
 * `vote.cast`: a ballot on a proposal in its voting phase, by a member of the electorate fixed
 * when it opened (their own weight or weight delegated to them then), in the shape of its method.
 */
export const voteCast = proposalActRecord({
  kind: 'vote.cast',
  summary: 'Cast a ballot on a proposal in its voting phase.',
  payload: voteCastPayloadSchema,
  act: ({ proposal, payload, actor, at, counting }) =>
    castVote({
      proposal,
      voter: actor,
      ballot: payload.ballot as JsonValue,
      reason: payload.reason,
      now: at,
      counting,
    }),
});
