import type { OrgState } from '../../state/OrgState.js';
import { COUNTING_MODULE_BY_METHOD } from '../counting/countingModules.js';
import type { Phase } from '../lifecycle/Lifecycle.js';
import { openProposal } from '../lifecycle/openProposal.js';
import type { Proposal } from '../lifecycle/Proposal.js';
import { proposalFromJson } from '../lifecycle/proposalJson.js';
import { proposalStatus } from '../lifecycle/proposalStatus.js';

/** What a decision came to, in the terms the two policies are compared in. */
export type Outcome = 'passed' | 'rejected' | 'vetoed' | 'expired' | 'open' | 'not-proposable';

/** Phases grouped into outcomes: a passed proposal in its veto window or timelock has passed. */
const OUTCOME_OF: Readonly<Record<Phase, Outcome>> = {
  draft: 'open',
  consultation: 'open',
  voting: 'open',
  deciding: 'open',
  'veto-window': 'passed',
  timelock: 'passed',
  passed: 'passed',
  executed: 'passed',
  rejected: 'rejected',
  vetoed: 'vetoed',
  expired: 'expired',
};

export interface WhatIfDecision {
  readonly id: string;
  readonly title?: string;
  readonly kind: string;
  readonly actual: Outcome;
  readonly would: Outcome;
  readonly differs: boolean;
  /** Why the outcome would differ (or what changed without changing it), in words. */
  readonly why: readonly string[];
}

function outcomeOf(proposal: Proposal, now: number): { outcome: Outcome; totals?: string } {
  const status = proposalStatus({
    proposal,
    now,
    counting: COUNTING_MODULE_BY_METHOD[proposal.policy.method],
  });
  const totals =
    status.tally === undefined
      ? undefined
      : Object.entries(status.tally.totals)
          .map(([option, weight]) => `${option} ${weight}`)
          .join(', ');
  // A proposal that passed and was never executed expires; the decision itself was still made.
  const outcome =
    status.phase === 'expired' && status.passedAt !== undefined ? 'passed' : OUTCOME_OF[status.phase];
  return { outcome, ...(totals === undefined ? {} : { totals }) };
}

/**
 * Replays a unit's past decisions under the policy of its level `level`: each proposal on the
 * unit is opened again at the instant it opened, with the same proposer and subject but level
 * `level`'s policy (electorate, method, gates, windows), its recorded ballots, objections, advice,
 * vetoes and decision replayed onto it, and its status taken at `now`. Reports which outcomes
 * would have differed and why: a proposer who could not have proposed, ballots that would not
 * have counted, a different tally.
 *
 * The electorate is read from the charter in force (roles and their terms at the proposal's
 * opening instant); token holdings are not replayed, so a token-weighted level counts no weight.
 *
 * @example
 * whatIf({ state, unit: 'treasury', level: 3, now: Date.now() }).filter((d) => d.differs)
 * // [{ id: 'treasury-2', actual: 'passed', would: 'rejected', why: ['tally: for 2, against 1 → for 40, against 310'] }]
 */
export function whatIf(args: {
  state: OrgState;
  unit: string;
  level: number;
  now: number;
}): WhatIfDecision[] {
  const { state, now } = args;
  const unit = state.organization.units.find((u) => u.id === args.unit);
  const policy = unit?.levels.find((l) => l.index === args.level)?.policy;
  if (unit === undefined || policy === undefined) return [];
  const decisions: WhatIfDecision[] = [];
  const proposals = Object.values(state.proposals)
    .map((json) => proposalFromJson(json))
    .filter((p) => p.unit === unit.id)
    .sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id));
  for (const proposal of proposals) {
    const actual = outcomeOf(proposal, now);
    const base = {
      id: proposal.id,
      ...(proposal.title === undefined ? {} : { title: proposal.title }),
      kind: proposal.kind,
      actual: actual.outcome,
    };
    let replayed: Proposal;
    try {
      const opened = openProposal({
        id: proposal.id,
        organization: state.organization,
        unit: unit.id,
        kind: proposal.kind,
        subject: proposal.subject,
        proposer: proposal.proposer,
        policy,
        now: proposal.openedAt,
        delegations: proposal.delegations,
        counting: COUNTING_MODULE_BY_METHOD[policy.method],
        ...(COUNTING_MODULE_BY_METHOD[policy.method] === COUNTING_MODULE_BY_METHOD[proposal.policy.method]
          ? { options: proposal.options }
          : {}),
      });
      const { ballots, objections, advice, vetoes, decision, executedAt } = proposal;
      replayed = {
        ...opened,
        ballots,
        objections,
        advice,
        vetoes,
        ...(decision === undefined ? {} : { decision }),
        ...(executedAt === undefined ? {} : { executedAt }),
      };
    } catch (error) {
      const would: Outcome = 'not-proposable';
      decisions.push({
        ...base,
        would,
        differs: true,
        why: [`${proposal.proposer} could not have proposed it: ${(error as Error).message}`],
      });
      continue;
    }
    const would = outcomeOf(replayed, now);
    const why: string[] = [];
    const uncounted = [...new Set(proposal.ballots.map((b) => b.voter))].filter(
      (v) => !replayed.electorate.weights.has(v),
    );
    if (uncounted.length > 0)
      why.push(`not in the electorate of level ${args.level}: ${uncounted.join(', ')}`);
    if (proposal.policy.method !== policy.method)
      why.push(`decided by ${policy.method} instead of ${proposal.policy.method}`);
    if (actual.totals !== would.totals)
      why.push(`tally: ${actual.totals ?? 'none'} → ${would.totals ?? 'none'}`);
    decisions.push({ ...base, would: would.outcome, differs: would.outcome !== actual.outcome, why });
  }
  return decisions;
}
