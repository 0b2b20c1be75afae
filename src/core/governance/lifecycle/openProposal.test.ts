// The lifecycle tests name the same shared fixtures (test/support/lifecycleFixtures.ts), by design.
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  organizationOf,
  policyOf,
  refusalCode,
  T0,
  yesNoModule,
} from '../../../../test/support/lifecycleFixtures.js';
import { openProposal } from './openProposal.js';
import type { ProposalKind } from './Proposal.js';

const organization = organizationOf({
  members: ['ana', 'ben', 'old', 'eve'],
  roles: { council: ['ana', 'ben', { member: 'old', until: T0 }] },
});
const base = {
  id: 'p-1',
  organization,
  unit: 'treasury',
  kind: 'decision' as ProposalKind,
  subject: { outcome: 'fund the audit' },
  proposer: 'ana',
  policy: policyOf(),
  now: T0,
};

describe('openProposal', () => {
  it('opens with the policy in force, a fixed electorate and yes/no options', () => {
    const proposal = openProposal(base);
    expect(proposal).toMatchObject({
      id: 'p-1',
      unit: 'treasury',
      proposer: 'ana',
      policy: base.policy,
      options: ['for', 'against', 'abstain'],
      openedAt: T0,
      ballots: [],
    });
    // old's term ended at T0: not in the electorate
    expect([...proposal.electorate.weights.keys()]).toEqual(['ana', 'ben']);
  });

  it('refuses a proposer outside the proposing parties at the moment, honouring terms', () => {
    expect(refusalCode(() => openProposal({ ...base, proposer: 'eve' }))).toBe('proposal/not-a-proposer');
    expect(refusalCode(() => openProposal({ ...base, proposer: 'old' }))).toBe('proposal/not-a-proposer');
    expect(refusalCode(() => openProposal({ ...base, proposer: 'old', now: T0 - 1 }))).toBe('accepted');
    expect(
      refusalCode(() =>
        openProposal({ ...base, proposer: 'eve', policy: policyOf({ propose: [{ kind: 'anyone' }] }) }),
      ),
    ).toBe('accepted');
  });

  it('refuses an unknown kind, bad options, a start in the past, and options missing where the method names them', () => {
    expect(refusalCode(() => openProposal({ ...base, kind: 'coup' as ProposalKind }))).toBe(
      'proposal/invalid-kind',
    );
    expect(refusalCode(() => openProposal({ ...base, options: ['yes'] }))).toBe('proposal/invalid-options');
    expect(refusalCode(() => openProposal({ ...base, options: ['a', 'a'] }))).toBe(
      'proposal/invalid-options',
    );
    expect(refusalCode(() => openProposal({ ...base, opensAt: T0 - 1 }))).toBe('proposal/opens-in-past');
    const named = { ...yesNoModule('approval'), rule: { ...yesNoModule().rule, multipleOptions: true } };
    expect(
      refusalCode(() => openProposal({ ...base, policy: policyOf({ method: 'approval' }), counting: named })),
    ).toBe('proposal/options-required');
  });

  it('fixes the electorate when it opens, not when it is made', () => {
    const proposal = openProposal({ ...base, proposer: 'old', now: T0 - DAY_MS, opensAt: T0 });
    expect(proposal.electorate.at).toBe(T0);
    expect(proposal.electorate.deciders).toEqual(['ana', 'ben']);
  });

  it('keeps only the delegations of the weight the policy counts, and refuses a malformed one', () => {
    const council = { kind: 'role', role: 'council' } as const;
    const proposal = openProposal({
      ...base,
      delegations: [
        { from: 'ana', scope: council, parts: [{ to: 'ben', share: { num: 1n, den: 1n } }] },
        {
          from: 'ben',
          scope: { kind: 'token', token: 'GOV' },
          parts: [{ to: 'ana', share: { num: 1n, den: 1n } }],
        },
        { from: 'eve', scope: council, parts: [{ to: 'ana', share: { num: 1n, den: 1n } }] },
      ],
    });
    // ben's token delegation does not concern an equal-weight council vote; eve has no council weight
    expect(proposal.delegations.map((d) => d.from)).toEqual(['ana']);
    expect(
      refusalCode(() =>
        openProposal({
          ...base,
          delegations: [{ from: 'ana', scope: council, parts: [{ to: 'ana', share: { num: 1n, den: 1n } }] }],
        }),
      ),
    ).toBe('proposal/invalid-delegation');
  });
});
