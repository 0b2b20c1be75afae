import { describe, expect, it } from 'vitest';
import type { Organization, Party, Policy, Role, RoleScope } from '../model/Organization.js';
import { makeRatio } from '../ratio/Ratio.js';
import { describeParties, describePolicy, describeWeight, explainPolicy } from './describePolicy.js';

const DAY = 86_400;

function role(id: string, name: string, scope: RoleScope): Role {
  return { id, name, scope, members: [], open: false, weight: { kind: 'equal' } };
}

const organization: Organization = {
  id: 'lumen',
  name: 'Lumen',
  kind: 'web3',
  tokens: [],
  dimensions: [],
  members: [],
  roles: [
    role('founders', 'Founders', 'team'),
    role('core-team', 'Core team', 'team'),
    role('risk-council', 'Risk council', 'council'),
    role('security-council', 'Security council', 'council'),
    role('lum-holders', 'LUM holders', 'community'),
  ],
  ladders: [],
  metrics: [],
  units: [],
};

const r = (id: string): Party => ({ kind: 'role', role: id });
const EVERY_MEMBER: Party = { kind: 'members' };

/** The default ladder's Delegated level, with the dao template's bindings. */
const delegated: Policy = {
  propose: [r('risk-council'), r('core-team')],
  consultation: { period: 7 * DAY, with: [EVERY_MEMBER] },
  method: 'majority',
  deciders: [r('risk-council')],
  weight: { kind: 'equal' },
  quorum: makeRatio(1n, 2n),
  period: 5 * DAY,
  veto: { by: [r('core-team')], window: 3 * DAY },
  timelock: 0,
  rationale: 'required',
};

/** Token holders deciding upgrades by a two-thirds supermajority, behind a 14-day exit window. */
const community: Policy = {
  propose: [r('lum-holders')],
  method: 'supermajority',
  deciders: [r('lum-holders')],
  weight: { kind: 'token', token: 'LUM' },
  threshold: makeRatio(2n, 3n),
  quorum: makeRatio(1n, 25n),
  period: 7 * DAY,
  lateQuorumExtension: 2 * DAY,
  veto: { by: [r('security-council')], window: 7 * DAY },
  timelock: 14 * DAY,
  rationale: 'required',
};

const founder: Policy = {
  propose: [r('founders')],
  method: 'single-owner',
  deciders: [r('founders')],
  weight: { kind: 'equal' },
  timelock: 0,
  rationale: 'optional',
};

describe('describePolicy', () => {
  it('renders a delegated policy on one line, modules in a fixed order', () => {
    expect(describePolicy({ policy: delegated, organization })).toBe(
      'propose: Risk council and Core team · consult: every member 7d · decide: majority of Risk council, one vote each, quorum 50%, 5d · veto: Core team within 3d · rationale required',
    );
  });

  it('renders a weighted supermajority with its exact threshold, late-quorum extension and timelock', () => {
    // 2/3 is shown as 66.7% with the exact fraction; 1/25 is exactly 4%.
    expect(describePolicy({ policy: community, organization })).toBe(
      'propose: LUM holders · decide: supermajority of LUM holders, weighted by LUM held, threshold 66.7% (2/3), quorum 4%, 7d, late-quorum +2d · veto: Security council within 7d · timelock 14d · rationale required',
    );
  });

  it('leaves out what a method does not use: a single owner casts no weighted votes', () => {
    expect(describePolicy({ policy: founder, organization })).toBe(
      'propose: Founders · decide: single-owner of Founders',
    );
  });

  it('renders approval voting with its winners and minimum voters', () => {
    const approval: Policy = {
      propose: [r('core-team')],
      method: 'approval',
      deciders: [r('lum-holders')],
      weight: { kind: 'reputation', name: 'karma' },
      winners: 3,
      minVoters: 10,
      period: 7 * DAY,
      timelock: 0,
      rationale: 'optional',
    };
    expect(describePolicy({ policy: approval, organization })).toBe(
      'propose: Core team · decide: approval of LUM holders, weighted by karma reputation, 3 winners, min 10 voters, 7d',
    );
  });

  it('is stable: the order fields were written in does not change the line', () => {
    const reordered = Object.fromEntries(Object.entries(community).reverse()) as unknown as Policy;
    expect(describePolicy({ policy: reordered, organization })).toBe(
      describePolicy({ policy: community, organization }),
    );
  });

  it('falls back to the role id for a role the organization does not list', () => {
    expect(describePolicy({ policy: { ...founder, propose: [r('ghost')] }, organization })).toBe(
      'propose: ghost · decide: single-owner of Founders',
    );
  });
});

