import { PROPOSAL_KINDS } from '../governance/lifecycle/Proposal.js';
import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { proposalIdSchema, subjectSchema } from './proposalPayloadParts.js';
import { refuse } from './refuse.js';

export const proposalCreatePayloadSchema = s
  .object(
    {
      id: proposalIdSchema(),
      unit: s.string({ minLength: 1, maxLength: 64 }).describe('The unit the proposal concerns.'),
      kind: s.enum(PROPOSAL_KINDS, 'proposal kind'),
      title: s.string({ minLength: 1, maxLength: 200 }).describe('One line naming the proposal.'),
      body: s.optional(s.string({ maxLength: 20_000 }).describe('The full text: context and reasoning.')),
      subject: subjectSchema(),
      options: s.optional(
        s
          .array(s.string({ minLength: 1, maxLength: 200 }), { minItems: 2 })
          .describe('Named options, for multi-option methods.'),
      ),
    },
    'proposal',
  )
  .describe('Open a proposal on a unit, decided under the policy of its current level.');

export const proposalCreate: ActionRecord<Infer<typeof proposalCreatePayloadSchema>, unknown> = {
  kind: 'proposal.create',
  summary:
    'Open a proposal on a unit under the policy of its current level (the ratchet picks the level for moves down and loosening changes).',
  payload: proposalCreatePayloadSchema,
  signer: 'member',
  authorize() {
    throw refuse('not-yet', 'proposal.create is not recorded yet');
  },
  apply({ state }) {
    return state;
  },
};
