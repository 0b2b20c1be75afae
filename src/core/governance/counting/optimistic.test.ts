import { describe, expect, it } from 'vitest';
import { weighted } from '../../../../test/support/weightedBallots.js';
import { makeRatio } from '../../ratio/Ratio.js';
import { optimistic } from './optimistic.js';

const options = ['veto'];

describe('optimistic', () => {
  it('passes unless vetoed; without a threshold any veto rejects', () => {
    expect(optimistic.tally({ options, ballots: [] })).toMatchObject({ outcome: 'passed', winners: ['for'] });
    expect(
      optimistic.tally({ options, ballots: weighted(['guardian', 0, { choice: 'veto' }]) }),
    ).toMatchObject({
      outcome: 'rejected',
      notes: [{ voter: 'guardian', kind: 'veto', text: '' }],
    });
  });

  it('with a threshold, rejects once the vetoes reach that share of the electorate', () => {
    // Electorate 90, threshold 1/3: 30 · 3 = 90 ≥ 1 · 90 → rejected; 29 · 3 = 87 < 90 → passed.
    const third = makeRatio(1n, 3n);
    const vetoes = (weight: number) =>
      weighted(
        ['g1', weight - 1, { choice: 'veto' as const, reason: 'too soon' }],
        ['g2', 1, { choice: 'veto' as const }],
      );
    expect(
      optimistic.tally({ options, threshold: third, electorate: 90n, ballots: vetoes(30) }),
    ).toMatchObject({
      outcome: 'rejected',
      totals: { veto: 30n },
    });
    expect(
      optimistic.tally({ options, threshold: third, electorate: 90n, ballots: vetoes(29) }).outcome,
    ).toBe('passed');
  });
});
