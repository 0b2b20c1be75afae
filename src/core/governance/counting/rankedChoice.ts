import { s } from '../../schema/Schema.js';
import { checkOptionNames } from './ballotTotals.js';
import type { CountingModule, TallyResult } from './CountingModule.js';
import { countingRule } from './countingRule.js';

const ballot = s
  .object(
    {
      ranking: s
        .array(s.string({ minLength: 1 }))
        .describe(
          'Options in order of preference, most preferred first; unranked options are never reached.',
        ),
    },
    'ballot',
  )
  .describe('A ranking of some or all options.');
type RankedBallot = typeof ballot.type;

type Round = NonNullable<TallyResult['rounds']>[number];

/**
 * Ranked choice by instant runoff. Each round, every ballot counts its full weight for its most
 * preferred option still in the race. An option with more than half of the weight still counted
 * (ballots whose ranked options are all eliminated are exhausted and drop out) wins. Otherwise the
 * option with the least weight is eliminated and its ballots pass to their next preference.
 * Partial rankings are allowed; an empty ranking counts to participation only.
 *
 * Tie rule for elimination: when several options tie for least weight, the one with less weight
 * in the round before is eliminated, looking further back while the tie lasts (the usual
 * "backwards" rule). Options still tied after round one are eliminated together, since listing
 * order must not decide; if that would eliminate every remaining option (the last ones are exactly
 * level all the way back), the outcome is `tied`. With no weight on any option the outcome is
 * `rejected`.
 *
 * @example
 * // 42 A>B, 26 B>A, 32 C>B: no majority of 100; B (26) is eliminated, its 26 pass to A: A 68 wins.
 */
export const rankedChoice: CountingModule<RankedBallot> = {
  // Same fields as every other counting module (listed in countingModules.ts), by design: each
  // method's record, tally included, is read as its own specification (CountingModule.ts).
  method: 'ranked-choice',
  mode: 'method=ranked-choice&count=instant-runoff&win=over-half-of-continuing&tie=backwards-then-together',
  counting:
    'by ranked choice (instant runoff): the option with fewest first preferences is eliminated until one has a majority',
  rule: countingRule({ counted: true, needsPeriod: true, multipleOptions: true }),
  ballot,
  checkBallot: ({ ballot, options }) => checkOptionNames({ named: ballot.ranking, options }),
  tally({ ballots, options }) {
    const index = new Map(options.map((option, i) => [option, i]));
    const continuing = options.map(() => true);
    const totals = options.map(() => 0n);
    const piles: number[][] = options.map(() => []);
    const position = new Int32Array(ballots.length);
    let participation = 0n;

    // Moves ballot b to its most preferred continuing option at or after its current position.
    const place = (b: number) => {
      const { ranking } = ballots[b]!.ballot;
      for (let p = position[b]!; p < ranking.length; p++) {
        const option = index.get(ranking[p]!);
        if (option !== undefined && continuing[option]) {
          position[b] = p;
          piles[option]!.push(b);
          totals[option]! += ballots[b]!.weight;
          return;
        }
      }
      position[b] = ranking.length; // exhausted
    };
    for (let b = 0; b < ballots.length; b++) {
      participation += ballots[b]!.weight;
      place(b);
    }

    const history: bigint[][] = [];
    const rounds: Round[] = [];
    const result = (outcome: TallyResult['outcome'], winners: string[]): TallyResult => ({
      outcome,
      winners,
      totals: Object.fromEntries(options.map((option, i) => [option, continuing[i] ? totals[i]! : 0n])),
      participation,
      voters: ballots.length,
      rounds,
    });
    const roundTotals = () =>
      Object.fromEntries(options.flatMap((option, i) => (continuing[i] ? [[option, totals[i]!]] : [])));

    for (;;) {
      const alive = options.flatMap((_, i) => (continuing[i] ? [i] : []));
      history.push([...totals]);
      let counted = 0n;
      let best = -1;
      for (const i of alive) {
        counted += totals[i]!;
        if (best === -1 || totals[i]! > totals[best]!) best = i;
      }
      if (counted === 0n) {
        rounds.push({ totals: roundTotals() });
        return result('rejected', []);
      }
      // More than half of the weight still counted: 2·best > counted.
      if (2n * totals[best]! > counted) {
        rounds.push({ totals: roundTotals() });
        return result('decided', [options[best]!]);
      }
      // Fewest this round, then fewest in each earlier round, most recent first.
      let tied = alive;
      for (let r = history.length - 1; r >= 0 && tied.length > 1; r--) {
        const row = history[r]!;
        let least = row[tied[0]!]!;
        for (const i of tied) if (row[i]! < least) least = row[i]!;
        tied = tied.filter((i) => row[i] === least);
      }
      if (tied.length === alive.length) {
        rounds.push({ totals: roundTotals() });
        return result('tied', []);
      }
      const eliminated = tied.map((i) => options[i]!);
      rounds.push({
        totals: roundTotals(),
        eliminated: eliminated[0]!,
        ...(eliminated.length > 1 ? { eliminatedTogether: eliminated } : {}),
      });
      for (const i of tied) continuing[i] = false;
      for (const i of tied) {
        for (const b of piles[i]!) place(b);
        piles[i] = [];
        totals[i] = 0n;
      }
    }
  },
};
