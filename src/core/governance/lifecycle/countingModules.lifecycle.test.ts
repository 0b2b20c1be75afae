import { describe, expect, it } from 'vitest';
import { councilOf, DAY_MS, policyOf, refusalCode, T0 } from '../../../../test/support/lifecycleFixtures.js';
import { COUNTING_MODULE_BY_METHOD } from '../counting/countingModules.js';
import { castVote } from './castVote.js';
import { openProposal } from './openProposal.js';
import { proposalStatus } from './proposalStatus.js';

// The lifecycle driven by the counting modules themselves, token-weighted with a delegation.
const organization = councilOf(['ana', 'ben', 'cy']);
const holdings = new Map([
  ['ana', 600n],
  ['ben', 300n],
  ['cy', 100n],
]);
const end = T0 + 7 * DAY_MS;

describe('the lifecycle through the counting modules', () => {
  it('majority: takes the module’s ballots and options, resolves delegation and counts at the close', () => {
    const counting = COUNTING_MODULE_BY_METHOD.majority;
    let proposal = openProposal({
      id: 'p',
      organization,
      unit: 'u',
      kind: 'decision',
      subject: {},
      proposer: 'ben',
      policy: policyOf({ weight: { kind: 'token', token: 'GOV' }, quorum: { num: 1n, den: 2n } }),
      holdings,
      delegations: [
        {
          from: 'ana',
          scope: { kind: 'token', token: 'GOV' },
          parts: [{ to: 'cy', share: { num: 1n, den: 2n } }],
        },
      ],
      now: T0,
      counting,
    });
    expect(proposal.options).toEqual(['for', 'against', 'abstain']);
    expect(refusalCode(() => castVote({ proposal, voter: 'ben', ballot: 'for', now: T0, counting }))).toBe(
      'proposal/invalid-ballot',
    );
    proposal = castVote({ proposal, voter: 'ben', ballot: { choice: 'against' }, now: T0, counting });
    proposal = castVote({ proposal, voter: 'cy', ballot: { choice: 'for' }, now: T0 + 1, counting });
    // ana did not vote: half her 600 goes with cy. for = 100 + 300 = 400, against = 300;
    // participation 700 of 1,000 ≥ 1/2
    expect(proposalStatus({ proposal, now: end, counting })).toMatchObject({
      phase: 'passed',
      tally: { totals: { for: 400n, against: 300n, abstain: 0n } },
      gates: [{ gate: 'quorum', met: true, needed: 500n, have: 700n }],
    });
    // A castVote call like ballotLog.test.ts's, by design: each test spells out the ballot it casts.
    // ana votes against herself: her 600 all counts against, cy back to 100. for 100, against 900
    const overridden = castVote({
      proposal,
      voter: 'ana',
      ballot: { choice: 'against' },
      now: T0 + 2,
      counting,
    });
    expect(proposalStatus({ proposal: overridden, now: end, counting })).toMatchObject({
      phase: 'rejected',
      tally: { totals: { for: 100n, against: 900n, abstain: 0n } },
    });
  });

  it('approval: needs named options and refuses a ballot naming an unknown one', () => {
    const counting = COUNTING_MODULE_BY_METHOD.approval;
    const base = {
      id: 'p',
      organization,
      unit: 'u',
      kind: 'decision' as const,
      subject: {},
      proposer: 'ben',
      policy: policyOf({ method: 'approval' }),
      now: T0,
      counting,
    };
    expect(refusalCode(() => openProposal(base))).toBe('proposal/options-required');
    let proposal = openProposal({ ...base, options: ['red', 'green', 'blue'] });
    expect(
      refusalCode(() =>
        castVote({ proposal, voter: 'ana', ballot: { approve: ['mauve'] }, now: T0, counting }),
      ),
    ).toBe('proposal/invalid-ballot');
    proposal = castVote({ proposal, voter: 'ana', ballot: { approve: ['red', 'green'] }, now: T0, counting });
    proposal = castVote({ proposal, voter: 'ben', ballot: { approve: ['green'] }, now: T0, counting });
    // green 2, red 1: green wins
    expect(proposalStatus({ proposal, now: end, counting })).toMatchObject({
      phase: 'passed',
      tally: { outcome: 'decided', winners: ['green'] },
    });
  });
});
