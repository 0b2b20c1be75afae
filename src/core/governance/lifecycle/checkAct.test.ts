// The lifecycle tests name the same shared fixtures (test/support/lifecycleFixtures.ts), by design.
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  DAY_S,
  openDecision,
  organizationOf,
  policyOf,
  refusalCode,
  T0,
  yesNoModule,
} from '../../../../test/support/lifecycleFixtures.js';
import type { Policy } from '../../model/Organization.js';
import { advise } from './advise.js';
import { castVote } from './castVote.js';
import { decide } from './decide.js';
import { execute } from './execute.js';
import { expire } from './expire.js';
import { object } from './object.js';
import type { Proposal } from './Proposal.js';
import { veto } from './veto.js';

const organization = organizationOf({
  members: ['ana', 'ben', 'cy', 'eve', 'zed'],
  roles: { council: ['ana', 'ben', 'cy'], guardians: ['eve'] },
});
const counting = yesNoModule();
const open = (policy: Policy, proposer = 'ana'): Proposal => openDecision({ organization, policy, proposer });

describe('acts on a counted proposal', () => {
  const policy = policyOf({
    rationale: 'required',
    veto: { by: [{ kind: 'role', role: 'guardians' }], window: DAY_S },
  });
  const proposal = open(policy);
  const vote = (voter: string, ballot: unknown, reason: string | null = 'because', now = T0) =>
    refusalCode(() =>
      castVote({
        proposal,
        voter,
        ballot: ballot as string,
        now,
        counting,
        ...(reason === null ? {} : { reason }),
      }),
    );

  it('accepts a council member’s reasoned vote and refuses everyone else', () => {
    expect(vote('ana', 'for')).toBe('accepted');
    expect(vote('zed', 'for')).toBe('proposal/not-in-electorate');
    expect(vote('eve', 'for')).toBe('proposal/not-in-electorate');
  });

  it('refuses a ballot of the wrong shape or for no option, and a vote without the required reason', () => {
    expect(vote('ana', 'maybe')).toBe('proposal/invalid-ballot');
    expect(vote('ana', 3)).toBe('proposal/invalid-ballot');
    expect(vote('ana', 'for', null)).toBe('proposal/reason-required');
    expect(vote('ana', 'for', '   ')).toBe('proposal/reason-required');
  });

  it('refuses votes after voting closes, and acts that do not belong to the method', () => {
    expect(vote('ana', 'for', 'late', T0 + 7 * DAY_MS)).toBe('proposal/wrong-phase');
    expect(refusalCode(() => object({ proposal, by: 'ana', reason: 'no', now: T0 }))).toBe(
      'proposal/wrong-method',
    );
    expect(refusalCode(() => decide({ proposal, by: 'ana', outcome: 'passed', reason: 'x', now: T0 }))).toBe(
      'proposal/wrong-method',
    );
    expect(
      refusalCode(() =>
        castVote({
          proposal: open(policyOf({ method: 'consent' })),
          voter: 'ana',
          ballot: 'for',
          now: T0,
          counting,
        }),
      ),
    ).toBe('proposal/wrong-method');
  });

  it('lets only a guardian veto, once, within the window, and execution waits for the window to end', () => {
    const passed = ['ana', 'ben'].reduce(
      (p, voter) => castVote({ proposal: p, voter, ballot: 'for', reason: 'yes', now: T0, counting }),
      proposal,
    );
    const windowOpen = T0 + 7 * DAY_MS;
    expect(
      refusalCode(() => veto({ proposal: passed, by: 'ana', reason: 'no', now: windowOpen, counting })),
    ).toBe('proposal/not-a-vetoer');
    expect(refusalCode(() => veto({ proposal: passed, by: 'eve', now: windowOpen, counting }))).toBe(
      'proposal/reason-required',
    );
    expect(refusalCode(() => veto({ proposal: passed, by: 'eve', reason: 'no', now: T0, counting }))).toBe(
      'proposal/wrong-phase',
    );
    expect(refusalCode(() => execute({ proposal: passed, by: 'ana', now: windowOpen, counting }))).toBe(
      'proposal/wrong-phase',
    );
    const ready = windowOpen + DAY_MS;
    const executed = execute({ proposal: passed, by: 'zed', now: ready, counting });
    expect(executed.executedAt).toBe(ready);
    expect(refusalCode(() => execute({ proposal: executed, by: 'zed', now: ready, counting }))).toBe(
      'proposal/wrong-phase',
    );
  });

  it('records an expiry only once the proposal has expired, and only once', () => {
    const passed = ['ana', 'ben'].reduce(
      (p, voter) => castVote({ proposal: p, voter, ballot: 'for', reason: 'yes', now: T0, counting }),
      proposal,
    );
    // ready at 7 + 1 days; expires 14 days later
    const expiry = T0 + 22 * DAY_MS;
    expect(refusalCode(() => expire({ proposal: passed, by: 'zed', now: expiry - 1, counting }))).toBe(
      'proposal/wrong-phase',
    );
    const expired = expire({ proposal: passed, by: 'zed', now: expiry, counting });
    expect(expired.expiredAt).toBe(expiry);
    expect(refusalCode(() => expire({ proposal: expired, by: 'zed', now: expiry, counting }))).toBe(
      'proposal/wrong-phase',
    );
  });
});

