import { describe, expect, it } from 'vitest';
import { ladderUnit } from '../../../../test/support/lifecycleFixtures.js';
import { policyForMove } from './policyForMove.js';

describe('policyForMove', () => {
  it('decides a move up under the current level’s policy', () => {
    const unit = ladderUnit(1);
    expect(policyForMove({ unit, from: 1, to: 2 })).toEqual({
      policy: unit.levels[1]!.policy,
      level: 1,
      direction: 'up',
    });
  });

  it('decides a move down under the policy of the higher level being left, never the level moved to', () => {
    const unit = ladderUnit(3);
    const choice = policyForMove({ unit, from: 3, to: 0 });
    expect(choice).toEqual({ policy: unit.levels[3]!.policy, level: 3, direction: 'down' });
    // the owner alone, who would decide at level 0, does not decide the move back to level 0
    expect(choice.policy.deciders).toEqual([{ kind: 'role', role: 'community' }]);
  });

  it('refuses a move to the same level or off the ladder', () => {
    const unit = ladderUnit(1);
    expect(() => policyForMove({ unit, from: 1, to: 1 })).toThrow(
      expect.objectContaining({ code: 'proposal/invalid-move' }),
    );
    expect(() => policyForMove({ unit, from: 1, to: 9 })).toThrow('treasury has no level 9');
  });
});
