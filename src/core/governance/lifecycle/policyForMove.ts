import { DevolveError } from '../../errors/DevolveError.js';
import type { Policy, Unit } from '../../model/Organization.js';

export interface RatchetChoice {
  /** The policy the proposal is decided under. */
  readonly policy: Policy;
  /** The ladder position whose policy that is. */
  readonly level: number;
  readonly direction: 'up' | 'down' | 'tighten' | 'loosen';
}

/**
 * The ratchet for slider moves: which level's policy decides moving `unit` from `from` to `to`.
 *
 * A move up (towards decentralization) is decided under the current level's policy: those who
 * decide now agree to hand over. A move down is decided under the policy of the higher level
 * being left — which is `from` again, and never the lower level being moved to, so the narrower
 * group a move back would empower cannot vote itself back in. Either way the answer is the policy
 * of `from`, the highest level the unit stands on before the move; the direction is reported.
 *
 * @example
 * // treasury at 3 (community) moving down to 1 (team): decided by level 3's community vote
 * policyForMove({ unit: treasury, from: 3, to: 1 }) // { level: 3, direction: 'down', policy: … }
 */
export function policyForMove(args: {
  readonly unit: Unit;
  readonly from: number;
  readonly to: number;
}): RatchetChoice {
  const { unit, from, to } = args;
  const levelAt = (index: number) => unit.levels.find((level) => level.index === index);
  const leaving = levelAt(from);
  if (leaving === undefined || levelAt(to) === undefined || from === to)
    throw new DevolveError({
      code: 'proposal/invalid-move',
      message:
        from === to
          ? `${unit.id} is already at level ${from}`
          : `${unit.id} has no level ${leaving === undefined ? from : to}`,
      details: { unit: unit.id, from, to },
    });
  return { policy: leaving.policy, level: from, direction: to > from ? 'up' : 'down' };
}
