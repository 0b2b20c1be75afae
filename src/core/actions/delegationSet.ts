import { ratioSchema } from '../charter/charterSchema.js';
import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { refuse } from './refuse.js';

export const delegationSetPayloadSchema = s
  .object(
    {
      role: s.optional(
        s.string({ minLength: 1, maxLength: 64 }).describe('Delegate the weight held through this role.'),
      ),
      token: s.optional(
        s.string({ minLength: 1, maxLength: 16 }).describe('Delegate the weight of this token.'),
      ),
      to: s.array(
        s.object(
          {
            member: s.string({ minLength: 1, maxLength: 64 }).describe('The delegate, a member id.'),
            share: ratioSchema().describe('The share of the weight they receive.'),
          },
          'delegate',
        ),
        { minItems: 1 },
      ),
    },
    'delegation',
  )
  .describe(
    'Lend your weight (through a role or a token) to other members, whole or in shares; replaces your earlier delegation of the same scope.',
  );

export const delegationSet: ActionRecord<Infer<typeof delegationSetPayloadSchema>, unknown> = {
  kind: 'delegation.set',
  summary: 'Delegate the actor’s weight through a role or a token, in shares, to other members.',
  payload: delegationSetPayloadSchema,
  signer: 'member',
  authorize() {
    throw refuse('not-yet', 'delegation.set is not recorded yet');
  },
  apply({ state }) {
    return state;
  },
};
