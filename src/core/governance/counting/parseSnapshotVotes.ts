import type { BallotFileProblem } from './parseBallotFile.js';
import type { SnapshotVote } from './snapshotScores.js';

export type SnapshotVotesParse =
  | { readonly ok: true; readonly choices: readonly string[]; readonly votes: readonly SnapshotVote[] }
  | { readonly ok: false; readonly problems: readonly BallotFileProblem[] };

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads Snapshot vote data for `snapshotScores`: `{ "choices": [...], "votes": [...] }` (or
 * Snapshot's `{ "proposal": { "choices": [...] }, "votes": [...] }`), each vote with its `choice`
 * as Snapshot stores it and its voting power as `vp` (Snapshot's GraphQL API) or `balance`.
 * `choices` from the command line take precedence. A vote's choice is not checked here: Snapshot
 * drops malformed choices when it counts, and so does `snapshotScores`; voting power must be a
 * finite non-negative number, since Snapshot data never holds anything else.
 */
export function parseSnapshotVotes(args: {
  document: unknown;
  choices?: readonly string[];
}): SnapshotVotesParse {
  const problems: BallotFileProblem[] = [];
  const document = Array.isArray(args.document) ? { votes: args.document } : args.document;
  if (!isMapping(document)) {
    return {
      ok: false,
      problems: [{ path: '(the file)', message: 'expected a mapping with "choices" and "votes"' }],
    };
  }
  const written = isMapping(document['proposal']) ? document['proposal']['choices'] : document['choices'];
  const choices = args.choices ?? written;
  if (!Array.isArray(choices) || choices.length === 0 || !choices.every((c) => typeof c === 'string')) {
    problems.push({
      path: 'choices',
      message: 'the proposal’s choices are missing or not a list of text',
      hint: 'add "choices": ["…", "…"] to the file, or pass --options a,b,c',
    });
  }
  const votes: SnapshotVote[] = [];
  if (!Array.isArray(document['votes'])) {
    problems.push({ path: 'votes', message: 'expected a list of votes' });
  } else {
    document['votes'].forEach((vote: unknown, i) => {
      const power = isMapping(vote) ? (vote['vp'] ?? vote['balance']) : undefined;
      if (!isMapping(vote) || !('choice' in vote)) {
        problems.push({ path: `votes[${i}]`, message: 'expected a vote with a "choice"' });
      } else if (typeof power !== 'number' || !Number.isFinite(power) || power < 0) {
        problems.push({
          path: `votes[${i}]`,
          message: 'expected its voting power as a non-negative number in "vp" or "balance"',
        });
      } else {
        votes.push({ balance: power, choice: vote['choice'] });
      }
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, choices: choices as string[], votes };
}
