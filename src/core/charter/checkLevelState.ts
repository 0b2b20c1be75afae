import type { Unit } from '../model/Organization.js';
import { decentralizationScore } from '../policy/decentralizationScore.js';
import { BINDABLE_SLOTS, type BindableSlot } from '../policy/Slot.js';
import type { Path } from '../schema/Schema.js';
import type { ResolveContext } from './ResolveContext.js';

/**
 * Checks what the charter alone decides about a unit's current level — someone must be able to
 * decide there — and warns when its ladder, up to the current level or the target, gets more
 * centralized on the way up.
 *
 * @example
 * checkLevelState({ context, unit, path: ['units', 0], bindingPaths });
 */
export function checkLevelState(args: {
  context: ResolveContext;
  unit: Unit;
  path: Path;
  bindingPaths: Partial<Record<BindableSlot, Path>>;
}): void {
  const { context, unit, path, bindingPaths } = args;
  const current = unit.levels[unit.level]!;
  for (const party of current.policy.deciders) {
    if (party.kind !== 'role') continue;
    const role = context.roles.get(party.role)!;
    if (!role.open && role.members.length === 0) {
      context.error({
        path: [...path, 'level'],
        code: 'charter/empty-electorate',
        message: `no one can decide for '${unit.id}': role '${role.id}' has no members`,
        hint: `list members under role '${role.id}', or mark it 'open: true' if membership comes from holdings`,
      });
    }
  }
  const scores = unit.levels.map((level) =>
    decentralizationScore({ policy: level.policy, roles: context.roles }),
  );
  for (let i = 1; i <= Math.max(unit.level, unit.target); i++) {
    if (scores[i]! < scores[i - 1]!) {
      const slot = BINDABLE_SLOTS.find((s) => bindingPaths[s] !== undefined);
      context.warn({
        path: [...path, 'ladder'],
        code: 'charter/ladder-order',
        message: `level '${unit.levels[i]!.id}' of '${unit.id}' is more centralized than '${unit.levels[i - 1]!.id}' below it`,
        hint:
          slot === undefined
            ? 'order the ladder from most centralized to most decentralized'
            : 'check which roles fill the slots: a council or community role should be wider than the team',
      });
      break;
    }
  }
}
