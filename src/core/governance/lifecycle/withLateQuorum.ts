import { type Lifecycle, ms } from './Lifecycle.js';
import type { Proposal } from './Proposal.js';
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
 */
export function quorumReachedAt(
  proposal: Proposal,
  quorum: ProposalGate,
  before: number,
): number | undefined {
  const weights = proposal.electorate.weights;
  const total = proposal.electorate.total;
  const lentTo = new Map<string, { from: string; amount: bigint }[]>();
  const lentFrom = new Map<string, { to: string; amount: bigint }[]>();
  for (const delegation of proposal.delegations) {
    const own = weights.get(delegation.from) ?? 0n;
    for (const part of delegation.parts) {
      const amount = (own * part.share.num) / part.share.den;
      if (part.to === delegation.from) continue;
      lentTo.set(part.to, [...(lentTo.get(part.to) ?? []), { from: delegation.from, amount }]);
      lentFrom.set(delegation.from, [...(lentFrom.get(delegation.from) ?? []), { to: part.to, amount }]);
    }
  }
  const voted = new Set<string>();
  let participation = 0n;
  for (const ballot of proposal.ballots) {
    if (ballot.at >= before || voted.has(ballot.voter)) continue;
    participation += weights.get(ballot.voter) ?? 0n;
    for (const part of lentFrom.get(ballot.voter) ?? []) if (voted.has(part.to)) participation -= part.amount;
    for (const part of lentTo.get(ballot.voter) ?? [])
      if (!voted.has(part.from)) participation += part.amount;
    voted.add(ballot.voter);
    if (quorum.check({ participation, voters: voted.size, total }).met) return ballot.at;
  }
  return undefined;
}
