import { advise } from '../governance/lifecycle/advise.js';
import { s } from '../schema/Schema.js';
import { proposalActRecord } from './proposalActRecord.js';
import { proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';

// A payload schema and a proposalActRecord, shaped like proposalVeto.ts, proposalDecide.ts and voteCast.ts by design:
// the shared work is in proposalActRecord.ts; what stays is this act's own payload and rule.
export const proposalAdvisePayloadSchema = s
  .object({ proposal: proposalIdSchema(), advice: reasonSchema().describe('The advice given.') }, 'advice')
  .describe('Advice from a consulted member.');

/** `proposal.advise`: a member of a consulted party gives advice during consultation. */
export const proposalAdvise = proposalActRecord({
  kind: 'proposal.advise',
  summary: 'Give advice on a proposal as a consulted member.',
  payload: proposalAdvisePayloadSchema,
  act: ({ proposal, payload, actor, at, counting }) =>
    advise({ proposal, by: actor, text: payload.advice, now: at, counting }),
});
