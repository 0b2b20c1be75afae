// The lifecycle tests name the same shared fixtures (test/support/lifecycleFixtures.ts), by design.
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  DAY_S,
  HOUR_MS,
  organizationOf,
  policyOf,
  T0,
  yesNoModule,
} from '../../../../test/support/lifecycleFixtures.js';
import type { Policy } from '../../model/Organization.js';
import { advise } from './advise.js';
import { castVote } from './castVote.js';
import { decide } from './decide.js';
import { execute } from './execute.js';
import { object } from './object.js';
import { openProposal } from './openProposal.js';
import type { Proposal } from './Proposal.js';
import { proposalFromJson, proposalToJson } from './proposalJson.js';
import { proposalStatus } from './proposalStatus.js';
import { veto } from './veto.js';

const organization = organizationOf({
  members: ['ana', 'ben', 'cy', 'dee', 'eve', 'fay'],
  roles: { council: ['ana', 'ben', 'cy', 'dee'], guardians: ['eve', 'fay', 'dee'], owners: ['ana'] },
  roleOptions: { guardians: { threshold: { num: 2n, den: 3n } } },
});
const counting = yesNoModule();

function open(policy: Policy, extra: { opensAt?: number; proposer?: string } = {}): Proposal {
  return openProposal({
    id: 'p-1',
    organization,
    unit: 'treasury',
    kind: 'decision',
    subject: { outcome: 'fund the audit' },
    proposer: extra.proposer ?? 'ana',
    policy,
    now: T0,
    ...(extra.opensAt === undefined ? {} : { opensAt: extra.opensAt }),
  });
}

const phaseAt = (proposal: Proposal, now: number) =>
  proposalStatus({ proposal, now, ...(proposal.policy.method === 'majority' ? { counting } : {}) }).phase;

