import type { CountingModule } from '../counting/CountingModule.js';
import { appendBallot, ballotLogOf, withBallotLog } from './ballotLog.js';
import { requireAct } from './checkAct.js';
import type { BallotRecord, JsonValue, Proposal } from './Proposal.js';
import type { ProposalAct } from './ProposalAct.js';

/**
 * Records `voter`'s ballot, with an optional reason, while voting is open. A later ballot by the
 * same voter replaces the earlier one in the count (both stay in `ballots`, in order). Refused,
 * with a `proposal/…` code, outside voting, for a voter with no weight, for a ballot the counting
 * module refuses, or without a reason where the policy requires one (rules: `checkAct`).
 *
 * The ballot is appended to the ballot log the proposal's states share (`ballotLog`), so n votes
 * cost O(n), and the proposal given is unchanged: it still lists only the ballots cast before.
 *
 * @example
 * castVote({ proposal, voter: 'ana', ballot: 'for', reason: 'cheaper', now, counting: majority })
 */
export function castVote(args: {
  readonly proposal: Proposal;
  readonly voter: string;
  readonly ballot: JsonValue;
  readonly reason?: string | undefined;
  readonly now: number;
  readonly counting: CountingModule;
}): Proposal {
  const { proposal, voter, ballot, reason, now, counting } = args;
  // Written out for each case rather than spreading an optional part: this runs once per vote.
  const act: ProposalAct =
    reason === undefined ? { kind: 'vote', by: voter, ballot } : { kind: 'vote', by: voter, ballot, reason };
  requireAct({ proposal, act, now, counting });
  const record: BallotRecord =
    reason === undefined ? { voter, ballot, at: now } : { voter, ballot, reason, at: now };
  return withBallotLog(proposal, appendBallot(ballotLogOf(proposal), record));
}
