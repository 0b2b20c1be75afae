import { describe, expect, it } from 'vitest';
import { makeRatio } from '../ratio/Ratio.js';
import { votingReport } from './votingReport.js';

describe('votingReport', () => {
  const proposals = [
    { id: 'P', proposer: 'a' },
    { id: 'Q', proposer: 'a' },
  ];
  const votes = [
    { proposal: 'P', voter: 'x', weight: 3n },
    { proposal: 'P', voter: 'y', weight: 1n },
    { proposal: 'Q', voter: 'x', weight: 2n },
  ];

  it('computes the worked example', () => {
    const report = votingReport({ proposals, votes });
    expect(report.distinctVoters).toBe(2);
    expect(report.distinctProposers).toBe(1);
    // (2 voters on P + 1 on Q) / (2 proposals · 2 voters) = 3/4
    expect(report.participation.ratio).toEqual(makeRatio(3n, 4n));
    expect(report.votesPerProposal.ratio).toEqual(makeRatio(3n, 2n));
    // power x 5, y 1: HHI (25 + 1) / 36 = 13/18; Nakamoto 1 (5 > 6/2)
    expect(report.voters.herfindahl.ratio).toEqual(makeRatio(13n, 18n));
    expect(report.voters.nakamoto.count).toBe(1);
  });

  it('counts two addresses of one entity once per proposal', () => {
    const report = votingReport({ proposals, votes, entities: new Map([['y', 'x']]) });
    // One entity x with 6; it voted on both proposals: 2 / (2 · 1) = 1.
    expect(report.distinctVoters).toBe(1);
    expect(report.participation.ratio).toEqual(makeRatio(1n, 1n));
    expect(report.voters.total).toBe(6n);
  });

  it('counts a proposal known only from its votes, and is zero with nothing', () => {
    expect(votingReport({ proposals: [], votes: [votes[0]!] }).proposals).toBe(1);
    const empty = votingReport({ proposals: [], votes: [] });
    expect([empty.participation.value, empty.votesPerProposal.value, empty.voters.total]).toEqual([0, 0, 0n]);
  });
});
