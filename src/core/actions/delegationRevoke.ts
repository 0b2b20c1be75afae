import { type Infer, s } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { refuse } from './refuse.js';

export const delegationRevokePayloadSchema = s
  .object(
    {
      role: s.optional(s.string({ minLength: 1, maxLength: 64 })),
      token: s.optional(s.string({ minLength: 1, maxLength: 16 })),
    },
    'delegation revocation',
  )
  .describe('Withdraw your delegation of a role or a token; it no longer applies to proposals opened later.');

export const delegationRevoke: ActionRecord<Infer<typeof delegationRevokePayloadSchema>, unknown> = {
  kind: 'delegation.revoke',
  summary: 'Revoke the actor’s delegation of a role or a token.',
  payload: delegationRevokePayloadSchema,
  signer: 'member',
  authorize() {
    throw refuse('not-yet', 'delegation.revoke is not recorded yet');
  },
  apply({ state }) {
    return state;
  },
};
