import type { TallyResult, WeightedBallot } from './CountingModule.js';
import { LimbSums, TWO_32 } from './limbSums.js';
import { rankOptions } from './rankOptions.js';

/** Weight and distinct voters of a set of ballots: what every module reports for quorum. */
export interface Participation {
  readonly participation: bigint;
  readonly voters: number;
}

/**
 * Sums every ballot's full weight (abstentions and objections included) and counts the voters:
 * the figures quorum and minimum-voter rules are checked against. The lifecycle keeps one ballot
 * per voter (a later ballot replaces an earlier one), so ballots and voters are the same count.
 *
 * @example
 * participationOf([{ voter: 'a', weight: 3n, ballot }, { voter: 'b', weight: 4n, ballot }])
 * // { participation: 7n, voters: 2 }
 */
export function participationOf(ballots: readonly WeightedBallot<unknown>[]): Participation {
  // Exact sums in doubles (see `LimbSums`): one bigint addition per ballot would allocate.
  const sums = new LimbSums(1, TWO_32);
  for (const ballot of ballots) {
    sums.addWeight(0, ballot.weight);
    sums.endBallot();
  }
  return { participation: sums.total(0), voters: ballots.length };
}

/** One note of a tally: an objection, a piece of advice or a veto, with who wrote it. */
export type TallyNote = NonNullable<TallyResult['notes']>[number];

/**
 * Sorts notes by voter, then text, in place, so a result never depends on the order ballots
 * arrived in.
 */
export function inVoterOrder(notes: TallyNote[]): TallyNote[] {
  return notes.sort((a, b) =>
    a.voter < b.voter ? -1 : a.voter > b.voter ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0,
  );
}

/** The outcome of a decision that passed (with `winner` as its winning option) or was rejected. */
export function passedOrRejected(passed: boolean, winner: string): Pick<TallyResult, 'outcome' | 'winners'> {
  return passed ? { outcome: 'passed', winners: [winner] } : { outcome: 'rejected', winners: [] };
}

/** Zero totals for each option, in the options' order, so every option shows even with no weight. */
export function zeroTotals(options: readonly string[]): Record<string, bigint> {
  const totals: Record<string, bigint> = {};
  for (const option of options) totals[option] = 0n;
  return totals;
}

/**
 * Finds the first problem with the option names a ballot uses: an unknown option or one named
 * twice. Returns the reason, or undefined.
 */
export function checkOptionNames(args: {
  named: readonly string[];
  options: readonly string[];
}): string | undefined {
  const seen = new Set<string>();
  for (const name of args.named) {
    if (!args.options.includes(name))
      return `'${name}' is not one of the options (${args.options.join(', ')})`;
    if (seen.has(name)) return `'${name}' is named twice`;
    seen.add(name);
  }
  return undefined;
}

/**
 * The top-option result of totals kept in one bigint record, ballot by ballot, from each ballot's
 * amounts per option: the plain count the split methods keep for options their faster count does
 * not take.
 */
export function plainTopOption<Ballot>(
  ballots: readonly WeightedBallot<Ballot>[],
  options: readonly string[],
  amounts: (weight: bigint, ballot: Ballot) => readonly (readonly [string, bigint])[],
): TallyResult {
  const totals = zeroTotals(options);
  for (const { weight, ballot } of ballots) {
    for (const [option, amount] of amounts(weight, ballot)) totals[option] = (totals[option] ?? 0n) + amount;
  }
  return topOptionResult(options, totals, participationOf(ballots));
}

/** The result of a method that chooses the one option with the largest total. */
export function topOptionResult(
  options: readonly string[],
  totals: Record<string, bigint>,
  participation: Participation,
): TallyResult {
  return { ...rankOptions({ options, totals, winners: 1 }), totals, ...participation };
}
