import type { WeightedBallot } from '../counting/CountingModule.js';
import type { BallotRecord, Delegation, JsonValue } from '../lifecycle/Proposal.js';

export interface DelegationInput {
  /** Each voter's own weight (the electorate snapshot). */
  readonly weights: ReadonlyMap<string, bigint>;
  readonly delegations: readonly Delegation[];
  readonly ballots: readonly BallotRecord[];
}

/**
 * Turns recorded ballots into weighted ballots for the counting module, resolving delegation:
 *
 * 1. A voter who voted directly carries all of their own weight: a direct vote overrides their
 *    delegates for that weight.
 * 2. A delegator who did not vote lends each part — ⌊own × share⌋ — to that part's delegate, if the
 *    delegate voted. Parts to delegates who did not vote, and rounding remainders, are not counted.
 * 3. Delegation is one hop: weight lent to a delegate is not lent on by the delegate's own delegations.
 * 4. Voters whose resolved weight is zero are left out; the result is sorted by voter so the same
 *    ballots always give the same list.
 *
 * @example
 * // ana 100 delegates 1/4 to ben and 3/4 to cy; ben (10) and cy (0) vote, ana does not:
 * // ben carries 10 + ⌊100/4⌋ = 35, cy carries ⌊300/4⌋ = 75. If ana votes too, ana 100, ben 10, cy 0 (left out).
 */
export function applyDelegations(args: DelegationInput): WeightedBallot<JsonValue>[] {
  const voted = new Map<string, BallotRecord>();
  for (const record of args.ballots) voted.set(record.voter, record);
  const carried = new Map<string, bigint>();
  for (const voter of voted.keys()) carried.set(voter, args.weights.get(voter) ?? 0n);
  for (const delegation of args.delegations) {
    if (voted.has(delegation.from)) continue;
    const own = args.weights.get(delegation.from) ?? 0n;
    for (const part of delegation.parts) {
      const lent = delegatedPart(own, part.share);
      if (part.to !== delegation.from && voted.has(part.to))
        carried.set(part.to, (carried.get(part.to) ?? 0n) + lent);
    }
  }
  const out: WeightedBallot<JsonValue>[] = [];
  for (const voter of [...voted.keys()].sort()) {
    const weight = carried.get(voter) ?? 0n;
    if (weight > 0n) out.push({ voter, weight, ballot: voted.get(voter)!.ballot });
  }
  return out;
}

/** ⌊own × num / den⌋: 100 × 1/3 = 33. */
export function delegatedPart(own: bigint, share: { readonly num: bigint; readonly den: bigint }): bigint {
  return (own * share.num) / share.den;
}

/**
 * The most weight `voter` could carry: their own plus every part delegated to them. A member with
 * no own weight may vote when someone delegated to them.
 */
export function potentialWeight(args: {
  readonly weights: ReadonlyMap<string, bigint>;
  readonly delegations: readonly Delegation[];
  readonly voter: string;
}): bigint {
  const own = args.weights.get(args.voter) ?? 0n;
  // Most voters are lent nothing: their weight is their own, with no sum to allocate.
  const lent = lentTo(args.weights, args.delegations).get(args.voter);
  return lent === undefined ? own : own + lent;
}

/** Delegations list → weights → what is lent to each delegate: worked out once, not per vote. */
const lent = new WeakMap<readonly Delegation[], WeakMap<ReadonlyMap<string, bigint>, Map<string, bigint>>>();

/** Each delegate → the parts lent to them by others (a part a delegator lends to themselves is not lent). */
function lentTo(
  weights: ReadonlyMap<string, bigint>,
  delegations: readonly Delegation[],
): ReadonlyMap<string, bigint> {
  // A two-level cache like composeLifecycle.ts's, by design: the key kinds differ (weak keys here) and the
  // get-or-set is four lines.
  let byWeights = lent.get(delegations);
  if (byWeights === undefined) {
    byWeights = new WeakMap();
    lent.set(delegations, byWeights);
  }
  let totals = byWeights.get(weights);
  if (totals === undefined) {
    totals = new Map();
    for (const delegation of delegations) {
      const own = weights.get(delegation.from) ?? 0n;
      for (const part of delegation.parts)
        if (part.to !== delegation.from)
          totals.set(part.to, (totals.get(part.to) ?? 0n) + delegatedPart(own, part.share));
    }
    byWeights.set(weights, totals);
  }
  return totals;
}