describe('proposalStatus: a council majority with every module', () => {
  // Opens at T0 + 1h; consultation 1 day; voting 7 days; veto window 2 days; timelock 1 day.
  const policy = policyOf({
    quorum: { num: 1n, den: 2n },
    minVoters: 2,
    consultation: { period: DAY_S, with: [{ kind: 'role', role: 'guardians' }] },
    veto: { by: [{ kind: 'role', role: 'guardians' }], window: 2 * DAY_S },
    timelock: DAY_S,
  });
  const start = T0 + HOUR_MS;
  const votingStart = start + DAY_MS;
  const votingEnd = votingStart + 7 * DAY_MS;
  let proposal = open(policy, { opensAt: start });
  proposal = castVote({ proposal, voter: 'ana', ballot: 'for', now: votingStart, counting });
  proposal = castVote({ proposal, voter: 'ben', ballot: 'against', now: votingStart + 1, counting });
  proposal = castVote({ proposal, voter: 'cy', ballot: 'for', now: votingStart + 2, counting });

  it('walks draft → consultation → voting → veto window → timelock → passed → expired, from time alone', () => {
    expect(phaseAt(proposal, T0)).toBe('draft');
    expect(phaseAt(proposal, start)).toBe('consultation');
    expect(phaseAt(proposal, votingStart - 1)).toBe('consultation');
    expect(phaseAt(proposal, votingStart)).toBe('voting');
    expect(phaseAt(proposal, votingEnd - 1)).toBe('voting');
    expect(phaseAt(proposal, votingEnd)).toBe('veto-window');
    expect(phaseAt(proposal, votingEnd + 2 * DAY_MS)).toBe('timelock');
    expect(phaseAt(proposal, votingEnd + 3 * DAY_MS)).toBe('passed');
    // executable for 14 days from readiness (voting end + 3 days)
    expect(phaseAt(proposal, votingEnd + 17 * DAY_MS - 1)).toBe('passed');
    expect(phaseAt(proposal, votingEnd + 17 * DAY_MS)).toBe('expired');
  });

  it('says what happens next and when, and whether it may be executed now', () => {
    const voting = proposalStatus({ proposal, now: votingStart + 3, counting });
    expect(voting.next).toEqual({ phase: 'veto-window', at: votingEnd });
    expect(voting.executable).toBe(false);
    expect(voting.lifecycle).toBe('majority quorum=1/2 min-voters=2 veto=172800s timelock=86400s');
    const ready = proposalStatus({ proposal, now: votingEnd + 3 * DAY_MS, counting });
    expect(ready).toMatchObject({
      executable: true,
      passedAt: votingEnd,
      readyAt: votingEnd + 3 * DAY_MS,
      next: { phase: 'expired', at: votingEnd + 17 * DAY_MS },
    });
  });

  it('reports the tally and quorum progress so far', () => {
    const status = proposalStatus({ proposal, now: votingStart + 3, counting });
    // 4 council members, one vote each: for 2 (ana, cy), against 1 (ben)
    expect(status.tally?.totals).toEqual({ for: 2n, against: 1n, abstain: 0n });
    // quorum 1/2 of 4 = 2 needed, 3 took part; 2 voters needed, 3 voted
    expect(status.gates).toEqual([
      { gate: 'quorum', met: true, needed: 2n, have: 3n },
      { gate: 'min-voters', met: true, needed: 2n, have: 3n },
    ]);
  });

  it('is executed once execution is recorded', () => {
    const done = execute({ proposal, by: 'ben', now: votingEnd + 3 * DAY_MS, counting });
    expect(phaseAt(done, votingEnd + 30 * DAY_MS)).toBe('executed');
  });

  it('is vetoed when the guardians’ threshold of vetoes is reached within the window', () => {
    // 3 guardians at 2/3: ⌈2⌉ = 2 vetoes needed
    const once = veto({ proposal, by: 'eve', now: votingEnd + HOUR_MS, counting });
    expect(phaseAt(once, votingEnd + 2 * HOUR_MS)).toBe('veto-window');
    const twice = veto({ proposal: once, by: 'fay', now: votingEnd + 2 * HOUR_MS, counting });
    expect(phaseAt(twice, votingEnd + 2 * HOUR_MS)).toBe('vetoed');
    expect(proposalStatus({ proposal: twice, now: votingEnd + 30 * DAY_MS, counting })).toMatchObject({
      phase: 'vetoed',
      closedAt: votingEnd + 2 * HOUR_MS,
      reason: 'vetoed',
    });
  });

  it('is derived the same from the stored JSON form', () => {
    const again = proposalFromJson(JSON.parse(JSON.stringify(proposalToJson(proposal))));
    for (const now of [T0, votingStart, votingEnd, votingEnd + 3 * DAY_MS, votingEnd + 40 * DAY_MS])
      expect(proposalStatus({ proposal: again, now, counting })).toEqual(
        proposalStatus({ proposal, now, counting }),
      );
  });
});

describe('proposalStatus: counted outcomes', () => {
  const policy = policyOf({ quorum: { num: 1n, den: 2n } });
  const end = T0 + 7 * DAY_MS;
  const withVotes = (votes: [string, string][]) =>
    votes.reduce(
      (proposal, [voter, ballot], i) => castVote({ proposal, voter, ballot, now: T0 + i, counting }),
      open(policy),
    );

  it('rejects when quorum is missed, whatever the votes', () => {
    // 1 of 4 took part; quorum 1/2 needs 2
    const status = proposalStatus({ proposal: withVotes([['ana', 'for']]), now: end, counting });
    expect(status).toMatchObject({ phase: 'rejected', reason: 'quorum', closedAt: end });
  });

  it('rejects when against wins and reports a tie as such', () => {
    expect(
      proposalStatus({
        proposal: withVotes([
          ['ana', 'for'],
          ['ben', 'against'],
          ['cy', 'against'],
        ]),
        now: end,
        counting,
      }),
    ).toMatchObject({ phase: 'rejected', reason: 'outcome' });
    expect(
      proposalStatus({
        proposal: withVotes([
          ['ana', 'for'],
          ['ben', 'against'],
        ]),
        now: end,
        counting,
      }),
    ).toMatchObject({ phase: 'rejected', reason: 'tied' });
  });

  it('counts a voter’s latest ballot', () => {
    const changed = withVotes([
      ['ana', 'for'],
      ['ben', 'against'],
      ['ben', 'for'],
    ]);
    // ben changed to for: for 2, against 0
    expect(proposalStatus({ proposal: changed, now: end, counting })).toMatchObject({
      phase: 'passed',
      tally: { totals: { for: 2n, against: 0n, abstain: 0n } },
    });
  });
});

