import type { MethodName } from '../../policy/MethodName.js';

/**
 * Snapshot's published scores, reproduced exactly for teams moving their voting history to
 * Devolve (`devolve tally --compat snapshot`). This is deliberately *not* how Devolve counts:
 * Snapshot adds floating-point voting power in the order votes are listed, silently drops votes
 * whose choice is malformed, and breaks ties by candidate number. Each scorer below follows
 * snapshot-labs/snapshot.js `src/voting/<type>.ts` (`isValidChoice`, `getScores`,
 * `getScoresTotal`) operation for operation, so that the doubles come out bit for bit the same.
 *
 * Choices are 1-based indexes into the proposal's choices, as in Snapshot's vote data.
 */
export type SnapshotVotingType = 'single-choice' | 'approval' | 'ranked-choice' | 'quadratic' | 'weighted';

export interface SnapshotVote {
  readonly balance: number;
  /** The vote's choice exactly as Snapshot stores it (checked here, as Snapshot checks it). */
  readonly choice: unknown;
}

export interface SnapshotScores {
  /** Score per choice, in the proposal's order, as Snapshot publishes them. */
  readonly scores: readonly number[];
  /** Voting power of every vote, valid or not (`getScoresTotal`). */
  readonly scoresTotal: number;
  readonly validVotes: number;
  readonly invalidVotes: number;
}

interface SnapshotScorer {
  isValidChoice(choice: unknown, choices: readonly string[]): boolean;
  getScores(votes: readonly SnapshotVote[], choices: readonly string[]): number[];
}

/** The Snapshot voting type that corresponds to each Devolve method that has one. */
export const SNAPSHOT_TYPE_OF_METHOD: Readonly<Partial<Record<MethodName, SnapshotVotingType>>> = {
  majority: 'single-choice',
  approval: 'approval',
  'ranked-choice': 'ranked-choice',
  quadratic: 'quadratic',
  'weighted-split': 'weighted',
};

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** `calcPercentageOfSum` (quadratic.ts): part / Σwhole, and 0 where that is NaN. */
function fractionOfSum(part: number, whole: readonly number[]): number {
  const fraction = part / sum(whole);
  return Number.isNaN(fraction) ? 0 : fraction;
}

/** `percentageOfTotal` (weighted.ts): values[i] / Σtotal · 100, and 0 where that is NaN. */
function percentageOfTotal(
  i: number,
  values: Readonly<Record<number, number>>,
  total: readonly number[],
): number {
  const percent = ((values[i] as number) / sum(total)) * 100;
  return Number.isNaN(percent) ? 0 : percent;
}

function isChoiceMap(choice: unknown): choice is Record<string, number> {
  return typeof choice === 'object' && choice !== null && !Array.isArray(choice);
}

/** quadratic.ts and weighted.ts share this check of a `{ "<choice>": weight }` map. */
function isValidChoiceMap(choice: unknown, choices: readonly string[]): boolean {
  if (!isChoiceMap(choice)) return false;
  const values: unknown[] = Object.values(choice);
  return (
    Object.keys(choice).every((key) => choices[Number(key) - 1] !== undefined) &&
    Object.keys(choice).length > 0 &&
    values.every((value) => typeof value === 'number' && value >= 0) &&
    values.some((value) => typeof value === 'number' && value > 0)
  );
}

/** The rounds of `irv` in rankedChoice.ts: [candidate, power] pairs, highest first. */
function instantRunoff(ballots: readonly (readonly [readonly number[], number])[]): [string, number][] {
  for (;;) {
    const candidates = [...new Set(ballots.flatMap(([ranking]) => ranking))];
    // An object keyed by candidate number: integer keys enumerate in ascending order, as in Snapshot.
    const power: Record<string, number> = Object.assign({}, ...candidates.map((c) => ({ [c]: 0 })));
    for (const [ranking, balance] of ballots) power[String(ranking[0])]! += balance;
    const entries = Object.entries(power);
    let top = -Infinity;
    for (const [, count] of entries) if (count > top) top = count;
    let bottom: string | undefined;
    let bottomCount = Infinity;
    for (const [candidate, count] of entries) {
      if (count < bottomCount) [bottom, bottomCount] = [candidate, count];
    }
    const sorted = entries.sort((a, b) => b[1] - a[1]);
    const total = ballots.map(([, balance]) => balance).reduce((a, b) => a + b, 0);
    if (top > total / 2 || sorted.length < 3) return sorted;
    ballots = ballots
      .map(([ranking, balance]) => [ranking.filter((c) => String(c) !== bottom), balance] as const)
      .filter(([ranking]) => ranking.length > 0);
  }
}

