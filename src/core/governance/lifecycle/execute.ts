import type { CountingModule } from '../counting/CountingModule.js';
import { requireAct } from './checkAct.js';
import type { Proposal } from './Proposal.js';

/**
 * Records the execution of a passed proposal once its veto window and timelock are over and
 * before it expires (rules: `checkAct`). What executing *does* — moving a slider, changing the
 * charter — is the runtime's action; this records that it happened, once.
 *
 * @example
 * execute({ proposal, by: 'ana', now, counting: majority })
 */
export function execute(args: {
  readonly proposal: Proposal;
  readonly by: string;
  readonly now: number;
  readonly counting?: CountingModule;
}): Proposal {
  const { proposal, by, now } = args;
  requireAct({ proposal, act: { kind: 'execute', by }, now, counting: args.counting });
  return { ...proposal, executedAt: now, executedBy: by };
}
