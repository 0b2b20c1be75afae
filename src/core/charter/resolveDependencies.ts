import type { Dependency, Unit } from '../model/Organization.js';
import { findDependencyCycle } from './findDependencyCycle.js';
import type { ResolveContext, UnitPartArgs } from './ResolveContext.js';

/**
 * A unit's dependencies (`unit X at level ≥ k before this unit moves to level m`): the other unit
 * must be declared and not this one, and both levels must exist on the ladders they refer to.
 *
 * @example
 * const dependsOn = resolveDependencies({ context, unit, path: ['units', 3], ladder });
 */
export function resolveDependencies(args: UnitPartArgs): Dependency[] {
  const { context, unit, path, ladder } = args;
  const dependsOn: Dependency[] = [];
  (unit.dependsOn ?? []).forEach((dependency, i) => {
    const depPath = [...path, 'dependsOn', i];
    if (dependency.unit === unit.id) {
      context.error({
        path: [...depPath, 'unit'],
        code: 'charter/self-dependency',
        message: `unit '${unit.id}' depends on itself`,
        hint: 'a dependency names another unit',
      });
      return;
    }
    if (!context.declaresField({ path: depPath, noun: 'unit', name: dependency.unit })) return;
    const otherLadder = context.ladderOf(dependency.unit);
    if (otherLadder === undefined) return; // its own unknown-ladder error is reported on that unit
    const otherLevel = context.levelIndex({
      ladder: otherLadder,
      ref: dependency.level,
      path: [...depPath, 'level'],
    });
    const from = context.levelIndex({ ladder, ref: dependency.for, path: [...depPath, 'for'] });
    if (otherLevel === undefined || from === undefined) return;
    dependsOn.push({
      unit: dependency.unit,
      level: otherLevel,
      from,
      ...(dependency.reason === undefined ? {} : { reason: dependency.reason }),
    });
  });
  return dependsOn;
}

/** Reports the first dependency cycle among resolved units, at the dependency that starts it. */
export function checkDependencyCycles(args: { context: ResolveContext; units: readonly Unit[] }): void {
  const { context, units } = args;
  const cycle = findDependencyCycle({ units });
  if (cycle === undefined || cycle.length === 0) return;
  const byId = new Map(units.map((u) => [u.id, u]));
  const at = (unitId: string, level: number) => `${unitId}@${byId.get(unitId)!.levels[level]!.id}`;
  const first = cycle[0]!;
  const entry = context.units.get(first.unit)!;
  context.error({
    path: ['units', entry.index, 'dependsOn', first.dependency],
    code: 'charter/dependency-cycle',
    message: `dependency cycle: ${cycle.map((e) => `${at(e.unit, e.from)} needs ${at(e.on.unit, e.on.level)}`).join('; ')}`,
    hint: 'no order of moves can satisfy these dependencies; lower one of the required levels',
  });
}
