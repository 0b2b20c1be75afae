import { describe, expect, it } from 'vitest';
import { weighted } from '../../../../test/support/weightedBallots.js';
import type { SchemaIssue } from '../../schema/Schema.js';
import { consent } from './consent.js';

const options = ['consent', 'object'];

describe('consent', () => {
  it('passes on consent and on silence', () => {
    expect(consent.tally({ options, ballots: [] })).toMatchObject({
      outcome: 'passed',
      winners: ['consent'],
    });
    expect(consent.tally({ options, ballots: weighted(['ann', 1, { choice: 'consent' }]) }).outcome).toBe(
      'passed',
    );
  });

  it('is rejected by one reasoned objection, however light, and reports its reason', () => {
    // consent 99, object 1: weight plays no part; the one objection blocks.
    const result = consent.tally({
      options,
      ballots: weighted(
        ['ben', 99, { choice: 'consent' }],
        ['zoe', 1, { choice: 'object', reason: 'It breaks the on-call rota' }],
        ['amy', 1, { choice: 'object', reason: 'No budget line' }],
      ),
    });
    expect(result).toEqual({
      outcome: 'rejected',
      winners: [],
      totals: { consent: 99n, object: 2n },
      participation: 101n,
      voters: 3,
      notes: [
        { voter: 'amy', kind: 'objection', text: 'No budget line' },
        { voter: 'zoe', kind: 'objection', text: 'It breaks the on-call rota' },
      ],
    });
  });

  it('refuses an objection without a reason at the ballot schema', () => {
    for (const ballot of [{ choice: 'object' }, { choice: 'object', reason: '   ' }]) {
      const issues: SchemaIssue[] = [];
      expect(consent.ballot.validate(ballot, ['ballot'], issues)).toBe(false);
      expect(issues.map((issue) => issue.code)).toEqual(['charter/objection-without-reason']);
    }
    expect(consent.ballot.validate({ choice: 'object', reason: 'why' }, [], [])).toBe(true);
  });
});
