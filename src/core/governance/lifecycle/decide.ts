import { requireAct } from './checkAct.js';
import type { Proposal } from './Proposal.js';

/**
 * Records the decision of a single owner, or of the proposer in the advice process once every
 * consulted party has advised: `passed` moves the proposal on to any veto window and timelock,
 * `rejected` closes it (rules: `checkAct`).
 *
 * @example
 * decide({ proposal, by: 'ana', outcome: 'passed', reason: 'advice taken on board', now })
 */
export function decide(args: {
  readonly proposal: Proposal;
  readonly by: string;
  readonly outcome: 'passed' | 'rejected';
  readonly reason?: string;
  readonly now: number;
}): Proposal {
  const { proposal, by, outcome, reason, now } = args;
  const extra = reason === undefined ? {} : { reason };
  requireAct({ proposal, act: { kind: 'decide', by, outcome, ...extra }, now });
  return { ...proposal, decision: { by, outcome, ...extra, at: now } };
}
