import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotsArbitrary, weighted } from '../../../../test/support/weightedBallots.js';
import { rankedChoice } from './rankedChoice.js';

const rank = (...ranking: string[]) => ({ ranking });

describe('rankedChoice', () => {
  it("elects Knoxville in Wikipedia's Tennessee capital example", () => {
    // Source: Wikipedia, "Instant-runoff voting", example "Tennessee and its four major cities"
    // (https://en.wikipedia.org/wiki/Instant-runoff_voting). Voters, as shares of the electorate:
    // 42% Memphis > Nashville > Chattanooga > Knoxville; 26% Nashville > Chattanooga > Knoxville > Memphis;
    // 15% Chattanooga > Knoxville > Nashville > Memphis; 17% Knoxville > Chattanooga > Nashville > Memphis.
    const options = ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'];
    const result = rankedChoice.tally({
      options,
      ballots: weighted(
        ['memphis', 42, rank('Memphis', 'Nashville', 'Chattanooga', 'Knoxville')],
        ['nashville', 26, rank('Nashville', 'Chattanooga', 'Knoxville', 'Memphis')],
        ['chattanooga', 15, rank('Chattanooga', 'Knoxville', 'Nashville', 'Memphis')],
        ['knoxville', 17, rank('Knoxville', 'Chattanooga', 'Nashville', 'Memphis')],
      ),
    });
    // Round 1: M 42, N 26, C 15, K 17 — nobody over 50; Chattanooga (15) is eliminated, its 15 go to Knoxville.
    // Round 2: M 42, N 26, K 32 — Nashville (26) is eliminated; its next choice Chattanooga is out, so Knoxville.
    // Round 3: M 42, K 58 — 2 · 58 = 116 > 100: Knoxville wins (the published result).
    expect(result.rounds).toEqual([
      {
        totals: { Memphis: 42n, Nashville: 26n, Chattanooga: 15n, Knoxville: 17n },
        eliminated: 'Chattanooga',
      },
      { totals: { Memphis: 42n, Nashville: 26n, Knoxville: 32n }, eliminated: 'Nashville' },
      { totals: { Memphis: 42n, Knoxville: 58n } },
    ]);
    expect(result).toMatchObject({
      outcome: 'decided',
      winners: ['Knoxville'],
      totals: { Memphis: 42n, Nashville: 0n, Chattanooga: 0n, Knoxville: 58n },
      participation: 100n,
    });
  });

  it("reproduces the published runoff of Maine's 2nd congressional district, 2018", () => {
    // Source: the Maine Secretary of State's ranked-choice tabulation of 15 November 2018, as reported
    // in the Island Ad-Vantages, 22 November 2018 ("Golden edges out Poliquin with RCV",
    // http://islandadvantages.com/news/2018/nov/20/golden-edges-out-poliquin-with-rcv/):
    // first round Poliquin 131,631, Golden 128,999; the two independents' ballots transferred
    // 4,695 to Poliquin and 10,232 to Golden; final round Golden 50.53%, Poliquin 49.47%.
    // The article gives the independents' transfers, not each independent's first-round count, so
    // their 4,695 + 10,232 = 14,927 ballots are modelled under one option; ballots that ranked
    // neither finalist are exhausted and would not change the final round.
    const options = ['Poliquin', 'Golden', 'Independent'];
    const result = rankedChoice.tally({
      options,
      ballots: weighted(
        ['poliquin-first', 131_631, rank('Poliquin')],
        ['golden-first', 128_999, rank('Golden')],
        ['independent-then-poliquin', 4_695, rank('Independent', 'Poliquin')],
        ['independent-then-golden', 10_232, rank('Independent', 'Golden')],
      ),
    });
    // Round 1: 131,631 + 128,999 + 14,927 = 275,557 counted; Poliquin's 2 · 131,631 = 263,262 ≤ 275,557.
    // Round 2: Golden 128,999 + 10,232 = 139,231; Poliquin 131,631 + 4,695 = 136,326.
    expect(result.rounds).toEqual([
      { totals: { Poliquin: 131_631n, Golden: 128_999n, Independent: 14_927n }, eliminated: 'Independent' },
      { totals: { Poliquin: 136_326n, Golden: 139_231n } },
    ]);
    expect(result.winners).toEqual(['Golden']);
    // Golden's share of the final round to two decimals: 139,231 · 10,000 / 275,557 = 5,052.7 → 50.53%.
    const golden = result.totals['Golden']!;
    const counted = golden + result.totals['Poliquin']!;
    expect(Number((golden * 10_000n + counted / 2n) / counted) / 100).toBe(50.53);
  });

  it('breaks a tie for fewest by the round before (backwards), not by listing order', () => {
    // A 10 [A]; B 8 [B, A]; C 5 [C, B]; D 3 [D, C, B]; 26 in all.
    // Round 1: A 10, B 8, C 5, D 3 → D out, its 3 go to C.
    // Round 2: A 10, B 8, C 8 → B and C tie for fewest; in round 1 C had 5 < B's 8, so C goes; its 8 go to B.
    // Round 3: A 10, B 16 → 2 · 16 = 32 > 26: B wins. (Eliminating B instead would have given A 18.)
    const result = rankedChoice.tally({
      options: ['A', 'B', 'C', 'D'],
      ballots: weighted(
        ['a', 10, rank('A')],
        ['b', 8, rank('B', 'A')],
        ['c', 5, rank('C', 'B')],
        ['d', 3, rank('D', 'C', 'B')],
      ),
    });
    expect(result.rounds?.map((round) => round.eliminated)).toEqual(['D', 'C', undefined]);
    expect(result.winners).toEqual(['B']);
  });

  it('eliminates options tied all the way back together, and is tied when that would leave none', () => {
    // A 5 [A]; B 3 [B]; C 1 [C, B]; D 1 [D, B]; 10 in all.
    // Round 1: C and D tie at 1 with no earlier round → both out together; their 2 go to B.
    // Round 2: A 5, B 5 → level; in round 1 B had 3 < 5, so B goes; its ballots rank nobody else.
    // Round 3: A 5 of 5 counted (5 exhausted): 2 · 5 > 5, A wins.
    const result = rankedChoice.tally({
      options: ['A', 'B', 'C', 'D'],
      ballots: weighted(
        ['a', 5, rank('A')],
        ['b', 3, rank('B')],
        ['c', 1, rank('C', 'B')],
        ['d', 1, rank('D', 'B')],
      ),
    });
    expect(result.rounds?.[0]).toEqual({
      totals: { A: 5n, B: 3n, C: 1n, D: 1n },
      eliminated: 'C',
      eliminatedTogether: ['C', 'D'],
    });
    expect(result.rounds?.[2]).toEqual({ totals: { A: 5n } });
    expect(result.winners).toEqual(['A']);

    const level = rankedChoice.tally({
      options: ['A', 'B'],
      ballots: weighted(['a', 4, rank('A', 'B')], ['b', 4, rank('B', 'A')]),
    });
    expect(level).toMatchObject({ outcome: 'tied', winners: [], rounds: [{ totals: { A: 4n, B: 4n } }] });
  });

  it('rejects when no ballot ranks anything', () => {
    expect(rankedChoice.tally({ options: ['A'], ballots: weighted(['a', 3, rank()]) })).toMatchObject({
      outcome: 'rejected',
      participation: 3n,
    });
    expect(rankedChoice.tally({ options: ['A', 'B'], ballots: [] }).outcome).toBe('rejected');
  });

  it('refuses a ranking naming an unknown option or one option twice', () => {
    expect(rankedChoice.checkBallot({ ballot: rank('A', 'A'), options: ['A', 'B'] })).toBe(
      "'A' is named twice",
    );
    expect(rankedChoice.checkBallot({ ballot: rank('Z'), options: ['A', 'B'] })).toBe(
      "'Z' is not one of the options (A, B)",
    );
  });

  it('with two options, elects the one with more first preferences and is tied when they are level', () => {
    const ballot = fc.constantFrom(rank('A', 'B'), rank('B', 'A'), rank('A'), rank('B'));
    fc.assert(
      fc.property(ballotsArbitrary(ballot), (ballots) => {
        const first = (o: string) =>
          ballots.filter((b) => b.ballot.ranking[0] === o).reduce((a, b) => a + b.weight, 0n);
        const result = rankedChoice.tally({ options: ['A', 'B'], ballots });
        const [a, b] = [first('A'), first('B')];
        const expected = a + b === 0n ? [] : a > b ? ['A'] : b > a ? ['B'] : [];
        expect(result.winners).toEqual(expected);
        if (a === b && a > 0n) expect(result.outcome).toBe('tied');
      }),
    );
  });
});