// Each method's acts are tried one refusal at a time, written out by design: a case reads as the
// rule it checks, and its neighbours differ only in who acts and the code refused.
describe('acts on consent, single owner and advice', () => {
  it('consent: deciders object with a reason; others may not', () => {
    const proposal = open(policyOf({ method: 'consent' }));
    expect(refusalCode(() => object({ proposal, by: 'ben', reason: '', now: T0 }))).toBe(
      'proposal/reason-required',
    );
    expect(refusalCode(() => object({ proposal, by: 'eve', reason: 'no', now: T0 }))).toBe(
      'proposal/not-a-decider',
    );
    expect(refusalCode(() => object({ proposal, by: 'ben', reason: 'too costly', now: T0 }))).toBe(
      'accepted',
    );
  });

  it('single owner: a decider decides, once', () => {
    const proposal = open(policyOf({ method: 'single-owner' }));
    expect(refusalCode(() => decide({ proposal, by: 'eve', outcome: 'passed', now: T0 }))).toBe(
      'proposal/not-a-decider',
    );
    const decided = decide({ proposal, by: 'cy', outcome: 'passed', now: T0 });
    expect(refusalCode(() => decide({ proposal: decided, by: 'cy', outcome: 'rejected', now: T0 }))).toBe(
      'proposal/wrong-phase',
    );
  });

  it('advice: consulted members advise; the proposer alone decides, and only once all have advised', () => {
    const policy = policyOf({
      method: 'advice',
      consultation: { period: DAY_S, with: [{ kind: 'role', role: 'guardians' }] },
    });
    const proposal = open(policy, 'ben');
    expect(refusalCode(() => decide({ proposal, by: 'ben', outcome: 'passed', now: T0 }))).toBe(
      'proposal/wrong-phase',
    );
    expect(refusalCode(() => advise({ proposal, by: 'ana', text: 'go', now: T0 }))).toBe(
      'proposal/not-consulted',
    );
    expect(refusalCode(() => advise({ proposal, by: 'eve', text: ' ', now: T0 }))).toBe(
      'proposal/advice-empty',
    );
    expect(
      refusalCode(() => advise({ proposal, by: 'eve', text: 'go', party: 'role:council', now: T0 })),
    ).toBe('proposal/not-consulted');
    const advised = advise({ proposal, by: 'eve', text: 'go', now: T0 });
    expect(advised.advice).toEqual([{ by: 'eve', party: 'role:guardians', text: 'go', at: T0 }]);
    expect(refusalCode(() => decide({ proposal: advised, by: 'ana', outcome: 'passed', now: T0 }))).toBe(
      'proposal/not-proposer',
    );
    expect(refusalCode(() => decide({ proposal: advised, by: 'ben', outcome: 'passed', now: T0 }))).toBe(
      'accepted',
    );
  });
});
