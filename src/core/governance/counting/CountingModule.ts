import type { MethodName } from '../../policy/MethodName.js';
import type { Ratio } from '../../ratio/Ratio.js';
import type { Schema } from '../../schema/Schema.js';

/**
 * The contract every counting method implements, in the spirit of OpenZeppelin's
 * `GovernorCountingSimple`: how one ballot looks, how a set of weighted ballots becomes a result,
 * and a stable machine-readable mode string (like `COUNTING_MODE()`), which names the rules of
 * counting and never a role, so renaming a role never changes it.
 *
 * Quorum, veto, timelock and late-quorum extension are *not* counting: they are modules and
 * wrappers of the proposal lifecycle, which calls `tally` and then applies them.
 *
 * Weights are `bigint` end to end; a tally is deterministic (same ballots in any order, same
 * result), and ties are broken by the rule the module documents.
 */
export interface CountingModule<Ballot = unknown> {
  readonly method: MethodName;
  /**
   * Stable, machine-readable description of the counting rules, e.g.
   * `support=bravo&quorum=for,abstain` for majority. Part of the log's meaning: never reworded.
   */
  readonly mode: string;
  /** Plain words for the counting rule, used by `explain` and the dashboard. */
  readonly counting: string;
  /** What a policy using this method needs (checked once, when a charter is read). */
  readonly rule: CountingRule;
  /** The shape of one ballot, in the schema language (renders JSON Schema and OpenAPI too). */
  readonly ballot: Schema<Ballot>;
  /**
   * The fixed options of a method that decides one proposal rather than choosing among options
   * (`['for', 'against', 'abstain']` for majority, `['consent', 'object']` for consent); undefined
   * when the proposal names its own options (`rule.multipleOptions`).
   */
  readonly fixedOptions?: readonly string[];
  /**
   * Checks one ballot against the proposal's options beyond its shape (an approval of an unknown
   * option, a ranking naming an option twice, an allocation over 100%). Returns a reason, or
   * undefined when the ballot is acceptable.
   */
  checkBallot(args: { ballot: Ballot; options: readonly string[] }): string | undefined;
  /** The pure tally of the ballots cast so far. */
  tally(args: TallyInput<Ballot>): TallyResult;
}

export interface CountingRule {
  /** Ballots are counted, so quorum, minimum voters and late-quorum extension apply. */
  readonly counted: boolean;
  /** The decision stays open for a period (voting, objections) that must be declared. */
  readonly needsPeriod: boolean;
  readonly threshold: 'required' | 'allowed' | 'forbidden';
  /** The method picks `winners` options out of several (approval). */
  readonly winners: boolean;
  readonly needsConsultation: boolean;
  readonly needsVeto: boolean;
  /** Weight must come from tokens or reputation (quadratic voting over equal weights is majority). */
  readonly needsWeightedElectorate: boolean;
  /** The proposal offers named options rather than for / against. */
  readonly multipleOptions: boolean;
}

/** One voter's ballot with the weight it carries (after delegation has been resolved). */
export interface WeightedBallot<Ballot> {
  readonly voter: string;
  readonly weight: bigint;
  readonly ballot: Ballot;
}

export interface TallyInput<Ballot> {
  readonly ballots: readonly WeightedBallot<Ballot>[];
  /** The proposal's options; for yes/no methods `['for', 'against', 'abstain']`. */
  readonly options: readonly string[];
  readonly threshold?: Ratio;
  readonly winners?: number;
  /**
   * The whole weight of those entitled to cast a ballot, whether they did or not. An optimistic
   * decision's threshold is a share of it (without it, any veto rejects).
   */
  readonly electorate?: bigint;
  /** The proposer's recorded decision, for the advice process (advice ballots are only notes). */
  readonly decision?: 'for' | 'against';
}

export interface TallyResult {
  /**
   * `passed`/`rejected` for yes/no methods; `decided` when options were chosen; `tied` when no rule
   * could break a tie; `pending` when the one who decides has not yet done so (single-owner with no
   * ballot, advice with no recorded decision).
   */
  readonly outcome: 'passed' | 'rejected' | 'decided' | 'tied' | 'pending';
  /** Chosen options, best first (empty for a rejected yes/no proposal). */
  readonly winners: readonly string[];
  /** Weight counted per option (for yes/no: for, against, abstain), as the method counts it. */
  readonly totals: Readonly<Record<string, bigint>>;
  /** Weight that took part, for quorum: every ballot's full weight, abstentions included. */
  readonly participation: bigint;
  readonly voters: number;
  /** Words that decided or informed the outcome: objections with their reasons, advice notes, vetoes. */
  readonly notes?: readonly {
    readonly voter: string;
    readonly kind: 'objection' | 'advice' | 'veto';
    readonly text: string;
  }[];
  /** Instant-runoff rounds, or other method-specific working shown to users and auditors. */
  readonly rounds?: readonly {
    readonly totals: Readonly<Record<string, bigint>>;
    readonly eliminated?: string;
    /**
     * Every option eliminated at the end of this round when a tie for fewest could not be broken
     * and all of them went at once (`eliminated` is then the first of them in option order).
     */
    readonly eliminatedTogether?: readonly string[];
  }[];
}
