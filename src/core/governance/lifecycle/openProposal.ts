import { DevolveError } from '../../errors/DevolveError.js';
import type { ProblemIn } from '../../errors/ErrorCode.js';
import type { Organization, Policy } from '../../model/Organization.js';
import type { CountingModule } from '../counting/CountingModule.js';
import { checkDelegation } from '../electorate/checkDelegation.js';
import { electorateAt } from '../electorate/electorateAt.js';
import { partyMembers } from '../electorate/partyMembers.js';
import { composeLifecycle } from './composeLifecycle.js';
import { type Delegation, PROPOSAL_KINDS, type Proposal } from './Proposal.js';

/** The options of a yes/no vote. */
export const YES_NO_OPTIONS: readonly string[] = ['for', 'against', 'abstain'];

/** What a proposal is opened with: its own fields as `Proposal` defines them, and the context. */
export interface OpenProposalInput
  extends Pick<Proposal, 'id' | 'unit' | 'kind' | 'subject' | 'title' | 'proposer'> {
  readonly organization: Organization;
  /** The policy in force now for this unit and kind (the ratchet picks it: `policyForMove`). */
  readonly policy: Policy;
  /** Named options; by default the counting module's fixed options, else for / against / abstain. */
  readonly options?: readonly string[];
  readonly now: number;
  /** When consultation or voting starts; a proposal is a draft until then. Defaults to `now`. */
  readonly opensAt?: number;
  readonly holdings?: ReadonlyMap<string, bigint>;
  readonly reputation?: Readonly<Record<string, ReadonlyMap<string, bigint>>>;
  /** The delegations in force; those that concern this policy's weight are kept on the proposal. */
  readonly delegations?: readonly Delegation[];
  /** The policy method's counting module, to check that named options are given where needed. */
  readonly counting?: CountingModule;
}

/**
 * Opens a proposal under `policy`, fixing its electorate at the moment it opens. Refused when the
 * proposer may not propose under the policy at `now` (`proposal/not-a-proposer`), the kind or the
 * options are not valid, the policy's parts do not fit together, or a delegation is malformed.
 *
 * A delegation concerns the proposal when it lends the weight the policy counts: the same token,
 * the same reputation, or (equal weight) membership of a role among the deciders.
 *
 * @example
 * openProposal({ id: 'p-1', organization, unit: 'treasury', kind: 'decision',
 *   subject: { outcome: 'fund the audit' }, proposer: 'ana', policy, now })
 */
export function openProposal(args: OpenProposalInput): Proposal {
  const { organization, policy, now } = args;
  const opensAt = args.opensAt ?? now;
  const refuse = (
    code: ProblemIn<'proposal'>,
    message: string,
    details: Record<string, unknown> = {},
  ): never => {
    throw new DevolveError({ code: `proposal/${code}`, message, details: { proposal: args.id, ...details } });
  };
  if (!(PROPOSAL_KINDS as readonly string[]).includes(args.kind))
    refuse('invalid-kind', `'${args.kind}' is not a kind of proposal`, { allowed: PROPOSAL_KINDS });
  if (opensAt < now) refuse('opens-in-past', 'a proposal cannot open before it is made');
  composeLifecycle({ policy, ...(args.counting === undefined ? {} : { counting: args.counting }) });
  if (!mayPropose(organization, policy, args.proposer, now))
    refuse('not-a-proposer', `${args.proposer} may not propose under this unit's policy`, {
      proposer: args.proposer,
    });

  const options = args.options ?? args.counting?.fixedOptions ?? YES_NO_OPTIONS;
  if (args.options === undefined && args.counting?.rule.multipleOptions === true)
    refuse('options-required', `a ${policy.method} proposal needs named options`);
  if (options.length < 2 || new Set(options).size !== options.length || options.some((o) => o.trim() === ''))
    refuse('invalid-options', 'a proposal needs at least two distinct, non-empty options');

  const electorate = electorateAt({
    organization,
    policy,
    unit: args.unit,
    at: opensAt,
    ...(args.holdings === undefined ? {} : { holdings: args.holdings }),
    ...(args.reputation === undefined ? {} : { reputation: args.reputation }),
  });
  const delegations: Delegation[] = [];
  for (const delegation of args.delegations ?? []) {
    if (!concerns(policy, delegation) || !electorate.weights.has(delegation.from)) continue;
    const reason = checkDelegation(delegation);
    if (reason !== undefined) refuse('invalid-delegation', reason, { from: delegation.from });
    delegations.push(delegation);
  }

  return {
    id: args.id,
    unit: args.unit,
    kind: args.kind,
    subject: args.subject,
    ...(args.title === undefined ? {} : { title: args.title }),
    proposer: args.proposer,
    policy,
    options: [...options],
    electorate,
    openedAt: opensAt,
    ballots: [],
    objections: [],
    advice: [],
    vetoes: [],
    delegations,
  };
}

/** The proposer is listed in one of the policy's proposing parties at `at`; `anyone` admits every signer. */
export function mayPropose(
  organization: Organization,
  policy: Policy,
  proposer: string,
  at: number,
): boolean {
  return policy.propose.some(
    (party) => party.kind === 'anyone' || partyMembers({ organization, party, at }).includes(proposer),
  );
}

function concerns(policy: Policy, delegation: Delegation): boolean {
  const scope = delegation.scope;
  const weight = policy.weight;
  if (scope.kind === 'token') return weight.kind === 'token' && weight.token === scope.token;
  if (scope.kind === 'reputation') return weight.kind === 'reputation' && weight.name === scope.name;
  return (
    weight.kind === 'equal' &&
    policy.deciders.some((party) => party.kind === 'role' && party.role === scope.role)
  );
}
