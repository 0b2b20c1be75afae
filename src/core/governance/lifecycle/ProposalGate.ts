/**
 * A condition a counted proposal must meet when voting ends, besides winning the count: quorum,
 * minimum voters. Gates are modules: the base lifecycle checks every gate of its composition.
 */
export interface ProposalGate {
  /** Stable self-description, e.g. `quorum=1/10`, `min-voters=3`. */
  readonly describe: string;
  /** The reason a proposal that misses this gate is rejected. */
  readonly reason: 'quorum' | 'min-voters';
  check(args: GateInput): GateProgress;
}

export interface GateInput {
  /** Weight that took part (every counted ballot's full weight, abstentions included). */
  readonly participation: bigint;
  /** Voters whose ballots carried weight. */
  readonly voters: number;
  /** The electorate's total weight. */
  readonly total: bigint;
}

export interface GateProgress {
  readonly gate: string;
  readonly met: boolean;
  /** What is needed and what there is, in the gate's unit (weight or voters). */
  readonly needed: bigint;
  readonly have: bigint;
}
