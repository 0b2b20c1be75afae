import { object } from '../governance/lifecycle/object.js';
import { s } from '../schema/Schema.js';
import { proposalActRecord } from './proposalActRecord.js';
import { proposalIdSchema, reasonSchema } from './proposalPayloadParts.js';

export const proposalObjectPayloadSchema = s
  .object(
    {
      proposal: proposalIdSchema(),
      reason: reasonSchema().describe('The objection: why the proposal would cause harm.'),
    },
    'objection',
  )
  .describe('An objection to a consent proposal, with its reason.');

/** `proposal.object`: a decider objects to a consent proposal while its window is open. */
export const proposalObject = proposalActRecord({
  kind: 'proposal.object',
  summary: 'Object to a consent proposal while its objection window is open.',
  payload: proposalObjectPayloadSchema,
  act: ({ proposal, payload, actor, at }) => object({ proposal, by: actor, reason: payload.reason, now: at }),
});