const SCORERS: Readonly<Record<SnapshotVotingType, SnapshotScorer>> = {
  'single-choice': {
    isValidChoice: (choice, choices) => typeof choice === 'number' && choices[choice - 1] !== undefined,
    getScores: (votes, choices) =>
      choices.map((_, i) => votes.filter((vote) => vote.choice === i + 1).reduce((a, b) => a + b.balance, 0)),
  },
  approval: {
    isValidChoice: (choice, choices) =>
      Array.isArray(choice) &&
      choice.every((c) => choices[Number(c) - 1] !== undefined) &&
      choice.length === new Set(choice).size,
    getScores: (votes, choices) =>
      choices.map((_, i) =>
        votes.filter((vote) => (vote.choice as unknown[]).includes(i + 1)).reduce((a, b) => a + b.balance, 0),
      ),
  },
  'ranked-choice': {
    isValidChoice: (choice, choices) =>
      Array.isArray(choice) &&
      choice.every((c) => choices[Number(c) - 1] !== undefined) &&
      choice.length === new Set(choice).size &&
      choice.length > 0 &&
      choice.length === choices.length,
    getScores: (votes, choices) => {
      const finalRound = instantRunoff(votes.map((vote) => [vote.choice as number[], vote.balance] as const));
      return choices.map((_, i) =>
        finalRound.filter(([candidate]) => Number(candidate) === i + 1).reduce((a, b) => a + b[1], 0),
      );
    },
  },
  quadratic: {
    isValidChoice: isValidChoiceMap,
    getScores: (votes, choices) => {
      const scoresTotal = votes.reduce((a, b) => a + b.balance, 0);
      const quadraticScores = choices.map((_, i) => {
        const roots = votes
          .map((vote) => {
            const map = vote.choice as Record<number, number>;
            return Math.sqrt(fractionOfSum(map[i + 1] as number, Object.values(map)) * vote.balance);
          })
          .reduce((a, b) => a + b, 0);
        return roots * roots;
      });
      return quadraticScores.map((score) => scoresTotal * fractionOfSum(score, quadraticScores));
    },
  },
  weighted: {
    isValidChoice: isValidChoiceMap,
    getScores: (votes, choices) => {
      const results = choices.map((_, i) =>
        votes
          .map((vote) => {
            const map = vote.choice as Record<number, number>;
            return (percentageOfTotal(i + 1, map, Object.values(map)) / 100) * vote.balance;
          })
          .reduce((a, b) => a + b, 0),
      );
      const validScoresTotal = votes.reduce((a, b) => a + b.balance, 0);
      return results
        .map((_, i) => percentageOfTotal(i, results, results))
        .map((p) => (validScoresTotal / 100) * p);
    },
  },
};

/**
 * Scores a proposal's votes as Snapshot does for `type`.
 *
 * @example
 * snapshotScores({ type: 'approval', choices: ['A', 'B'], votes: [{ choice: [1, 2], balance: 2.5 }, { choice: [3], balance: 1 }] })
 * // { scores: [2.5, 2.5], scoresTotal: 3.5, validVotes: 1, invalidVotes: 1 } — choice 3 does not exist
 */
export function snapshotScores(args: {
  type: SnapshotVotingType;
  choices: readonly string[];
  votes: readonly SnapshotVote[];
}): SnapshotScores {
  const scorer = SCORERS[args.type];
  const valid = args.votes.filter((vote) => scorer.isValidChoice(vote.choice, args.choices));
  return {
    scores: scorer.getScores(valid, args.choices),
    scoresTotal: args.votes.reduce((a, b) => a + b.balance, 0),
    validVotes: valid.length,
    invalidVotes: args.votes.length - valid.length,
  };
}