describe('proposalStatus: consent, single owner, advice and optimistic', () => {
  it('consent: the first reasoned objection rejects at once; without one, it passes when the window ends', () => {
    const proposal = open(policyOf({ method: 'consent', period: 3 * DAY_S }));
    expect(phaseAt(proposal, T0 + 3 * DAY_MS)).toBe('passed');
    const objected = object({ proposal, by: 'dee', reason: 'breaks the budget', now: T0 + DAY_MS });
    expect(proposalStatus({ proposal: objected, now: T0 + DAY_MS })).toMatchObject({
      phase: 'rejected',
      reason: 'objection',
      closedAt: T0 + DAY_MS,
    });
  });

  it('single owner: waits for an owner to decide, and expires after 14 undecided days', () => {
    const policy = policyOf({
      method: 'single-owner',
      propose: [{ kind: 'role', role: 'owners' }],
      deciders: [{ kind: 'role', role: 'owners' }],
    });
    const proposal = open(policy);
    expect(phaseAt(proposal, T0)).toBe('deciding');
    expect(phaseAt(proposal, T0 + 14 * DAY_MS)).toBe('expired');
    const decided = decide({ proposal, by: 'ana', outcome: 'passed', now: T0 + DAY_MS });
    expect(proposalStatus({ proposal: decided, now: T0 + DAY_MS })).toMatchObject({
      phase: 'passed',
      executable: true,
    });
    const refused = decide({ proposal, by: 'ana', outcome: 'rejected', now: T0 + DAY_MS });
    expect(proposalStatus({ proposal: refused, now: T0 + DAY_MS })).toMatchObject({
      phase: 'rejected',
      reason: 'decided-against',
    });
  });

  it('advice: consultation lasts until every consulted party has advised, then the proposer decides', () => {
    const policy = policyOf({
      method: 'advice',
      propose: [{ kind: 'role', role: 'council' }],
      consultation: {
        period: 2 * DAY_S,
        with: [
          { kind: 'role', role: 'guardians' },
          { kind: 'role', role: 'owners' },
        ],
      },
    });
    let proposal = open(policy, { proposer: 'ben' });
    expect(phaseAt(proposal, T0 + 5 * DAY_MS)).toBe('consultation');
    proposal = advise({ proposal, by: 'eve', text: 'fine by the guardians', now: T0 + DAY_MS });
    expect(phaseAt(proposal, T0 + DAY_MS)).toBe('consultation');
    proposal = advise({ proposal, by: 'ana', text: 'mind the cost', now: T0 + DAY_MS + 1 });
    expect(phaseAt(proposal, T0 + DAY_MS + 1)).toBe('deciding');
    proposal = decide({ proposal, by: 'ben', outcome: 'passed', now: T0 + DAY_MS + 2 });
    expect(phaseAt(proposal, T0 + DAY_MS + 2)).toBe('passed');
    // undecided, it expires 14 days after the 2-day consultation period
    expect(phaseAt(open(policy, { proposer: 'ben' }), T0 + 16 * DAY_MS)).toBe('expired');
  });

  it('optimistic: passes when it opens unless vetoed within the window', () => {
    const { period: _none, ...policy } = policyOf({
      method: 'optimistic',
      veto: { by: [{ kind: 'role', role: 'guardians' }], window: 3 * DAY_S },
    });
    const proposal = open(policy);
    expect(phaseAt(proposal, T0)).toBe('veto-window');
    expect(phaseAt(proposal, T0 + 3 * DAY_MS)).toBe('passed');
    const vetoed = veto({ proposal: veto({ proposal, by: 'eve', now: T0 + 1 }), by: 'dee', now: T0 + 2 });
    expect(phaseAt(vetoed, T0 + 3 * DAY_MS)).toBe('vetoed');
  });
});
