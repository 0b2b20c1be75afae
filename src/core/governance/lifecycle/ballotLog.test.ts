import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  openDecision,
  organizationOf,
  policyOf,
  T0,
} from '../../../../test/support/lifecycleFixtures.js';
import { COUNTING_MODULE_BY_METHOD } from '../counting/countingModules.js';
import { appendBallot, ballotLogOf } from './ballotLog.js';
import { castVote } from './castVote.js';
import { countBallots } from './countBallots.js';
import type { BallotRecord, Delegation, Proposal } from './Proposal.js';
import { proposalFromJson, proposalToJson } from './proposalJson.js';
import { proposalStatus } from './proposalStatus.js';

const VOTERS = ['ana', 'ben', 'cy', 'dee', 'eve', 'fay'];
const organization = organizationOf({ members: VOTERS, roles: { council: VOTERS } });
const counting = COUNTING_MODULE_BY_METHOD.majority;
// A quorum with a late-quorum extension, so the status walks the ballots as votes arrive.
const policy = policyOf({ quorum: { num: 1n, den: 3n }, lateQuorumExtension: 3600 });
const CHOICES = ['for', 'against', 'abstain'] as const;

const delegationsArb = fc.array(
  fc.record({
    from: fc.constantFrom(...VOTERS),
    to: fc.constantFrom(...VOTERS),
    num: fc.integer({ min: 1, max: 4 }),
  }),
  { maxLength: 4 },
);
// Few voters and many votes: most votes change the voter's earlier ballot.
const votesArb = fc.array(
  fc.record({ voter: fc.constantFrom(...VOTERS), choice: fc.constantFrom(...CHOICES) }),
  {
    maxLength: 40,
  },
);

function opened(parts: readonly { from: string; to: string; num: number }[]): Proposal {
  const seen = new Set<string>();
  const delegations: Delegation[] = [];
  for (const { from, to, num } of parts) {
    if (from === to || seen.has(from)) continue;
    seen.add(from);
    delegations.push({
      from,
      scope: { kind: 'role', role: 'council' },
      parts: [{ to, share: { num: BigInt(num), den: 4n } }],
    });
  }
  return openDecision({ organization, policy, proposer: 'ana', delegations });
}

/** What the ballot list was before the append-only log: a fresh copy with every vote. */
function copying(proposal: Proposal, records: readonly BallotRecord[]): Proposal {
  return { ...proposal, ballots: [...records] };
}

const settled = (proposal: Proposal, now: number) => {
  const status = proposalStatus({ proposal, now, counting });
  return { phase: status.phase, tally: status.tally, gates: status.gates, votingEnd: status.votingEnd };
};

describe('the append-only ballot log', () => {
  it('counts exactly as a copied list, at every state, and earlier states never see later votes', () => {
    fc.assert(
      fc.property(delegationsArb, votesArb, (delegationParts, votes) => {
        let proposal = opened(delegationParts);
        const states: Proposal[] = [proposal];
        const records: BallotRecord[] = [];
        for (const [i, { voter, choice }] of votes.entries()) {
          const now = T0 + 1000 + i;
          proposal = castVote({ proposal, voter, ballot: { choice }, reason: `#${i}`, now, counting });
          records.push({ voter, ballot: { choice }, reason: `#${i}`, at: now });
          states.push(proposal);
          // Through the status (the late-quorum walk and the count) while voting and after the close.
          const reference = copying(proposal, records);
          expect(settled(proposal, now + 1)).toEqual(settled(reference, now + 1));
        }
        const end = T0 + 30 * DAY_MS;
        expect(settled(proposal, end)).toEqual(settled(copying(proposal, records), end));
        for (const [n, state] of states.entries()) {
          expect(state.ballots).toEqual(records.slice(0, n));
          const before = T0 + 1000 + n;
          expect(countBallots({ proposal: state, counting, before })).toEqual(
            countBallots({ proposal: copying(state, records.slice(0, n)), counting, before }),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps a vote on an earlier state (a fork) apart from the votes cast after that state', () => {
    let proposal = opened([]);
    const states = [proposal];
    for (const [i, voter] of VOTERS.entries()) {
      proposal = castVote({ proposal, voter, ballot: { choice: 'for' }, now: T0 + 1000 + i, counting });
      states.push(proposal);
    }
    const fork = castVote({
      proposal: states[2]!,
      voter: 'fay',
      ballot: { choice: 'against' },
      now: T0 + 2000,
      counting,
    });
    expect(fork.ballots.map((b) => b.voter)).toEqual(['ana', 'ben', 'fay']);
    expect(proposal.ballots.map((b) => b.voter)).toEqual(VOTERS);
    expect(states[2]!.ballots.map((b) => b.voter)).toEqual(['ana', 'ben']);
    // A castVote call like countingModules.lifecycle.test.ts's, by design: each test spells out the ballot it
    // casts.
    const onLatest = castVote({
      proposal,
      voter: 'ana',
      ballot: { choice: 'abstain' },
      now: T0 + 3000,
      counting,
    });
    expect(onLatest.ballots).toHaveLength(VOTERS.length + 1);
    expect(proposal.ballots).toHaveLength(VOTERS.length);
  });

  it('appends in place only to the latest state of a list it made, never to a caller’s array', () => {
    const given: BallotRecord[] = [{ voter: 'ana', ballot: { choice: 'for' }, at: T0 }];
    const one = appendBallot(ballotLogOf({ ballots: given }), {
      voter: 'ben',
      ballot: { choice: 'for' },
      at: T0 + 1,
    });
    expect(given).toHaveLength(1);
    const two = appendBallot(one, { voter: 'cy', ballot: { choice: 'for' }, at: T0 + 2 });
    expect(two.shared).toBe(one.shared);
    const sibling = appendBallot(one, { voter: 'dee', ballot: { choice: 'for' }, at: T0 + 3 });
    expect(sibling.shared).not.toBe(one.shared);
    expect(sibling.shared.slice(0, sibling.length).map((b) => b.voter)).toEqual(['ana', 'ben', 'dee']);
    expect(two.shared.slice(0, two.length).map((b) => b.voter)).toEqual(['ana', 'ben', 'cy']);
  });

  it('writes and reads back the same JSON as a proposal whose ballots are a plain list', () => {
    let proposal = opened([]);
    for (const [i, voter] of VOTERS.entries())
      proposal = castVote({
        proposal,
        voter,
        ballot: { choice: 'for' },
        reason: 'yes',
        now: T0 + 1000 + i,
        counting,
      });
    const plain = copying(proposal, proposal.ballots);
    expect(JSON.stringify(proposalToJson(proposal))).toBe(JSON.stringify(proposalToJson(plain)));
    expect(proposalFromJson(JSON.parse(JSON.stringify(proposalToJson(proposal))))).toEqual(plain);
  });
});
