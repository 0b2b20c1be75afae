import { DevolveError } from '../../errors/DevolveError.js';
import type { Organization, Party, Policy } from '../../model/Organization.js';
import type { Electorate, PartyMembers, VetoBody } from '../lifecycle/Proposal.js';
import { partyLabel, partyMembers } from './partyMembers.js';

export interface ElectorateInput {
  readonly organization: Organization;
  readonly policy: Policy;
  readonly unit: string;
  /** The snapshot instant, epoch ms. */
  readonly at: number;
  /** Token balances at `at`, by member id or by address (matched to a member's 0x key in any case). */
  readonly holdings?: ReadonlyMap<string, bigint>;
  /** Declared reputation weights by name, each by member id. */
  readonly reputation?: Readonly<Record<string, ReadonlyMap<string, bigint>>>;
}

/**
 * Who may decide under `policy` at instant `at`, with what weight.
 *
 * - `equal` weight: each member of a deciding party whose term holds at `at` has one vote.
 * - `token` weight: each decider's balance in `holdings`; when a deciding party is `anyone` or an
 *   open role, every holder takes part too (under their member id when their address is a member's
 *   key, else under the address, lower-cased). A member with no balance has no vote.
 * - `reputation` weight: the declared weights of the deciders.
 *
 * `total` is the sum of all weights: the denominator of quorum.
 *
 * @example
 * // council of 3 (one term ended yesterday), equal weight → weights {ana:1, ben:1}, total 2
 * electorateAt({ organization, policy, unit: 'treasury', at: now })
 */
export function electorateAt(args: ElectorateInput): Electorate {
  const { organization, policy, at } = args;
  const deciders = new Set<string>();
  let openToHolders = false;
  for (const party of policy.deciders) {
    for (const member of partyMembers({ organization, party, at })) deciders.add(member);
    if (party.kind === 'anyone' || isOpenRole(organization, party)) openToHolders = true;
  }

  const weights = new Map<string, bigint>();
  const weight = policy.weight;
  if (weight.kind === 'equal') {
    for (const member of deciders) weights.set(member, 1n);
  } else if (weight.kind === 'token') {
    if (args.holdings === undefined)
      throw new DevolveError({
        code: 'proposal/holdings-required',
        message: `the policy weighs votes by ${weight.token} but no holdings snapshot was given`,
        details: { token: weight.token },
      });
    const byAddress = new Map<string, string>();
    for (const member of organization.members)
      if (member.key?.startsWith('0x') === true) byAddress.set(member.key.toLowerCase(), member.id);
    for (const [holder, balance] of args.holdings) {
      if (balance <= 0n) continue;
      const member = deciders.has(holder) ? holder : byAddress.get(holder.toLowerCase());
      const voter =
        member !== undefined && deciders.has(member)
          ? member
          : openToHolders
            ? (member ?? holder.toLowerCase())
            : undefined;
      if (voter !== undefined) weights.set(voter, (weights.get(voter) ?? 0n) + balance);
    }
  } else {
    const declared = args.reputation?.[weight.name];
    if (declared === undefined)
      throw new DevolveError({
        code: 'proposal/reputation-required',
        message: `the policy weighs votes by reputation '${weight.name}' but none was given`,
        details: { name: weight.name },
      });
    for (const member of deciders) {
      const value = declared.get(member) ?? 0n;
      if (value > 0n) weights.set(member, value);
    }
  }

  let total = 0n;
  const sorted = new Map([...weights.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  for (const value of sorted.values()) total += value;

  const consulted: PartyMembers[] = (policy.consultation?.with ?? []).map((party) => ({
    party: partyLabel(party),
    members: partyMembers({ organization, party, at }),
  }));
  const vetoBodies: VetoBody[] = (policy.veto?.by ?? []).map((party) => {
    const members = partyMembers({ organization, party, at });
    return {
      party: partyLabel(party),
      members,
      needed: vetoesNeeded(organization, policy, party, members.length),
    };
  });

  return { at, weights: sorted, total, deciders: [...deciders].sort(), consulted, vetoBodies };
}

/**
 * How many distinct members of a veto body must veto, rounded up and at least one. An optimistic
 * policy's threshold is the share of the body that must veto (reaching it exactly vetoes); else a
 * council acting together needs its own threshold of members; else any one member vetoes.
 * 5 members at 2/3: ⌈10/3⌉ = 4.
 */
function vetoesNeeded(organization: Organization, policy: Policy, party: Party, count: number): number {
  const threshold =
    policy.method === 'optimistic' && policy.threshold !== undefined
      ? policy.threshold
      : party.kind === 'role'
        ? organization.roles.find((role) => role.id === party.role)?.threshold
        : undefined;
  if (threshold === undefined) return 1;
  const product = BigInt(count) * threshold.num;
  const needed = Number((product + threshold.den - 1n) / threshold.den);
  return Math.max(1, needed);
}

function isOpenRole(organization: Organization, party: Party): boolean {
  return party.kind === 'role' && organization.roles.some((role) => role.id === party.role && role.open);
}