describe('describeParties and describeWeight', () => {
  it('joins names for a sentence', () => {
    expect(describeParties({ parties: [], organization })).toBe('nobody');
    expect(describeParties({ parties: [{ kind: 'anyone' }], organization })).toBe('anyone');
    expect(
      describeParties({ parties: [r('core-team'), r('risk-council'), EVERY_MEMBER], organization }),
    ).toBe('Core team, Risk council and every member');
  });

  it('says how votes are weighed', () => {
    expect(describeWeight({ kind: 'equal' })).toBe('one vote each');
    expect(describeWeight({ kind: 'token', token: 'LUM' })).toBe('weighted by LUM held');
    expect(describeWeight({ kind: 'reputation', name: 'karma' })).toBe('weighted by karma reputation');
  });
});

describe('explainPolicy', () => {
  it('explains a delegated policy module by module', () => {
    expect(explainPolicy({ policy: delegated, organization })).toEqual({
      propose: 'Risk council and Core team may propose.',
      consultation: 'Before a decision, every member is consulted for 7 days.',
      decide:
        "Risk council decides by simple majority: more than half of the weight cast for or against; one vote each; at least 50% of the electorate's weight must take part; voting stays open for 5 days.",
      veto: 'Core team may veto a passed decision within 3 days.',
      delay: 'A passed decision takes effect at once.',
      rationale: 'Every decision is published with its rationale.',
    });
  });

  it('explains the threshold, late-quorum extension and exit window of a supermajority', () => {
    const explanation = explainPolicy({ policy: community, organization });
    expect(explanation.decide).toBe(
      "LUM holders decide by supermajority; weighted by LUM held; at least 66.7% (2/3) of the weight cast must be in favour; at least 4% of the electorate's weight must take part; voting stays open for 7 days; if quorum is reached late, voting is extended to stay open 2 days more.",
    );
    expect(explanation.delay).toBe(
      'A passed decision takes effect 14 days later, so anyone who disagrees has that long to exit.',
    );
  });

  it('explains a single owner and an optional rationale', () => {
    const explanation = explainPolicy({ policy: founder, organization });
    expect(explanation.decide).toBe('Any one member of Founders decides alone.');
    expect(explanation.veto).toBe('No one can veto a passed decision.');
    expect(explanation.consultation).toBe('There is no required consultation.');
    expect(explanation.rationale).toBe('Publishing a rationale is optional.');
  });

  it('explains consent, with an objection period and several deciders', () => {
    const consent: Policy = {
      propose: [{ kind: 'anyone' }],
      consultation: { period: 3 * DAY, with: [r('core-team'), EVERY_MEMBER] },
      method: 'consent',
      deciders: [r('core-team'), r('risk-council')],
      weight: { kind: 'equal' },
      period: 7 * DAY,
      timelock: 3_600,
      rationale: 'optional',
    };
    expect(explainPolicy({ policy: consent, organization })).toMatchObject({
      // A sentence starts with a capital, even when it opens with a party such as 'anyone'.
      propose: 'Anyone may propose.',
      consultation: 'Before a decision, Core team and every member are consulted for 3 days.',
      decide:
        'Core team and Risk council decide by consent: the proposal passes unless one of them raises a reasoned objection; objections may be raised for 7 days.',
      delay: 'A passed decision takes effect 1 hour later, so anyone who disagrees has that long to exit.',
    });
  });

  it('explains the advice process: the proposer decides after seeking advice', () => {
    const advice: Policy = {
      propose: [EVERY_MEMBER],
      consultation: { period: 7 * DAY, with: [r('core-team')] },
      method: 'advice',
      deciders: [EVERY_MEMBER],
      weight: { kind: 'equal' },
      timelock: 0,
      rationale: 'required',
    };
    expect(explainPolicy({ policy: advice, organization })).toMatchObject({
      propose: 'Every member may propose.',
      decide: 'The proposer decides, after seeking advice from Core team.',
    });
  });

  it('explains optimistic approval: it passes unless vetoed', () => {
    const optimistic: Policy = {
      propose: [r('core-team')],
      method: 'optimistic',
      deciders: [r('core-team')],
      weight: { kind: 'equal' },
      veto: { by: [{ kind: 'anyone' }], window: 3 * DAY },
      timelock: 0,
      rationale: 'required',
    };
    expect(explainPolicy({ policy: optimistic, organization })).toMatchObject({
      decide: 'The proposal passes unless it is vetoed.',
      veto: 'Anyone may veto a passed decision within 3 days.',
    });
    // With a threshold, one veto is not enough: vetoes must reach that share of the holders' weight.
    expect(
      explainPolicy({ policy: { ...optimistic, threshold: makeRatio(1n, 3n) }, organization }).decide,
    ).toBe("The proposal passes unless vetoes reach 33.3% (1/3) of the veto holders' weight.");
  });
});
