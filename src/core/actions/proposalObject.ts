import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';
import { refuse } from './refuse.js';

export const proposalObjectPayloadSchema = s
  .object(
    {
      proposal: proposalIdSchema(),
      reason: reasonSchema().describe('The objection: why the proposal would cause harm.'),
    },
    'objection',
  )
  .describe('An objection to a consent proposal, with its reason.');

export const proposalObject: ActionRecord<Infer<typeof proposalObjectPayloadSchema>, unknown> = {
  kind: 'proposal.object',
  summary: 'Object to a consent proposal while its objection window is open.',
  payload: proposalObjectPayloadSchema,
  signer: 'member',
  authorize() {
    throw refuse('not-yet', 'proposal.object is not recorded yet');
  },
  apply({ state }) {
    return state;
  },
};
