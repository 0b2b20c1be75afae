import { ratioSchema } from '../charter/charterSchema.js';
import { checkDelegation } from '../governance/electorate/checkDelegation.js';
import type { Delegation, DelegationScope } from '../governance/lifecycle/Proposal.js';
import type { LogEvent } from '../log/LogEvent.js';
import { type Infer, s } from '../schema/Schema.js';
import type { OrgState } from '../state/OrgState.js';
import type { ActionRecord } from './ActionRecord.js';
import { delegationsOf, delegationToRecord, shareOf } from './proposalRuntime.js';
import { refuse } from './refuse.js';

const scopeShape = {
  role: s.optional(
    s.string({ minLength: 1, maxLength: 64 }).describe('Delegate the weight held through this role.'),
  ),
  token: s.optional(s.string({ minLength: 1, maxLength: 16 }).describe('Delegate the weight of this token.')),
};

export const delegationSetPayloadSchema = s
  .object(
    {
      ...scopeShape,
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

export const delegationRevokePayloadSchema = s
  .object(scopeShape, 'delegation revocation')
  .describe('Withdraw your delegation of a role or a token; proposals opened later no longer apply it.');

/** The scope a payload names: exactly one of a role the actor holds a place in, or a declared token. */
export function scopeOf(state: OrgState, payload: { role?: string; token?: string }): DelegationScope {
  if ((payload.role === undefined) === (payload.token === undefined))
    throw refuse('invalid-delegation', 'name either a role or a token, not both and not neither');
  if (payload.role !== undefined) {
    if (!state.organization.roles.some((r) => r.id === payload.role))
      throw refuse('unknown-role', `there is no role '${payload.role}'`, { role: payload.role });
    return { kind: 'role', role: payload.role };
  }
  const token = payload.token!;
  if (!state.organization.tokens.some((t) => t.symbol === token))
    throw refuse('unknown-token', `there is no token '${token}'`, { token });
  return { kind: 'token', token };
}

const sameScope = (a: DelegationScope, b: DelegationScope) => JSON.stringify(a) === JSON.stringify(b);

/** The delegations in force without the actor's one of `scope`. */
export function withoutDelegation(state: OrgState, from: string, scope: DelegationScope): Delegation[] {
  return delegationsOf(state).filter((d) => !(d.from === from && sameScope(d.scope, scope)));
}

/** The state after a delegation action: `delegations` in force, as JSON. */
export function withDelegations(
  { state, event }: { state: OrgState; event: LogEvent },
  delegations: readonly Delegation[],
): OrgState {
  return { ...state, seq: event.seq, head: event.hash, delegations: delegations.map(delegationToRecord) };
}

/**
 * `delegation.set`: the actor lends their weight of a role or a token to other members, in shares
 * (one hop; what is not lent stays with them). It replaces their earlier delegation of that scope
 * and applies to proposals opened from now on: an open proposal keeps the delegations it opened with.
 */
// Same record head as delegationRevoke.ts, by design: each action kind is read as its own record
// (ActionRecord.ts); the scope and the delegations are read by the helpers below.
export const delegationSet: ActionRecord<Infer<typeof delegationSetPayloadSchema>, Delegation[]> = {
  kind: 'delegation.set',
  summary: 'Delegate the actor’s weight through a role or a token, in shares, to other members.',
  payload: delegationSetPayloadSchema,
  signer: 'member',
  authorize({ state, event, payload }) {
    const from = event.action.actor;
    const scope = scopeOf(state, payload);
    for (const part of payload.to)
      if (!state.organization.members.some((m) => m.id === part.member))
        throw refuse('unknown-member', `'${part.member}' is not a member`, { member: part.member });
    const delegation: Delegation = {
      from,
      scope,
      parts: payload.to.map((part) => ({ to: part.member, share: shareOf(part.share) })),
    };
    const reason = checkDelegation(delegation);
    if (reason !== undefined) throw refuse('invalid-delegation', reason, { from });
    return [...withoutDelegation(state, from, scope), delegation];
  },
  apply: withDelegations,
};
