import type { Unit } from '../model/Organization.js';
import { BINDABLE_SLOTS, type BindableSlot } from '../policy/Slot.js';
import type { Path } from '../schema/Schema.js';
import type { UnitInput } from './charterSchema.js';
import { checkLevelState } from './checkLevelState.js';
import { DEFAULT_LADDER } from './defaults.js';
import type { ResolveContext } from './ResolveContext.js';
import { instantAt } from './readMeasures.js';
import { resolveCommitments } from './resolveCommitments.js';
import { resolveDependencies } from './resolveDependencies.js';
import { partyReader } from './resolveParties.js';
import { RESERVED_PARTIES } from './resolveRoles.js';
import { resolveUnitLevels } from './resolveUnitLevels.js';

/**
 * Resolves one unit: its dimension, owners and slot bindings must name declared things, its level
 * and target must be on its ladder, and its levels, dependencies and commitments must resolve.
 * Gives undefined when any of that failed (every problem is reported, not only the first).
 *
 * @example
 * const unit = resolveUnit({ context, unit: input.units[0], index: 0 });
 */
export function resolveUnit(args: {
  context: ResolveContext;
  unit: UnitInput;
  index: number;
}): Unit | undefined {
  const { context, unit } = args;
  const path: Path = ['units', args.index];
  const errorsBefore = context.errorCount();
  context.declaresField({ path, noun: 'dimension', name: unit.dimension });
  const owners = declaredRoles({ context, refs: unit.owners, path: [...path, 'owners'], what: 'owners' });

  const bindings: Partial<Record<BindableSlot, readonly string[]>> = {};
  const bindingPaths: Partial<Record<BindableSlot, Path>> = {};
  for (const slot of BINDABLE_SLOTS) {
    const own = unit.roles?.[slot];
    const inherited = context.input.defaults?.roles?.[slot];
    if (own !== undefined) {
      bindings[slot] = declaredRoles({
        context,
        refs: own,
        path: [...path, 'roles', slot],
        what: `slot $${slot}`,
      });
      bindingPaths[slot] = [...path, 'roles', slot];
    } else if (inherited !== undefined) {
      bindings[slot] = inherited.filter((ref) => context.roles.has(ref));
      bindingPaths[slot] = ['defaults', 'roles', slot];
    }
  }

  const ladderId = unit.ladder ?? DEFAULT_LADDER.id;
  const source = context.ladders.get(ladderId);
  if (source === undefined) {
    context.unknown({
      path: [...path, 'ladder'],
      noun: 'ladder',
      name: ladderId,
      candidates: () => context.ladders.keys(),
    });
    return undefined;
  }
  const { ladder } = source;
  // A bad level reference is reported; the rest of the unit is still checked, from level 0.
  const level = context.levelIndex({ ladder, ref: unit.level, path: [...path, 'level'] }) ?? 0;
  const target =
    unit.target === undefined
      ? level
      : (context.levelIndex({ ladder, ref: unit.target, path: [...path, 'target'] }) ?? level);
  if (target < level) {
    context.warn({
      path: [...path, 'target'],
      code: 'charter/target-below-level',
      message: `the target is below the current level of '${unit.id}'`,
      hint: 'moving a slider back toward centralization needs the consent of those who decide at the current level',
    });
  }
  for (const field of ['policies', 'readiness', 'requirements'] as const) {
    for (const key of Object.keys(unit[field] ?? {})) {
      const ref = /^\d+$/.test(key) ? Number(key) : key;
      context.levelIndex({ ladder, ref, path: [...path, field, key], onKey: true });
    }
  }

  const readParties = partyReader({
    context,
    unit,
    path,
    source,
    owners,
    bindings,
    reach: Math.max(level, target),
  });
  const levels = resolveUnitLevels({ context, unit, path, source, readParties });
  const dependsOn = resolveDependencies({ context, unit, path, ladder });
  const commitments = resolveCommitments({ context, unit, path, ladder });
  const since =
    unit.since === undefined ? undefined : instantAt({ context, text: unit.since, path: [...path, 'since'] });
  if (context.errorCount() > errorsBefore) return undefined;

  const resolved: Unit = {
    id: unit.id,
    name: unit.name,
    dimension: unit.dimension,
    ...(unit.description === undefined ? {} : { description: unit.description }),
    owners,
    ladder: ladderId,
    bindings,
    levels,
    level,
    ...(since === undefined ? {} : { since }),
    target,
    dependsOn,
    commitments,
  };
  checkLevelState({ context, unit: resolved, path, bindingPaths });
  return resolved;
}

/** The refs that name declared roles; slots, built-in electorates and unknown names are reported. */
function declaredRoles(args: {
  context: ResolveContext;
  refs: readonly string[];
  path: Path;
  what: string;
}): string[] {
  const { context, refs, path, what } = args;
  const out: string[] = [];
  refs.forEach((ref, i) => {
    if (ref.startsWith('$') || RESERVED_PARTIES.includes(ref)) {
      context.error({
        path: [...path, i],
        code: 'charter/not-a-role',
        message: `${what} must name declared roles, not '${ref}'`,
        hint: ref.startsWith('$')
          ? 'slots are for ladder policies; name the role itself'
          : 'name a declared role',
      });
    } else if (context.declares({ declared: context.roles, path: [...path, i], noun: 'role', name: ref })) {
      out.push(ref);
    }
  });
  return out;
}
