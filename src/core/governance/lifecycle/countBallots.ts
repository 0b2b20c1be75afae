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
 *
 * The last count of each ballot list is remembered, so asking for a proposal's status (which
 * looks at the close and at what comes next) counts a large vote once, not three times.
 */
export function countBallots(args: {
  readonly proposal: Proposal;
  readonly counting: CountingModule;
  readonly before: number;
}): BallotCount {
  const { proposal, counting, before } = args;
  const memo = lastCounts.get(proposal.ballots);
  if (
    memo !== undefined &&
    memo.length === proposal.ballots.length &&
    memo.before === before &&
    memo.counting === counting &&
    memo.proposal.electorate === proposal.electorate &&
    memo.proposal.delegations === proposal.delegations &&
    memo.proposal.options === proposal.options &&
    memo.proposal.policy === proposal.policy
  )
    return memo.count;
  const count = countAfresh(proposal, counting, before);
  lastCounts.set(proposal.ballots, { length: proposal.ballots.length, before, counting, proposal, count });
  return count;
}

const lastCounts = new WeakMap<
  Proposal['ballots'],
  { length: number; before: number; counting: CountingModule; proposal: Proposal; count: BallotCount }
>();

function countAfresh(proposal: Proposal, counting: CountingModule, before: number): BallotCount {
  const ballots = applyDelegations({
    weights: proposal.electorate.weights,
    delegations: proposal.delegations,
    ballots: proposal.ballots.filter((record) => record.at < before),
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
