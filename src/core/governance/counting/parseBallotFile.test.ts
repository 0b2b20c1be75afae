import { describe, expect, it } from 'vitest';
import { approval } from './approval.js';
import { majority } from './majority.js';
import { parseBallotFile } from './parseBallotFile.js';
import { supermajority } from './supermajority.js';

// The cases below each call parseBallotFile on a document written out in full, by design: the
// document is what each case is about.
describe('parseBallotFile', () => {
  it('reads weights written as digits or numbers, defaulting to one, and the fixed options', () => {
    const parsed = parseBallotFile({
      module: majority,
      document: {
        ballots: [
          { voter: 'a', weight: '123456789012345678901234567890', ballot: { choice: 'for' } },
          { voter: 'b', weight: 7, ballot: { choice: 'against' } },
          { voter: 'c', ballot: { choice: 'abstain' } },
        ],
      },
    });
    expect(parsed).toEqual({
      ok: true,
      input: {
        options: ['for', 'against', 'abstain'],
        ballots: [
          { voter: 'a', weight: 123456789012345678901234567890n, ballot: { choice: 'for' } },
          { voter: 'b', weight: 7n, ballot: { choice: 'against' } },
          { voter: 'c', weight: 1n, ballot: { choice: 'abstain' } },
        ],
      },
    });
  });

  it('accepts a bare list of ballots, with options and winners given by the caller', () => {
    const parsed = parseBallotFile({
      module: approval,
      document: [{ voter: 'a', ballot: { approve: ['x'] } }],
      overrides: { options: ['x', 'y'], winners: 2 },
    });
    expect(parsed.ok && parsed.input.options).toEqual(['x', 'y']);
    expect(parsed.ok && parsed.input.winners).toBe(2);
  });

  it('locates every problem: shape, weight, option, duplicate voter, missing threshold', () => {
    const parsed = parseBallotFile({
      module: supermajority,
      document: {
        ballots: [
          { voter: 'a', weight: '-3', ballot: { choice: 'for' } },
          { voter: 'b', weight: 2 ** 60, ballot: { choice: 'maybe' } },
        ],
      },
    });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual([
      'ballots[0].weight',
      'ballots[1].weight',
      'ballots[1].ballot.choice',
    ]);
    const semantic = parseBallotFile({
      module: supermajority,
      document: {
        ballots: [
          { voter: 'a', ballot: { choice: 'for' } },
          { voter: 'a', ballot: { choice: 'against' } },
        ],
      },
    });
    expect(semantic.ok ? [] : semantic.problems).toEqual([
      {
        path: 'threshold',
        message: 'supermajority needs a threshold',
        hint: 'add "threshold": "2/3" to the file, or pass --threshold 2/3',
      },
      {
        path: 'ballots[1].voter',
        message: "'a' already cast ballots[0]",
        hint: 'keep one ballot per voter (the last one they cast)',
      },
    ]);
  });

  it('refuses options for a fixed-option method, and ballots naming unknown options', () => {
    const fixed = parseBallotFile({ module: majority, document: { options: ['yes', 'no'], ballots: [] } });
    expect(fixed.ok ? [] : fixed.problems.map((p) => p.message)).toEqual([
      'majority has fixed options (for, against, abstain)',
    ]);
    const unknown = parseBallotFile({
      module: approval,
      document: { options: ['x'], threshold: '1/2', ballots: [{ voter: 'a', ballot: { approve: ['z'] } }] },
    });
    expect(unknown.ok ? [] : unknown.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'threshold: approval takes no threshold',
      "ballots[0].ballot: 'z' is not one of the options (x)",
    ]);
  });
});
