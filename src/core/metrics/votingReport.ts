import { makeRatio } from '../ratio/Ratio.js';
import { type ConcentrationReport, concentrationReport } from './concentrationReport.js';
import { type ExactValue, exactValue, ZERO_VALUE } from './ExactValue.js';

/** A proposal of an imported governance history (Snapshot, Governor): its id and who made it. */
export interface ProposalFact {
  readonly id: string;
  readonly proposer: string;
}

/** One counted vote: on which proposal, by whom, with how much voting power (base units). */
export interface VoteFact {
  readonly proposal: string;
  readonly voter: string;
  readonly weight: bigint;
}

/** Voter and proposer metrics of one governance history; see `votingReport`. */
export interface VotingReport {
  /** Proposals listed or voted on. */
  readonly proposals: number;
  readonly votes: number;
  /** Distinct voters, as entities when an entities map is given. */
  readonly distinctVoters: number;
  readonly distinctProposers: number;
  /**
   * Σ over proposals of the voters (entities) that voted on it, ÷ (proposals × distinct voters):
   * the share of the history's voters an average proposal heard from.
   */
  readonly participation: ExactValue;
  /** Votes ÷ proposals. */
  readonly votesPerProposal: ExactValue;
  /** Concentration of the voting power cast, summed per voter (entity) over every vote. */
  readonly voters: ConcentrationReport;
  /** Concentration of proposals made, counted per proposer (entity). */
  readonly proposers: ConcentrationReport;
}

/**
 * Voter and proposer metrics from proposals and votes. With `entities` (address → entity) every
 * voter and proposer counts as its entity; an address with none stands for itself. Two addresses
 * of one entity voting on the same proposal make it one participating entity there.
 *
 * Worked example: proposals P (by a), Q (by a); votes P: x 3, y 1; Q: x 2. Distinct voters 2;
 * participation (2 + 1) / (2 · 2) = 3/4; voting power x 5, y 1; proposers a 2.
 *
 * @example
 * votingReport({ proposals: [{ id: 'P', proposer: 'a' }], votes: [{ proposal: 'P', voter: 'x', weight: 3n }] })
 *   .participation.ratio // { num: 1n, den: 1n }
 */
export function votingReport(args: {
  proposals: Iterable<ProposalFact>;
  votes: Iterable<VoteFact>;
  entities?: ReadonlyMap<string, string>;
}): VotingReport {
  const entityOf = (key: string) => args.entities?.get(key) ?? key;
  const proposed = new Map<string, bigint>();
  const proposalIds = new Set<string>();
  for (const proposal of args.proposals) {
    proposalIds.add(proposal.id);
    const who = entityOf(proposal.proposer);
    proposed.set(who, (proposed.get(who) ?? 0n) + 1n);
  }
  const power = new Map<string, bigint>();
  const heard = new Map<string, Set<string>>();
  let votes = 0;
  for (const vote of args.votes) {
    votes++;
    proposalIds.add(vote.proposal);
    const who = entityOf(vote.voter);
    power.set(who, (power.get(who) ?? 0n) + vote.weight);
    let voters = heard.get(vote.proposal);
    if (voters === undefined) {
      voters = new Set();
      heard.set(vote.proposal, voters);
    }
    voters.add(who);
  }
  let heardTotal = 0n;
  for (const voters of heard.values()) heardTotal += BigInt(voters.size);
  const proposals = BigInt(proposalIds.size);
  const possible = proposals * BigInt(power.size);
  return {
    proposals: proposalIds.size,
    votes,
    distinctVoters: power.size,
    distinctProposers: proposed.size,
    participation: possible === 0n ? ZERO_VALUE : exactValue({ ratio: makeRatio(heardTotal, possible) }),
    votesPerProposal:
      proposals === 0n ? ZERO_VALUE : exactValue({ ratio: makeRatio(BigInt(votes), proposals) }),
    voters: concentrationReport({ holdings: power.values() }),
    proposers: concentrationReport({ holdings: proposed.values() }),
  };
}
