import { proposalOf } from '../actions/proposalRuntime.js';
import type { Proposal } from '../governance/lifecycle/Proposal.js';
import type { OrgState } from '../state/OrgState.js';

/**
 * The activities the log records, each an act by one member on one unit at one time:
 * - `proposals` — opening a proposal (its proposer, when it opened);
 * - `votes` — voting on a proposal (each voter once per proposal, at their latest ballot);
 * - `executions` — executing a passed proposal (its executor, when executed);
 * - `vetoes` — vetoing a proposal (each vetoer, when they vetoed);
 * - `emergency` — using an emergency power (its actor, the unit it acted on);
 * - `overrides` — opening a slider move up with an override of unmet readiness (its proposer).
 */
export const LOG_ACTIVITIES = [
  'proposals',
  'votes',
  'executions',
  'vetoes',
  'emergency',
  'overrides',
] as const;
export type LogActivity = (typeof LOG_ACTIVITIES)[number];

export interface ActivityAct {
  readonly activity: LogActivity;
  readonly unit: string;
  readonly actor: string;
  /** Epoch ms. */
  readonly at: number;
}

/** Every proposal of the state, read back from its JSON form. */
export function proposalsOf(state: OrgState): Proposal[] {
  return Object.keys(state.proposals).map((id) => proposalOf(state, id));
}

/**
 * Every act of every activity the state records, in no particular order. Pure: derived from the
 * state the log built, so the same log always gives the same acts.
 *
 * @example
 * activityActs({ state }).filter((a) => a.activity === 'votes' && a.unit === 'treasury')
 */
export function activityActs(args: { state: OrgState }): ActivityAct[] {
  const { state } = args;
  const acts: ActivityAct[] = [];
  for (const p of proposalsOf(state)) {
    acts.push({ activity: 'proposals', unit: p.unit, actor: p.proposer, at: p.openedAt });
    if (p.kind === 'slider-move' && typeof p.subject['override'] === 'string')
      acts.push({ activity: 'overrides', unit: p.unit, actor: p.proposer, at: p.openedAt });
    const latest = new Map<string, number>();
    for (const ballot of p.ballots) latest.set(ballot.voter, ballot.at);
    for (const [voter, at] of latest) acts.push({ activity: 'votes', unit: p.unit, actor: voter, at });
    for (const veto of p.vetoes) acts.push({ activity: 'vetoes', unit: p.unit, actor: veto.by, at: veto.at });
    if (p.executedAt !== undefined && p.executedBy !== undefined)
      acts.push({ activity: 'executions', unit: p.unit, actor: p.executedBy, at: p.executedAt });
  }
  for (const use of state.emergencyUses)
    acts.push({ activity: 'emergency', unit: use.unit, actor: use.actor, at: Date.parse(use.at) });
  return acts;
}
