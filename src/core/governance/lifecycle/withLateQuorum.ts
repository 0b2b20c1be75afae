import { delegatedPart } from '../electorate/applyDelegations.js';
import { ballotLogOf } from './ballotLog.js';
import { type Lifecycle, ms } from './Lifecycle.js';
import type { BallotRecord, Proposal } from './Proposal.js';
import type { ProposalGate } from './ProposalGate.js';

/**
 * Wraps a lifecycle with late-quorum extension (OpenZeppelin's `GovernorPreventLateQuorum`): when
 * quorum is first reached by a ballot cast at t, voting ends no earlier than t + extension. A
 * whale who tips quorum a minute before the end cannot leave others no time to answer.
 *
 * Quorum is first reached at a ballot cast before the wrapped end (later ballots are refused), so
 * the extended end is max(end, t + extension), and extending never changes t.
 */
export function withLateQuorum(inner: Lifecycle, extension: number, quorum: ProposalGate): Lifecycle {
  return {
    describe: `${inner.describe} late-quorum=${extension}s`,
    votingEnd: (args) => {
      const end = inner.votingEnd(args);
      if (end === undefined) return undefined;
      const reached = quorumReachedAt(args.proposal, quorum, end);
      if (reached === undefined) return end;
      return Math.max(end, reached + ms(extension));
    },
    settle: (args) => inner.settle(args),
  };
}

/**
 * The instant of the first ballot (before `before`) after which the quorum gate is met. Weight
 * taking part is tracked as ballots arrive: a voter's first ballot adds their own weight, takes
 * back what they had lent to delegates who already voted, and adds what delegators who have not
 * voted lend to them. Later ballots of the same voter change nothing.
 *
 * Ballots are only ever appended, so the walk is resumed where it last stopped for the same
 * electorate when the ballots seen so far are still the list's first ones (the same records, not
 * copies); any other list is walked from the start. A vote thus costs constant time, not a walk
 * over every earlier ballot.
 */
export function quorumReachedAt(
  proposal: Proposal,
  quorum: ProposalGate,
  before: number,
): number | undefined {
  // The shared ballot log, read up to this state's length: reading `proposal.ballots` would copy it.
  const { shared: ballots, length } = ballotLogOf(proposal);
  let walk = walks.get(proposal.electorate);
  const resumable =
    walk !== undefined &&
    walk.before === before &&
    walk.quorum === quorum.describe &&
    walk.delegations === proposal.delegations &&
    walk.seen <= length &&
    (walk.seen === 0 || ballots[walk.seen - 1] === walk.last);
  if (!resumable) {
    walk = startWalk(proposal, quorum, before);
    walks.set(proposal.electorate, walk);
  }
  const state = walk!;
  const total = proposal.electorate.total;
  while (state.reachedAt === undefined && state.seen < length) {
    const ballot = ballots[state.seen]!;
    state.seen += 1;
    state.last = ballot;
    if (ballot.at >= before || state.voted.has(ballot.voter)) continue;
    state.participation += proposal.electorate.weights.get(ballot.voter) ?? 0n;
    for (const part of state.lentFrom.get(ballot.voter) ?? [])
      if (state.voted.has(part.to)) state.participation -= part.amount;
    for (const part of state.lentTo.get(ballot.voter) ?? [])
      if (!state.voted.has(part.from)) state.participation += part.amount;
    state.voted.add(ballot.voter);
    if (quorum.check({ participation: state.participation, voters: state.voted.size, total }).met)
      state.reachedAt = ballot.at;
  }
  return state.reachedAt;
}

interface QuorumWalk {
  readonly before: number;
  readonly quorum: string;
  readonly delegations: Proposal['delegations'];
  readonly lentTo: Map<string, { from: string; amount: bigint }[]>;
  readonly lentFrom: Map<string, { to: string; amount: bigint }[]>;
  readonly voted: Set<string>;
  seen: number;
  last: BallotRecord | undefined;
  participation: bigint;
  reachedAt: number | undefined;
}

const walks = new WeakMap<Proposal['electorate'], QuorumWalk>();

function startWalk(proposal: Proposal, quorum: ProposalGate, before: number): QuorumWalk {
  const lentTo = new Map<string, { from: string; amount: bigint }[]>();
  const lentFrom = new Map<string, { to: string; amount: bigint }[]>();
  for (const delegation of proposal.delegations) {
    const own = proposal.electorate.weights.get(delegation.from) ?? 0n;
    for (const part of delegation.parts) {
      if (part.to === delegation.from) continue;
      const amount = delegatedPart(own, part.share);
      lentTo.set(part.to, [...(lentTo.get(part.to) ?? []), { from: delegation.from, amount }]);
      lentFrom.set(delegation.from, [...(lentFrom.get(delegation.from) ?? []), { to: part.to, amount }]);
    }
  }
  return {
    before,
    quorum: quorum.describe,
    delegations: proposal.delegations,
    lentTo,
    lentFrom,
    voted: new Set(),
    seen: 0,
    last: undefined,
    participation: 0n,
    reachedAt: undefined,
  };
}
