import type { Party, Policy, Role, RoleScope } from '../model/Organization.js';

const SCOPE_RANK: Record<RoleScope, number> = { team: 1, council: 2, community: 3 };

function partyRank(party: Party, roles: ReadonlyMap<string, Role>): number {
  if (party.kind !== 'role') return 3; // every member, or anyone: as wide as a community
  const role = roles.get(party.role);
  return role === undefined ? 0 : SCOPE_RANK[role.scope];
}

function widest(parties: readonly Party[], roles: ReadonlyMap<string, Role>): number {
  return parties.reduce((rank, party) => Math.max(rank, partyRank(party, roles)), 0);
}

/**
 * An ordinal measure of how decentralized a policy is, used to check that a ladder runs from
 * centralized to decentralized. It is the rank of who decides — 0 for one owner alone, 1 the
 * team, 2 a council, 3 the community (by role scope) — plus ½ when decisions go through a public
 * consultation, minus ¼ when a narrower party keeps a veto over them.
 *
 * The default ladder scores 0, 1, 1.5, 2.25, 3.25, 3.5 with its usual slot bindings.
 */
export function decentralizationScore(args: { policy: Policy; roles: ReadonlyMap<string, Role> }): number {
  const { policy, roles } = args;
  if (policy.method === 'single-owner') return 0;
  // Under the advice process and optimistic approval the proposer decides (subject to advice or veto).
  const decide =
    policy.method === 'advice' || policy.method === 'optimistic' ? policy.propose : policy.deciders;
  const rank = widest(decide, roles);
  const consulted = policy.consultation === undefined ? 0 : 0.5;
  const vetoed = policy.veto !== undefined && widest(policy.veto.by, roles) < rank ? 0.25 : 0;
  return rank + consulted - vetoed;
}
