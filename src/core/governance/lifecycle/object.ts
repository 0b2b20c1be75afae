import { requireAct } from './checkAct.js';
import type { Proposal } from './Proposal.js';

/**
 * Records a decider's reasoned objection to a consent proposal during its objection window; the
 * first objection rejects the proposal at once (rules: `checkAct`).
 *
 * @example
 * object({ proposal, by: 'ben', reason: 'breaks the privacy policy', now })
 */
export function object(args: {
  readonly proposal: Proposal;
  readonly by: string;
  readonly reason: string;
  readonly now: number;
}): Proposal {
  const { proposal, by, reason, now } = args;
  requireAct({ proposal, act: { kind: 'object', by, reason }, now });
  return { ...proposal, objections: [...proposal.objections, { by, reason, at: now }] };
}
