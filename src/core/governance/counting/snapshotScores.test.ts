import { describe, expect, it } from 'vitest';
import { snapshotScores } from './snapshotScores.js';

// Each expectation below is worked by hand from snapshot-labs/snapshot.js `src/voting/<type>.ts`
// (isValidChoice, getScores, getScoresTotal); choices are 1-based, as in Snapshot's vote data.

// The cases are parallel by design, one written-out example per voting type: the tool that
// finds duplicates pairs their shape, but each states its own type's arithmetic.
describe('snapshotScores', () => {
  it('single-choice: adds voting power in vote order, as doubles; a choice that is not a number is dropped', () => {
    // A: 0.1 + 0.2 = 0.30000000000000004 in floating point; B: 0.3. The vote for '2' (text) is invalid,
    // yet counts to the scores total: 0.1 + 0.2 + 0.3 + 1 = 1.6.
    const result = snapshotScores({
      type: 'single-choice',
      choices: ['A', 'B'],
      votes: [
        { choice: 1, balance: 0.1 },
        { choice: 1, balance: 0.2 },
        { choice: 2, balance: 0.3 },
        { choice: '2', balance: 1 },
      ],
    });
    expect(result).toEqual({
      scores: [0.30000000000000004, 0.3],
      scoresTotal: 1.6,
      validVotes: 3,
      invalidVotes: 1,
    });
  });

  it('approval: every approved choice gets the full power; a choice named twice invalidates the vote', () => {
    // A: 0.1 + 0.2; B: 0.2; [2, 2] is dropped. Total 0.1 + 0.2 + 7 = 7.3.
    const result = snapshotScores({
      type: 'approval',
      choices: ['A', 'B'],
      votes: [
        { choice: [1], balance: 0.1 },
        { choice: [1, 2], balance: 0.2 },
        { choice: [2, 2], balance: 7 },
      ],
    });
    expect(result).toEqual({
      scores: [0.30000000000000004, 0.2],
      scoresTotal: 7.3,
      validVotes: 2,
      invalidVotes: 1,
    });
  });

  it('ranked-choice: drops partial rankings and eliminates the lowest-numbered of tied last choices', () => {
    // [1] ranks one of three choices: invalid (Snapshot wants every choice ranked), though its 50
    // counts to the total (4 + 3 + 3 + 50 = 60). Round 1: A 4, B 3, C 3 of 10, 4 ≤ 10/2. B and C tie
    // for last; B (choice 2) comes first in key order and is eliminated, its 3 pass to A.
    // Round 2: A 7 > 5: stop. Published scores are the last round's: A 7, B 0, C 3.
    const result = snapshotScores({
      type: 'ranked-choice',
      choices: ['A', 'B', 'C'],
      votes: [
        { choice: [1, 2, 3], balance: 4 },
        { choice: [2, 1, 3], balance: 3 },
        { choice: [3, 2, 1], balance: 3 },
        { choice: [1], balance: 50 },
      ],
    });
    expect(result).toEqual({ scores: [7, 0, 3], scoresTotal: 60, validVotes: 3, invalidVotes: 1 });
  });

  it('ranked-choice: runs rounds until a majority or two choices remain', () => {
    // Total 4 + 3.5 + 1 + 2 = 10.5, half 5.25. Round 1: A 4, B 3.5, C 1, D 2 → C out, its 1 to B (4.5).
    // Round 2: A 4, B 4.5, D 2 → D out; its next choice C is gone, then B: B 6.5.
    // Round 3: A 4, B 6.5 — two remain: stop.
    const result = snapshotScores({
      type: 'ranked-choice',
      choices: ['A', 'B', 'C', 'D'],
      votes: [
        { choice: [1, 2, 3, 4], balance: 4 },
        { choice: [2, 3, 1, 4], balance: 3.5 },
        { choice: [3, 2, 1, 4], balance: 1 },
        { choice: [4, 3, 2, 1], balance: 2 },
      ],
    });
    expect(result.scores).toEqual([4, 6.5, 0, 0]);
  });

  it('quadratic: squares each choice’s sum of roots, then rescales to the valid voting power', () => {
    // A: √(1/1 · 4) + √(1/2 · 2) + 0 = 2 + 1 = 3 → 9. B: 0 + √(1/2 · 2) + √(1/1 · 1) = 2 → 4.
    // Valid power 4 + 2 + 1 = 7: A = 7 · 9/13 = 4.846153846153846, B = 7 · 4/13 = 2.153846153846154.
    // { 3: 1 } names no choice: dropped, but its 5 counts to the total 12.
    const result = snapshotScores({
      type: 'quadratic',
      choices: ['A', 'B'],
      votes: [
        { choice: { 1: 1 }, balance: 4 },
        { choice: { 1: 1, 2: 1 }, balance: 2 },
        { choice: { 2: 1 }, balance: 1 },
        { choice: { 3: 1 }, balance: 5 },
      ],
    });
    expect(result).toEqual({
      scores: [4.846153846153846, 2.153846153846154],
      scoresTotal: 12,
      validVotes: 3,
      invalidVotes: 1,
    });
  });

  it('weighted: divides each vote by its percentages, keeping floating-point error as Snapshot publishes it', () => {
    // { 1: 3, 2: 1 } × 4: A (75/100)·4 = 3, B (25/100)·4 = 1. { 2: 1 } × 2: B 2.
    // { 1: 1, 2: 2 } × 3: A (33.33…/100)·3 = 0.9999999999999999, B 2. A = 3.9999999999999996, B = 5;
    // rescaled to the valid power 9 they stay so. { 1: 0 } gives nothing: dropped (total 4+2+3+9 = 18).
    const result = snapshotScores({
      type: 'weighted',
      choices: ['A', 'B'],
      votes: [
        { choice: { 1: 3, 2: 1 }, balance: 4 },
        { choice: { 2: 1 }, balance: 2 },
        { choice: { 1: 1, 2: 2 }, balance: 3 },
        { choice: { 1: 0 }, balance: 9 },
      ],
    });
    expect(result).toEqual({
      scores: [3.9999999999999996, 5],
      scoresTotal: 18,
      validVotes: 3,
      invalidVotes: 1,
    });
  });

  it('scores nothing when no vote is valid', () => {
    for (const type of ['ranked-choice', 'quadratic', 'weighted'] as const) {
      expect(snapshotScores({ type, choices: ['A', 'B'], votes: [] }).scores).toEqual([0, 0]);
    }
  });
});
