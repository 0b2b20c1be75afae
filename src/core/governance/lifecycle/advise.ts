import type { CountingModule } from '../counting/CountingModule.js';
import { consultedParty, requireAct } from './checkAct.js';
import type { Proposal } from './Proposal.js';

// Shaped like veto.ts and object.ts by design: one file per act declares its arguments and its record.
/**
 * Records advice from a consulted member, for the consulted party named (or the first that lists
 * them). In the advice process the proposer may decide once every consulted party has advised
 * (rules: `checkAct`).
 *
 * @example
 * advise({ proposal, by: 'cy', text: 'ask legal first', now })
 */
export function advise(args: {
  readonly proposal: Proposal;
  readonly by: string;
  readonly text: string;
  readonly party?: string;
  readonly now: number;
  /** The policy method's counting module: a counted proposal past its close needs it to know its phase. */
  readonly counting?: CountingModule;
}): Proposal {
  const { proposal, by, text, now } = args;
  const act = {
    kind: 'advise',
    by,
    text,
    ...(args.party === undefined ? {} : { party: args.party }),
  } as const;
  requireAct({ proposal, act, now, counting: args.counting });
  const party = consultedParty(proposal, by, args.party)!;
  return { ...proposal, advice: [...proposal.advice, { by, party, text, at: now }] };
}
