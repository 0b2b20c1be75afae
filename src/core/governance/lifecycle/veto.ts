import type { CountingModule } from '../counting/CountingModule.js';
import { requireAct, vetoBody } from './checkAct.js';
import type { Proposal } from './Proposal.js';

// Shaped like advise.ts and object.ts by design: one file per act declares its arguments and its record.
/**
 * Records a veto by a member of a veto body during the veto window. The proposal is vetoed once
 * the body's needed number of distinct members have vetoed (rules: `checkAct`).
 *
 * @example
 * veto({ proposal, by: 'guardian-1', reason: 'drains the treasury', now, counting: majority })
 */
export function veto(args: {
  readonly proposal: Proposal;
  readonly by: string;
  readonly body?: string;
  readonly reason?: string;
  readonly now: number;
  readonly counting?: CountingModule;
}): Proposal {
  const { proposal, by, reason, now } = args;
  const act = {
    kind: 'veto',
    by,
    ...(args.body === undefined ? {} : { body: args.body }),
    ...(reason === undefined ? {} : { reason }),
  } as const;
  requireAct({ proposal, act, now, counting: args.counting });
  const body = vetoBody(proposal, by, args.body)!;
  return {
    ...proposal,
    vetoes: [...proposal.vetoes, { by, body, ...(reason === undefined ? {} : { reason }), at: now }],
  };
}
