import { describe, expect, it } from 'vitest';
import { BASE_CHARTER } from '../../../test/support/charterText.js';
import { loadCharter } from '../charter/loadCharter.js';
import type { Party, Policy, Role, RoleScope } from '../model/Organization.js';
import { decentralizationScore } from './decentralizationScore.js';

function role(id: string, scope: RoleScope): Role {
  return { id, name: id, scope, members: [], open: false, weight: { kind: 'equal' } };
}

const roles = new Map(
  [role('team', 'team'), role('council', 'council'), role('holders', 'community')].map((r) => [r.id, r]),
);
const r = (id: string): Party => ({ kind: 'role', role: id });

const majorityOf = (deciders: Party[], extra: Partial<Policy> = {}): Policy => ({
  propose: deciders,
  method: 'majority',
  deciders,
  weight: { kind: 'equal' },
  period: 86_400,
  timelock: 0,
  rationale: 'required',
  ...extra,
});

describe('decentralizationScore', () => {
  it('scores the default ladder 0, 1, 1.5, 2.25, 3.25, 3.5 with the usual bindings', () => {
    // Team → the core team (scope team), council → a council, community → open holders, guardian → a council.
    const load = loadCharter({
      text: BASE_CHARTER.replace('level: founder', 'level: founder\n    target: autonomous'),
      file: 'devolve.yaml',
    });
    if (!load.ok) throw new Error(JSON.stringify(load.errors));
    const { organization } = load;
    const byId = new Map(organization.roles.map((role) => [role.id, role]));
    const scores = organization.units[0]!.levels.map((level) =>
      decentralizationScore({ policy: level.policy, roles: byId }),
    );
    // founder: a single owner → 0
    // transparent: the team decides → 1
    // consultative: the team, after consultation → 1 + ½
    // delegated: a council, after consultation, under the team's veto → 2 + ½ − ¼
    // community: the community, after consultation, under a council guardian's veto → 3 + ½ − ¼
    // autonomous: the community, after consultation, no veto → 3 + ½
    expect(scores).toEqual([0, 1, 1.5, 2.25, 3.25, 3.5]);
  });

  it('ranks who decides by the widest role scope', () => {
    expect(decentralizationScore({ policy: majorityOf([r('team')]), roles })).toBe(1);
    expect(decentralizationScore({ policy: majorityOf([r('council')]), roles })).toBe(2);
    expect(decentralizationScore({ policy: majorityOf([r('team'), r('holders')]), roles })).toBe(3);
    // every member, or anyone, is as wide as a community
    expect(decentralizationScore({ policy: majorityOf([{ kind: 'members' }]), roles })).toBe(3);
    expect(decentralizationScore({ policy: majorityOf([{ kind: 'anyone' }]), roles })).toBe(3);
  });

  it('scores a role it does not know as 0', () => {
    expect(decentralizationScore({ policy: majorityOf([r('ghost')]), roles })).toBe(0);
  });

  it('takes nothing off for a veto held by a party as wide as the deciders', () => {
    // council decides, another council vetoes: 2 − 0
    const policy = majorityOf([r('council')], { veto: { by: [r('council')], window: 86_400 } });
    expect(decentralizationScore({ policy, roles })).toBe(2);
  });

  it('scores the advice process and optimistic approval by who proposes', () => {
    const advice = majorityOf([r('team')], {
      method: 'advice',
      propose: [{ kind: 'members' }],
      consultation: { period: 86_400, with: [r('team')] },
    });
    // every member proposes and decides after advice: 3 + ½
    expect(decentralizationScore({ policy: advice, roles })).toBe(3.5);
    const optimistic = majorityOf([], {
      method: 'optimistic',
      propose: [r('council')],
      veto: { by: [r('team')], window: 86_400 },
    });
    // a council proposes, the narrower team may veto: 2 − ¼
    expect(decentralizationScore({ policy: optimistic, roles })).toBe(1.75);
  });

  it('scores any single-owner policy 0, whoever the owner is', () => {
    expect(
      decentralizationScore({ policy: majorityOf([r('holders')], { method: 'single-owner' }), roles }),
    ).toBe(0);
  });
});
