import type { CountingModule } from '../counting/CountingModule.js';
import { checkAct } from './checkAct.js';
import type { Proposal } from './Proposal.js';

/**
 * Records that a proposal expired: undecided, or passed but not executed, within the grace period.
 * The phase is `expired` from that moment whether or not anyone records it; recording makes it
 * visible in the log (rules: `checkAct`).
 *
 * @example
 * expire({ proposal, by: 'ana', now })
 */
export function expire(args: {
  readonly proposal: Proposal;
  readonly by: string;
  readonly now: number;
  readonly counting?: CountingModule;
}): Proposal {
  const { proposal, by, now } = args;
  const refusal = checkAct({
    proposal,
    act: { kind: 'expire', by },
    now,
    ...(args.counting === undefined ? {} : { counting: args.counting }),
  });
  if (refusal !== undefined) throw refusal;
  return { ...proposal, expiredAt: now };
}
