import { describe, expect, it } from 'vitest';
import { LADDER_ROLES, ladderUnit } from '../../../../test/support/lifecycleFixtures.js';
import { policyForChange } from './policyForChange.js';

const roles = LADDER_ROLES;

describe('policyForChange', () => {
  it('decides a loosening of a higher level under that level’s own policy', () => {
    // the team, at level 1, lowers the community quorum of level 3 from 1/10 to 1/100
    const unit = ladderUnit(1);
    const before = unit.levels[3]!.policy;
    const after = { ...before, quorum: { num: 1n, den: 100n } };
    expect(policyForChange({ unit, level: 3, before, after, roles })).toEqual({
      policy: before,
      level: 3,
      direction: 'loosen',
      reasons: ['quorum'],
    });
  });

  it('decides a loosening at or below the current level, and any tightening, under the current level’s policy', () => {
    const unit = ladderUnit(2);
    const current = unit.levels[2]!.policy;
    const teamPolicy = unit.levels[1]!.policy;
    const looserTeam = { ...teamPolicy, timelock: 0, period: 1 };
    expect(policyForChange({ unit, level: 1, before: teamPolicy, after: looserTeam, roles })).toMatchObject({
      policy: current,
      level: 2,
      direction: 'loosen',
    });
    const top = unit.levels[3]!.policy;
    const tighterTop = { ...top, timelock: top.timelock * 2 };
    expect(policyForChange({ unit, level: 3, before: top, after: tighterTop, roles })).toMatchObject({
      policy: current,
      level: 2,
      direction: 'tighten',
    });
  });

  it('treats a change it cannot rank (members, terms, ladders) as a loosening of the level named', () => {
    const unit = ladderUnit(0);
    expect(policyForChange({ unit, level: 3, roles })).toMatchObject({ level: 3, reasons: ['unranked'] });
    expect(policyForChange({ unit, roles })).toMatchObject({ level: 0, direction: 'loosen' });
    // with the unit moved at runtime to level 2, its current level decides
    expect(policyForChange({ unit, current: 2, roles })).toMatchObject({ level: 2 });
  });

  it('refuses a level the unit does not have', () => {
    expect(() => policyForChange({ unit: ladderUnit(0), level: 7, roles })).toThrow(
      expect.objectContaining({ code: 'proposal/invalid-level' }),
    );
  });
});
