import { DevolveError } from '../../errors/DevolveError.js';
import type { Policy, Role, Unit } from '../../model/Organization.js';
import { isLoosening } from './isLoosening.js';
import type { RatchetChoice } from './policyForMove.js';

/**
 * The ratchet for changes to a unit's rules: which level's policy decides changing the rules of
 * level `level` of `unit` (its policy from `before` to `after`), with the unit at `current`.
 *
 * - A tightening is decided under the current level's policy.
 * - A loosening is decided under the policy of the higher of the current level and the level
 *   whose rules change: a team at level 1 cannot weaken the community vote of level 3 that it
 *   would later have to pass, except under that level 3 vote itself.
 * - A change the caller cannot describe as two policies (a role's members or terms, a ladder, a
 *   dependency, a commitment) is treated as a loosening of the level named.
 *
 * @example
 * // unit at 1, lowering level 3's quorum: decided under level 3's policy
 * policyForChange({ unit, current: 1, level: 3, before, after, roles }) // { level: 3, direction: 'loosen' }
 */
export function policyForChange(args: {
  readonly unit: Unit;
  /** The unit's level now; defaults to `unit.level`. */
  readonly current?: number;
  /** The level whose rules change; defaults to the current level. */
  readonly level?: number;
  readonly before?: Policy;
  readonly after?: Policy;
  readonly roles: ReadonlyMap<string, Role>;
}): RatchetChoice & { readonly reasons: readonly string[] } {
  const { unit } = args;
  const current = args.current ?? unit.level;
  const changed = args.level ?? current;
  const reasons =
    args.before !== undefined && args.after !== undefined
      ? isLoosening({ before: args.before, after: args.after, roles: args.roles })
      : ['unranked'];
  const decidingLevel = reasons.length === 0 ? current : Math.max(current, changed);
  const policy = unit.levels.find((level) => level.index === decidingLevel)?.policy;
  if (policy === undefined || !unit.levels.some((level) => level.index === changed))
    throw new DevolveError({
      code: 'proposal/invalid-level',
      message: `${unit.id} has no level ${policy === undefined ? decidingLevel : changed}`,
      details: { unit: unit.id, current, level: changed },
    });
  return { policy, level: decidingLevel, direction: reasons.length === 0 ? 'tighten' : 'loosen', reasons };
}
