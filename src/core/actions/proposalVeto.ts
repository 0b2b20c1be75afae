import { veto } from '../governance/lifecycle/veto.js';
import { s } from '../schema/Schema.js';
import { proposalActRecord } from './proposalActRecord.js';
import { proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';

// A payload schema and a proposalActRecord, shaped like proposalAdvise.ts, proposalDecide.ts and voteCast.ts by design:
// the shared work is in proposalActRecord.ts; what stays is this act's own payload and rule.
export const proposalVetoPayloadSchema = s
  .object(
    { proposal: proposalIdSchema(), reason: reasonSchema().describe('Why the proposal is vetoed.') },
    'veto',
  )
  .describe('A veto by a member of a veto body during the veto window.');

/** `proposal.veto`: a member of a veto body vetoes a passed proposal during its veto window. */
export const proposalVeto = proposalActRecord({
  kind: 'proposal.veto',
  summary: 'Veto a passed proposal during its veto window.',
  payload: proposalVetoPayloadSchema,
  act: ({ proposal, payload, actor, at, counting }) =>
    veto({ proposal, by: actor, reason: payload.reason, now: at, counting }),
});
