import type { CountingModule } from '../counting/CountingModule.js';
import { requireAct } from './checkAct.js';
import type { Proposal } from './Proposal.js';

/**
 * Records that a proposal expired: undecided, or passed but not executed, within the grace period.
 * The phase is `expired` from that moment whether or not anyone records it; recording makes it
 * visible in the log (rules: `checkAct`).
 *
 * Deliberately the same shape as `execute` (the `duplicates` tool pairs them): one act per file,
 * each a few lines over `requireAct`, so every act reads alone and is found by its name.
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
  requireAct({ proposal, act: { kind: 'expire', by }, now, counting: args.counting });
  return { ...proposal, expiredAt: now };
}
