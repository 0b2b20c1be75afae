import type { CountingModule, TallyResult } from '../counting/CountingModule.js';
import { applyDelegations } from '../electorate/applyDelegations.js';
import type { Proposal } from './Proposal.js';

export interface BallotCount {
  readonly tally: TallyResult;
  /** The weight taking part: every counted ballot's resolved weight, abstentions included. */
  readonly participation: bigint;
  /** Voters whose ballots carried weight. */
  readonly voters: number;
}

/**
 * Counts a proposal's ballots cast before `before` (epoch ms) through its counting module: the
 * latest ballot of each voter, weights resolved through the proposal's delegations.
 */
export function countBallots(args: {
  readonly proposal: Proposal;
  readonly counting: CountingModule;
  readonly before: number;
}): BallotCount {
  const { proposal, counting } = args;
  const ballots = applyDelegations({
    weights: proposal.electorate.weights,
    delegations: proposal.delegations,
    ballots: proposal.ballots.filter((record) => record.at < args.before),
  });
  let participation = 0n;
  for (const ballot of ballots) participation += ballot.weight;
  const tally = counting.tally({
    ballots,
    options: proposal.options,
    ...(proposal.policy.threshold === undefined ? {} : { threshold: proposal.policy.threshold }),
    ...(proposal.policy.winners === undefined ? {} : { winners: proposal.policy.winners }),
  });
  return { tally, participation, voters: ballots.length };
}
