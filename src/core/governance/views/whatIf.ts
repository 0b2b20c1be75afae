import type { Policy } from '../../model/Organization.js';
import type { OrgState } from '../../state/OrgState.js';
import { COUNTING_MODULE_BY_METHOD } from '../counting/countingModules.js';
import type { Phase } from '../lifecycle/Lifecycle.js';
import { openProposal } from '../lifecycle/openProposal.js';
import type { Proposal } from '../lifecycle/Proposal.js';
import { proposalFromJson } from '../lifecycle/proposalJson.js';
import { proposalStatus } from '../lifecycle/proposalStatus.js';

/**
 * What a decision came to, in the terms the two policies are compared in. `unknown`: the replay
 * weighs by a token and the log records no holdings of it that stood when the proposal opened.
 */
export type Outcome = 'passed' | 'rejected' | 'vetoed' | 'expired' | 'open' | 'not-proposable' | 'unknown';

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

/** The token holdings a replay under `policy` weighs a proposal's votes by, and where they came from. */
interface ReplayHoldings {
  readonly holdings?: ReadonlyMap<string, bigint>;
  /** Said when the holdings are not the proposal's own snapshot, or when there are none. */
  readonly note?: string;
}

/**
 * The holdings of `policy`'s token as the log recorded them for a proposal opened at `openedAt`:
 * the snapshot recorded with the proposal itself when it is of that token; else the latest
 * snapshot of the token recorded with another proposal that stood at or before the opening (ties:
 * the proposal id first in code-point order). No holdings when the policy does not weigh by a token.
 *
 * Worked example: snapshots b1 (LUM at 2026-02-28) and b2 (LUM at 2026-04-01); a proposal opened
 * 2026-03-05 without one of its own is weighed by b1's balances — b2 stands after it opened.
 */
function holdingsFor(state: OrgState, proposalId: string, openedAt: number, policy: Policy): ReplayHoldings {
  if (policy.weight.kind !== 'token') return {};
  const { token } = policy.weight;
  const own = state.snapshots[proposalId];
  const balancesOf = (balances: Readonly<Record<string, string>>) =>
    new Map(Object.entries(balances).map(([holder, balance]) => [holder, BigInt(balance)]));
  if (own !== undefined && own.token === token) return { holdings: balancesOf(own.balances) };
  const earlier = Object.entries(state.snapshots)
    .filter(([, snapshot]) => snapshot.token === token && Date.parse(snapshot.at) <= openedAt)
    .sort(([a, x], [b, y]) => Date.parse(y.at) - Date.parse(x.at) || (a < b ? -1 : a > b ? 1 : 0));
  const [found] = earlier;
  if (found === undefined)
    return {
      note: `no ${token} holdings recorded in the log at or before it opened: its votes cannot be weighed`,
    };
  const [id, snapshot] = found;
  return {
    holdings: balancesOf(snapshot.balances),
    note: `weighed by the ${token} holdings recorded with ${id} (at ${snapshot.at}): none was recorded with ${proposalId}`,
  };
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
 * opening instant). A token-weighted level counts the holdings the log recorded: the proposal's own
 * snapshot, else the latest one of that token standing when it opened (`holdingsFor`); with none,
 * the outcome is `unknown` rather than a guess.
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
    const { holdings, note } = holdingsFor(state, proposal.id, proposal.openedAt, policy);
    if (policy.weight.kind === 'token' && holdings === undefined) {
      decisions.push({ ...base, would: 'unknown', differs: false, why: [note ?? ''] });
      continue;
    }
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
        ...(holdings === undefined ? {} : { holdings }),
        counting: COUNTING_MODULE_BY_METHOD[policy.method],
        ...(COUNTING_MODULE_BY_METHOD[policy.method] === COUNTING_MODULE_BY_METHOD[proposal.policy.method]
          ? { options: proposal.options }
          : {}),
      });
      const { ballots, objections, advice, vetoes, decision, executedAt } = proposal;
      // Optional fields spread in, as evaluateCriterion.ts does, by design: the house way to leave an absent
      // field absent.
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
    const why: string[] = note === undefined ? [] : [note];
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
