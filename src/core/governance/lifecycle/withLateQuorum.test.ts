// The lifecycle tests name the same shared fixtures (test/support/lifecycleFixtures.ts), by design.
import { describe, expect, it } from 'vitest';
import {
  councilOf,
  DAY_MS,
  DAY_S,
  HOUR_MS,
  openDecision,
  policyOf,
  T0,
  yesNoModule,
} from '../../../../test/support/lifecycleFixtures.js';
import { castVote } from './castVote.js';
import type { Proposal } from './Proposal.js';
import { proposalStatus } from './proposalStatus.js';
import { quorumGate } from './quorumGate.js';
import { quorumReachedAt } from './withLateQuorum.js';

// Ten council members, quorum 1/2 (5 votes), 7 days of voting, late-quorum extension 1 day.
const members = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9'];
const organization = councilOf(members);
const policy = policyOf({ quorum: { num: 1n, den: 2n }, lateQuorumExtension: DAY_S });
const counting = yesNoModule();
const end = T0 + 7 * DAY_MS;

function votesAt(times: number[]): Proposal {
  return times.reduce(
    (proposal, now, i) => castVote({ proposal, voter: members[i]!, ballot: 'for', now, counting }),
    openDecision({ organization, policy, proposer: 'm0' }),
  );
}

describe('withLateQuorum', () => {
  it('extends voting to a day after the ballot that first reached quorum late', () => {
    const late = end - HOUR_MS;
    // four early votes, the fifth (quorum: 5 of 10) an hour before the end
    const proposal = votesAt([T0, T0 + 1, T0 + 2, T0 + 3, late]);
    const status = proposalStatus({ proposal, now: end, counting });
    // new end: (end − 1 h) + 24 h = end + 23 h
    expect(status.votingEnd).toBe(late + DAY_MS);
    expect(status.phase).toBe('voting');
    expect(status.lifecycle).toBe('majority quorum=1/2 late-quorum=86400s');
    // a ballot in the extension is accepted and counted
    const answered = castVote({ proposal, voter: 'm5', ballot: 'against', now: end + HOUR_MS, counting });
    expect(proposalStatus({ proposal: answered, now: late + DAY_MS, counting }).tally?.totals).toEqual({
      for: 5n,
      against: 1n,
      abstain: 0n,
    });
  });

  it('leaves the end alone when quorum was reached early, or never', () => {
    const early = votesAt([T0, T0 + 1, T0 + 2, T0 + 3, T0 + DAY_MS]);
    expect(proposalStatus({ proposal: early, now: T0, counting }).votingEnd).toBe(end);
    const never = votesAt([T0, end - 1]);
    expect(proposalStatus({ proposal: never, now: T0, counting }).votingEnd).toBe(end);
    expect(proposalStatus({ proposal: never, now: end, counting })).toMatchObject({
      phase: 'rejected',
      reason: 'quorum',
    });
  });

  it('finds the instant quorum is first reached, counting delegated weight as it arrives', () => {
    // m9 delegates all to m0: when m0 votes first, it carries 2 of 10; quorum 1/2 needs 5
    const proposal = openDecision({
      organization,
      policy,
      proposer: 'm0',
      delegations: [
        {
          from: 'm9',
          scope: { kind: 'role', role: 'council' },
          parts: [{ to: 'm0', share: { num: 1n, den: 1n } }],
        },
      ],
    });
    let voted = castVote({ proposal, voter: 'm0', ballot: 'for', now: T0 + 10, counting });
    voted = castVote({ proposal: voted, voter: 'm1', ballot: 'for', now: T0 + 20, counting });
    // m9 votes itself: the 1 it lent comes back, m0 carries 1; total so far m0 1 + m1 1 + m9 1 = 3
    voted = castVote({ proposal: voted, voter: 'm9', ballot: 'for', now: T0 + 30, counting });
    voted = castVote({ proposal: voted, voter: 'm2', ballot: 'for', now: T0 + 40, counting });
    expect(quorumReachedAt(voted, quorumGate(policy.quorum!), end)).toBeUndefined();
    voted = castVote({ proposal: voted, voter: 'm3', ballot: 'for', now: T0 + 50, counting });
    // m0, m1, m9, m2, m3 = 5
    expect(quorumReachedAt(voted, quorumGate(policy.quorum!), end)).toBe(T0 + 50);
  });

  it('gives the same answer when resuming its walk, walking afresh, or branching from a shared prefix', () => {
    const prefix = votesAt([T0, T0 + 1, T0 + 2]);
    const gate = quorumGate(policy.quorum!);
    // two histories from the same three ballots: one reaches quorum (5 of 10) at T0 + 4, one never does
    const reaching = [3, 4].reduce(
      (p, i) => castVote({ proposal: p, voter: members[i]!, ballot: 'for', now: T0 + i, counting }),
      prefix,
    );
    const stalling = castVote({ proposal: prefix, voter: 'm3', ballot: 'for', now: T0 + 3, counting });
    expect(quorumReachedAt(prefix, gate, end)).toBeUndefined();
    expect(quorumReachedAt(reaching, gate, end)).toBe(T0 + 4);
    expect(quorumReachedAt(stalling, gate, end)).toBeUndefined();
    expect(quorumReachedAt(reaching, gate, end)).toBe(T0 + 4);
    // a copy of the records (as read back from storage) is walked from the start, to the same answer
    const copied = { ...reaching, ballots: reaching.ballots.map((b) => ({ ...b })) };
    expect(quorumReachedAt(copied, gate, end)).toBe(T0 + 4);
    expect(quorumReachedAt(stalling, gate, end)).toBeUndefined();
  });
});
