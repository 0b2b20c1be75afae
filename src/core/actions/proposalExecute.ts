import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { proposalIdSchema } from './proposalPayloadParts.js';
import { refuse } from './refuse.js';

export const proposalExecutePayloadSchema = s
  .object({ proposal: proposalIdSchema() }, 'execution')
  .describe('Carry out a passed proposal once every window and timelock is over.');

export const proposalExecute: ActionRecord<Infer<typeof proposalExecutePayloadSchema>, unknown> = {
  kind: 'proposal.execute',
  summary: 'Execute a passed proposal: its effect on the organization happens now.',
  payload: proposalExecutePayloadSchema,
  signer: 'member',
  authorize() {
    throw refuse('not-yet', 'proposal.execute is not recorded yet');
  },
  apply({ state }) {
    return state;
  },
};
