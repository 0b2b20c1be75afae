import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';
import { refuse } from './refuse.js';

export const proposalAdvisePayloadSchema = s
  .object(
    {
      proposal: proposalIdSchema(),
      advice: reasonSchema().describe('The advice given.'),
    },
    'advice',
  )
  .describe('Advice from a consulted member.');

export const proposalAdvise: ActionRecord<Infer<typeof proposalAdvisePayloadSchema>, unknown> = {
  kind: 'proposal.advise',
  summary: 'Give advice on a proposal as a consulted member.',
  payload: proposalAdvisePayloadSchema,
  signer: 'member',
  authorize() {
    throw refuse('not-yet', 'proposal.advise is not recorded yet');
  },
  apply({ state }) {
    return state;
  },
};
