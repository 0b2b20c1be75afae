import { s } from '../../schema/Schema.js';
import { passedOrRejected } from './ballotTotals.js';
import type { TallyResult, WeightedBallot } from './CountingModule.js';

export const SUPPORT_OPTIONS = ['for', 'against', 'abstain'] as const;
export type Support = (typeof SUPPORT_OPTIONS)[number];

/** A for / against / abstain ballot, as majority and supermajority take it. */
export const supportBallot = s
  .object({ choice: s.enum(SUPPORT_OPTIONS, 'choice').describe('for, against or abstain') }, 'ballot')
  .describe('A ballot for, against or abstaining on the proposal.');
export type SupportBallot = typeof supportBallot.type;

/**
 * The ballot fields majority and supermajority share: the support ballot, its fixed options, and
 * no check beyond the ballot's shape. Spread into each module's record, which states the rest.
 */
export const supportFields = {
  ballot: supportBallot,
  fixedOptions: SUPPORT_OPTIONS,
  checkBallot: (): undefined => undefined,
};

/** Weight for, against and abstaining, and the whole weight cast (the participation). */
export interface SupportTotals {
  readonly for: bigint;
  readonly against: bigint;
  readonly abstain: bigint;
  readonly participation: bigint;
}

/**
 * Adds up for / against / abstain weight in one pass.
 *
 * @example
 * supportTotals([{ voter: 'a', weight: 3n, ballot: { choice: 'for' } }, { voter: 'b', weight: 2n, ballot: { choice: 'abstain' } }])
 * // { for: 3n, against: 0n, abstain: 2n, participation: 5n }
 */
export function supportTotals(ballots: readonly WeightedBallot<SupportBallot>[]): SupportTotals {
  let inFavour = 0n;
  let against = 0n;
  let abstain = 0n;
  for (const { weight, ballot } of ballots) {
    if (ballot.choice === 'for') inFavour += weight;
    else if (ballot.choice === 'against') against += weight;
    else abstain += weight;
  }
  return { for: inFavour, against, abstain, participation: inFavour + against + abstain };
}

/** The result of a for / against / abstain count that `passed` or not. */
export function supportResult(args: { totals: SupportTotals; passed: boolean; voters: number }): TallyResult {
  const { totals, passed } = args;
  return {
    ...passedOrRejected(passed, 'for'),
    totals: { for: totals.for, against: totals.against, abstain: totals.abstain },
    participation: totals.participation,
    voters: args.voters,
  };
}
