import type { CountingModule } from '../../src/core/governance/counting/CountingModule.js';
import { type OpenProposalInput, openProposal } from '../../src/core/governance/lifecycle/openProposal.js';
import type { Proposal } from '../../src/core/governance/lifecycle/Proposal.js';
import type { Organization, Policy, Role, RoleMembership, Unit } from '../../src/core/model/Organization.js';
import { METHOD_RULES } from '../../src/core/policy/methodRules.js';
import { s } from '../../src/core/schema/Schema.js';

export const DAY_S = 86_400;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
/** 2026-03-01T00:00:00Z, the instant most lifecycle tests start from. */
export const T0 = Date.UTC(2026, 2, 1);

/**
 * A small organization for lifecycle tests: the members named, and roles given as
 * `{ id: [member | membership, …] }`. Roles are councils with equal weight unless said otherwise.
 */
export function organizationOf(args: {
  members: readonly string[];
  roles?: Readonly<Record<string, readonly (string | RoleMembership)[]>>;
  roleOptions?: Readonly<Record<string, Partial<Role>>>;
  keys?: Readonly<Record<string, string>>;
}): Organization {
  return {
    id: 'org',
    name: 'Org',
    kind: 'hybrid',
    tokens: [{ symbol: 'GOV', name: 'Governance', decimals: 18 }],
    dimensions: [],
    members: args.members.map((id) => ({
      id,
      name: id,
      ...(args.keys?.[id] === undefined ? {} : { key: args.keys[id] }),
    })),
    roles: Object.entries(args.roles ?? {}).map(([id, members]) => ({
      id,
      name: id,
      scope: 'council',
      open: false,
      weight: { kind: 'equal' },
      members: members.map((entry) => (typeof entry === 'string' ? { member: entry } : entry)),
      ...args.roleOptions?.[id],
    })),
    ladders: [],
    metrics: [],
    units: [],
  };
}

/** An organization of `members` who are all on its one role, `council`. */
export function councilOf(members: readonly string[]): Organization {
  return organizationOf({ members, roles: { council: members } });
}

/** A policy with the given parts: by default a council majority over 7 days, proposed by the council. */
export function policyOf(parts: Partial<Policy> = {}): Policy {
  return {
    propose: [{ kind: 'role', role: 'council' }],
    method: 'majority',
    deciders: [{ kind: 'role', role: 'council' }],
    weight: { kind: 'equal' },
    period: 7 * DAY_S,
    timelock: 0,
    rationale: 'optional',
    ...parts,
  };
}

/**
 * A stand-in yes/no counting module for lifecycle tests (the real ones are the counting modules'
 * own work): `for` beats `against` strictly to pass, equal non-zero weight is a tie, abstentions
 * count towards participation only.
 */
export function yesNoModule(method: Policy['method'] = 'majority'): CountingModule<string> {
  return {
    method,
    mode: 'support=bravo&quorum=for,abstain',
    counting: 'for beats against',
    rule: { ...METHOD_RULES[method], multipleOptions: false },
    ballot: s.enum(['for', 'against', 'abstain'], 'choice'),
    checkBallot: ({ ballot, options }) =>
      options.includes(ballot) ? undefined : `${ballot} is not an option`,
    tally: ({ ballots }) => {
      const totals: Record<string, bigint> = { for: 0n, against: 0n, abstain: 0n };
      let participation = 0n;
      for (const { ballot, weight } of ballots) {
        totals[ballot] = (totals[ballot] ?? 0n) + weight;
        participation += weight;
      }
      const yes = totals.for ?? 0n;
      const no = totals.against ?? 0n;
      const outcome = yes > no ? 'passed' : yes === no && yes > 0n ? 'tied' : 'rejected';
      return {
        outcome,
        winners: outcome === 'passed' ? ['for'] : [],
        totals,
        participation,
        voters: ballots.length,
      };
    },
  };
}

/**
 * A unit on a four-notch ladder: 0 an owner alone, 1 the team by majority, 2 the council by
 * supermajority, 3 the community by token vote with a quorum and a timelock.
 */
export function ladderUnit(level: number): Unit {
  const owner = policyOf({
    method: 'single-owner',
    propose: [{ kind: 'role', role: 'owners' }],
    deciders: [{ kind: 'role', role: 'owners' }],
  });
  const team = policyOf({
    propose: [{ kind: 'role', role: 'team' }],
    deciders: [{ kind: 'role', role: 'team' }],
  });
  const council = policyOf({ method: 'supermajority', threshold: { num: 2n, den: 3n } });
  const community = policyOf({
    propose: [{ kind: 'members' }],
    deciders: [{ kind: 'role', role: 'community' }],
    weight: { kind: 'token', token: 'GOV' },
    quorum: { num: 1n, den: 10n },
    timelock: 2 * DAY_S,
  });
  const policies = [owner, team, council, community];
  return {
    id: 'treasury',
    name: 'Treasury',
    dimension: 'money',
    owners: ['owners'],
    ladder: 'default',
    bindings: {},
    levels: policies.map((policy, index) => ({ index, id: `l${index}`, name: `Level ${index}`, policy })),
    level,
    target: 3,
    dependsOn: [],
    commitments: [],
  };
}

/** The roles `ladderUnit` names, with the scopes its scores rank. */
export const LADDER_ROLES: ReadonlyMap<string, Role> = new Map(
  (
    [
      ['owners', 'team'],
      ['team', 'team'],
      ['council', 'council'],
      ['community', 'community'],
      ['guardians', 'council'],
    ] as const
  ).map(([id, scope]) => [
    id,
    {
      id,
      name: id,
      scope,
      open: scope === 'community',
      weight: { kind: 'equal' },
      members: [],
    } satisfies Role,
  ]),
);

/** A decision proposal on unit `u`, opened at T0 under `policy` (a thin wrapper over `openProposal`). */
export function openDecision(
  args: { organization: Organization; policy: Policy; proposer: string } & Partial<OpenProposalInput>,
): Proposal {
  return openProposal({ id: 'p', unit: 'u', kind: 'decision', subject: {}, now: T0, ...args });
}

/** The `code` of the error `run` throws, or `'accepted'` when it throws nothing. */
export function refusalCode(run: () => unknown): string | undefined {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return (error as { code?: string }).code;
  }
}
