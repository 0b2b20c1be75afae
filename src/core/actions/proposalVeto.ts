import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';
import { refuse } from './refuse.js';

export const proposalVetoPayloadSchema = s
  .object(
    {
      proposal: proposalIdSchema(),
      reason: reasonSchema().describe('Why the proposal is vetoed.'),
    },
    'veto',
  )
  .describe('A veto by a member of a veto body during the veto window.');

export const proposalVeto: ActionRecord<Infer<typeof proposalVetoPayloadSchema>, unknown> = {
  kind: 'proposal.veto',
  summary: 'Veto a passed proposal during its veto window.',
  payload: proposalVetoPayloadSchema,
  signer: 'member',
  authorize() {
    throw refuse('not-yet', 'proposal.veto is not recorded yet');
  },
  apply({ state }) {
    return state;
  },
};
