import type { Policy } from '../../model/Organization.js';
import type { Ratio } from '../../ratio/Ratio.js';

/**
 * One proposal as the governance runtime holds it: what is proposed, under which policy, who may
 * take part with what weight, and every act recorded on it. Its phase (consultation, voting, veto
 * window, …) is never stored: `proposalStatus` derives it from the recorded acts and the time it
 * is asked about, so replaying a log reproduces it exactly.
 *
 * The `policy` is the one in force when the proposal opened and is never rewritten: a later slider
 * move changes who decides the *next* proposal, not this one.
 *
 * Times are epoch milliseconds (UTC); the policy's durations are seconds. Weights are `bigint` in
 * memory and decimal strings in JSON (`proposalToJson` / `proposalFromJson`).
 */
export interface Proposal {
  /** Unique within the organization. */
  readonly id: string;
  readonly unit: string;
  readonly kind: ProposalKind;
  /**
   * What is proposed, shaped by `kind` (filled by the action that opens the proposal): a decision's
   * outcome statement, a slider move's `from`/`to`, a charter change, a commitment change.
   */
  readonly subject: JsonObject;
  readonly title?: string;
  // Plain readonly fields, like boardView.ts and makePlan.ts, by design: each record declares its own shape;
  // they share style, not meaning.
  /** Member id of the proposer. */
  readonly proposer: string;
  readonly policy: Policy;
  /** The options voted on: for yes/no methods `['for', 'against', 'abstain']`. */
  readonly options: readonly string[];
  readonly electorate: Electorate;
  /** When the proposal opened (consultation or voting starts); before it, the proposal is a draft. */
  readonly openedAt: number;
  /**
   * Every ballot cast, in the order cast. While voting is open a voter may vote again: their
   * latest ballot is the one counted, and the earlier ones stay as the record of what happened.
   */
  readonly ballots: readonly BallotRecord[];
  readonly objections: readonly Objection[];
  readonly advice: readonly Advice[];
  readonly vetoes: readonly Veto[];
  /** The delegations in force when the proposal opened, as they were applied to its electorate. */
  readonly delegations: readonly Delegation[];
  /** The decision of a proposer (advice process) or a single owner. */
  readonly decision?: DecisionRecord;
  readonly executedAt?: number;
  /** Who executed it (absent in proposals stored before executors were recorded). */
  readonly executedBy?: string;
  /** Set when someone recorded the expiry; the phase is `expired` from the derived time regardless. */
  readonly expiredAt?: number;
}

export const PROPOSAL_KINDS = ['decision', 'slider-move', 'charter-change', 'commitment'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/**
 * Who may take part, fixed when the proposal opens.
 *
 * `weights` holds each voter's own weight (one per role member, a token balance, a declared
 * reputation); members with no weight are absent. `total` is the denominator of quorum.
 * `consulted` lists, per consulted party, the members whose advice counts for it; `vetoBodies`
 * lists who may veto and how many of them must.
 */
export interface Electorate {
  /** The snapshot instant (epoch ms): role terms and holdings are read as they stood then. */
  readonly at: number;
  readonly weights: ReadonlyMap<string, bigint>;
  readonly total: bigint;
  /** Members who may propose a decision, object (consent) or decide (single owner). */
  readonly deciders: readonly string[];
  readonly consulted: readonly PartyMembers[];
  readonly vetoBodies: readonly VetoBody[];
}

export interface PartyMembers {
  /** `role:<id>`, `members` or `anyone`. */
  readonly party: string;
  readonly members: readonly string[];
}

export interface VetoBody extends PartyMembers {
  /** How many distinct members of this body must veto (at least one). */
  readonly needed: number;
}

export interface BallotRecord {
  readonly voter: string;
  /** The ballot in the counting module's shape. */
  readonly ballot: JsonValue;
  readonly reason?: string;
  readonly at: number;
}

export interface Objection {
  readonly by: string;
  readonly reason: string;
  readonly at: number;
}

export interface Advice {
  readonly by: string;
  /** The consulted party the advice answers for (`role:<id>`, `members`, `anyone`). */
  readonly party: string;
  readonly text: string;
  readonly at: number;
}

export interface Veto {
  readonly by: string;
  readonly body: string;
  readonly reason?: string;
  readonly at: number;
}

export interface DecisionRecord {
  readonly by: string;
  readonly outcome: 'passed' | 'rejected';
  readonly reason?: string;
  readonly at: number;
}

// A tagged union like EvidenceRecord.ts's EvidenceEntry, by design: each union names its own kinds.
/** What a delegation covers: the weight a member holds through a role, or through a token. */
export type DelegationScope =
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'reputation'; readonly name: string };

/**
 * A member lending their weight to others, whole or in parts. Shares are exact ratios of the
 * delegator's weight; each part is rounded down, and whatever rounding or undelegated share is
 * left stays with the delegator (counted only if they vote). Delegation is one hop: a delegate
 * does not pass on weight delegated to them.
 */
export interface Delegation {
  readonly from: string;
  readonly scope: DelegationScope;
  readonly parts: readonly { readonly to: string; readonly share: Ratio }[];
}

/** A `Proposal` as JSON: every `bigint` a decimal string, the weight map an object sorted by voter. */
export type ProposalJson = JsonObject;
