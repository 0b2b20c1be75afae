import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotsArbitrary, expectPlainTotals, weighted } from '../../../../test/support/weightedBallots.js';
import { approval } from './approval.js';

const options = ['a', 'b', 'c'];

describe('approval', () => {
  const ballots = weighted(
    ['alice', 5, { approve: ['a', 'b'] }],
    ['bob', 3, { approve: ['b'] }],
    ['carol', 4, { approve: ['c', 'a'] }],
    ['dave', 2, { approve: [] }],
  );

  it('gives every approved option the voter’s full weight; the most approved win', () => {
    // a: alice 5 + carol 4 = 9; b: alice 5 + bob 3 = 8; c: carol 4. Participation 5 + 3 + 4 + 2 = 14.
    expect(approval.tally({ options, ballots })).toEqual({
      outcome: 'decided',
      winners: ['a'],
      totals: { a: 9n, b: 8n, c: 4n },
      participation: 14n,
      voters: 4,
    });
    expect(approval.tally({ options, ballots, winners: 2 }).winners).toEqual(['a', 'b']);
  });

  it('is tied when the last winning place is shared, listing only the options above the tie', () => {
    // a 4 + 1 = 5, b 5, c 2: one winner, a and b level at 5.
    const level = weighted(
      ['x', 4, { approve: ['a'] }],
      ['y', 1, { approve: ['a', 'c'] }],
      ['z', 5, { approve: ['b'] }],
    );
    expect(approval.tally({ options, ballots: level })).toMatchObject({ outcome: 'tied', winners: [] });
    // Two winners: a and b both in, clear of c.
    expect(approval.tally({ options, ballots: level, winners: 2 })).toMatchObject({
      outcome: 'decided',
      winners: ['a', 'b'],
    });
  });

  it('never elects an option nobody approved, and rejects when nothing was approved', () => {
    expect(
      approval.tally({ options, ballots: weighted(['x', 3, { approve: ['c'] }]), winners: 2 }),
    ).toMatchObject({
      outcome: 'decided',
      winners: ['c'],
    });
    expect(approval.tally({ options, ballots: weighted(['x', 3, { approve: [] }]) })).toMatchObject({
      outcome: 'rejected',
      winners: [],
      participation: 3n,
    });
  });

  it('refuses a ballot naming an unknown option or one option twice', () => {
    expect(approval.checkBallot({ ballot: { approve: ['a', 'd'] }, options })).toBe(
      "'d' is not one of the options (a, b, c)",
    );
    expect(approval.checkBallot({ ballot: { approve: ['b', 'b'] }, options })).toBe("'b' is named twice");
    expect(approval.checkBallot({ ballot: { approve: ['c', 'a'] }, options })).toBeUndefined();
  });

  it('follows the tie rule: a winner always has strictly more weight than every option left out', () => {
    const ballot = fc.subarray(options).map((approve) => ({ approve }));
    fc.assert(
      fc.property(ballotsArbitrary(ballot), fc.integer({ min: 1, max: 3 }), (cast, winners) => {
        const result = approval.tally({ options, ballots: cast, winners });
        const total = (o: string) => result.totals[o]!;
        const losers = options.filter((o) => !result.winners.includes(o));
        for (const winner of result.winners) {
          for (const loser of losers) expect(total(winner)).toBeGreaterThan(total(loser));
        }
        if (result.outcome === 'decided')
          expect(result.winners.length).toBe(Math.min(winners, options.filter((o) => total(o) > 0n).length));
        if (result.outcome === 'tied') expect(result.winners.length).toBeLessThan(winners);
      }),
    );
  });
});

describe('approval, counted in doubles where exact', () => {
  it('gives each option the sum of the weights that approve it, at every size, names repeated or not', () => {
    const options = ['a', 'b', 'c'];
    const weight = fc.oneof(
      fc.bigInt({ min: 0n, max: 1000n }),
      fc.bigInt({ min: (1n << 64n) - 1000n, max: (1n << 64n) + 1000n }),
      fc.bigInt({ min: 0n, max: 1n << 100n }),
    );
    expectPlainTotals({
      module: approval,
      options,
      ballot: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 5 }).map((names) => ({ approve: names })),
      weight,
      amounts: (w, ballot) => ballot.approve.map((name) => [name, w] as const),
      winners: 2,
    });
  });

  it('still counts a name that is not an option, as the plain count does', () => {
    // 5 on a and z: z appears after the options' own totals.
    const result = approval.tally({ options: ['a'], ballots: weighted(['x', 5, { approve: ['a', 'z'] }]) });
    expect(result.totals).toEqual({ a: 5n, z: 5n });
  });
});
