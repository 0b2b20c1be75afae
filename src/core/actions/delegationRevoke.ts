import type { Delegation } from '../governance/lifecycle/Proposal.js';
import type { Infer } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import {
  delegationRevokePayloadSchema,
  scopeOf,
  withDelegations,
  withoutDelegation,
} from './delegationSet.js';
import { refuse } from './refuse.js';

/** `delegation.revoke`: the actor withdraws their own delegation of a role or a token. */
// Same record head as delegationSet.ts, by design: each action kind is read as its own record
// (ActionRecord.ts); the scope and the delegations are read by the helpers both import.
export const delegationRevoke: ActionRecord<Infer<typeof delegationRevokePayloadSchema>, Delegation[]> = {
  kind: 'delegation.revoke',
  summary: 'Revoke the actor’s delegation of a role or a token.',
  payload: delegationRevokePayloadSchema,
  signer: 'member',
  authorize({ state, event, payload }) {
    const from = event.action.actor;
    const scope = scopeOf(state, payload);
    const remaining = withoutDelegation(state, from, scope);
    if (remaining.length === state.delegations.length)
      throw refuse('no-delegation', `'${from}' has no delegation of that ${scope.kind} to revoke`, { from });
    return remaining;
  },
  apply: withDelegations,
};
