import type { CharterInput } from '../charter/charterSchema.js';
import { policyForChange } from '../governance/lifecycle/policyForChange.js';
import { canonicalJson } from '../log/canonicalJson.js';
import type { Organization, Role, Unit } from '../model/Organization.js';
import { governanceFootprint } from './governanceFootprint.js';
import type { OrgState } from './OrgState.js';

/** How a unit changes between the charter in force and an edited one. */
export type UnitChangeKind = 'added' | 'removed' | 'governance' | 'reworded' | 'level';

/**
 * How a change can be made:
 * - `apply` — an owner of the unit records it directly with `devolve apply`;
 * - `proposal` — it needs a proposal decided under the policy of level `decidedAt`;
 * - `move` — it changes the unit's level, which only an executed slider-move proposal does.
 */
export type ChangeRoute = 'apply' | 'proposal' | 'move';

export interface UnitChange {
  readonly unit: string;
  readonly change: UnitChangeKind;
  /** The unit's runtime level now (0 for a unit the edit adds). */
  readonly level: number;
  readonly route: ChangeRoute;
  /** The unit's fields that differ, sorted (`levels`, `owners`, …); for a governance change also `roles`/`tokens`/`members`/`emergencyPowers` when those reach it. */
  readonly fields: readonly string[];
  /** For `proposal`: the level whose policy decides, its id, and why (the ratchet's reasons). */
  readonly decidedAt?: {
    readonly level: number;
    readonly levelId: string;
    readonly reasons: readonly string[];
  };
  /** For `move`: the level the edit declares, and its id. */
  readonly to?: number;
  readonly toId?: string;
}

export interface CharterDiff {
  /** Top-level charter sections that differ (`members`, `roles`, `units`, …), sorted. */
  readonly sections: readonly string[];
  /** One entry per unit that differs, in the order of the edited charter, removed units last. */
  readonly units: readonly UnitChange[];
  /** True when `devolve apply` can record the whole edit (every unit change is `apply`). */
  readonly applicable: boolean;
}

/** Unit fields that govern nothing: changing them alone is a rewording. */
const COSMETIC = new Set(['name', 'description', 'since']);

function jsonOf(value: unknown): string {
  return canonicalJson(
    JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))),
  );
}

/** Keys of two records whose values differ as JSON, sorted. */
function differingKeys(before: object, after: object): string[] {
  const left = before as Record<string, unknown>;
  const right = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].filter((key) => jsonOf(left[key] ?? null) !== jsonOf(right[key] ?? null)).sort();
}

/**
 * The level whose policy decides a governance change to `before` (now at runtime level
 * `current`): the ratchet's `policyForChange` for every ladder position whose policy changes, and
 * for the current level when anything else changes (roles, members, ladder, dependencies,
 * commitments), keeping the highest.
 */
function decidingLevel(args: {
  before: Unit;
  after: Unit;
  current: number;
  roles: ReadonlyMap<string, Role>;
  fields: readonly string[];
}): { level: number; levelId: string; reasons: string[] } {
  const { before, after, current, roles } = args;
  const choices: { level: number; reasons: readonly string[] }[] = [];
  for (const level of before.levels) {
    const edited = after.levels.find((l) => l.index === level.index);
    if (edited === undefined || jsonOf(edited.policy) === jsonOf(level.policy)) continue;
    choices.push(
      policyForChange({
        unit: before,
        current,
        level: level.index,
        before: level.policy,
        after: edited.policy,
        roles,
      }),
    );
  }
  const policiesOnly =
    choices.length > 0 &&
    jsonOf(before.levels.map(({ policy: _p, ...rest }) => rest)) ===
      jsonOf(after.levels.map(({ policy: _p, ...rest }) => rest)) &&
    args.fields.every((field) => field === 'levels' || COSMETIC.has(field));
  if (!policiesOnly) choices.push(policyForChange({ unit: before, current, roles }));
  const level = Math.max(...choices.map((c) => c.level));
  const reasons = [...new Set(choices.flatMap((c) => c.reasons))].sort();
  return { level, levelId: before.levels.find((l) => l.index === level)?.id ?? String(level), reasons };
}

/**
 * What an edited charter changes against the charter in force, unit by unit, and how each change
 * can be made — like a plan before an apply. The rules are those `charter.amend` enforces: a
 * unit whose governance (`governanceFootprint`) changes, or that is removed, may be changed
 * directly only at its founder-controlled level (runtime level 0); above it the change needs a
 * proposal under the ratchet's policy (`policyForChange`); a declared level other than the one in
 * force is never an amend but a slider move. Rewording a unit (name, description, since) and
 * adding a unit are direct. Emergency powers are not considered: `apply` may still allow a
 * holder what this reports as needing a proposal.
 *
 * @example
 * // core-team's treasury at level 1, its level-1 quorum lowered
 * diffCharter({ state, organization: edited, input }).units
 * // [{ unit: 'treasury', change: 'governance', level: 1, route: 'proposal', fields: ['levels'], decidedAt: { level: 1, levelId: 'consultative', reasons: ['quorum'] } }]
 */
export function diffCharter(args: {
  state: OrgState;
  organization: Organization;
  input: CharterInput;
}): CharterDiff {
  const { state, organization } = args;
  const before = state.organization;
  const roles = new Map(before.roles.map((role) => [role.id, role]));
  const units: UnitChange[] = [];
  for (const unit of organization.units) {
    const previous = before.units.find((u) => u.id === unit.id);
    if (previous === undefined) {
      units.push({
        unit: unit.id,
        change: 'added',
        level: 0,
        route: unit.level === 0 ? 'apply' : 'move',
        fields: [],
        ...(unit.level === 0 ? {} : { to: unit.level }),
      });
      continue;
    }
    const level = state.levels[unit.id] ?? previous.level;
    const fields = differingKeys(previous, unit);
    if (unit.level !== previous.level && unit.level !== level) {
      const toId = unit.levels.find((l) => l.index === unit.level)?.id ?? String(unit.level);
      units.push({ unit: unit.id, change: 'level', level, route: 'move', fields, to: unit.level, toId });
      continue;
    }
    const governed =
      governanceFootprint({ organization: before, unit: previous }) !==
      governanceFootprint({ organization, unit });
    const unitFields = fields.filter((field) => field !== 'level');
    if (governed) {
      const reach = differingKeys(
        JSON.parse(governanceFootprint({ organization: before, unit: previous })),
        JSON.parse(governanceFootprint({ organization, unit })),
      ).filter((key) => key !== 'unit');
      const all = [...new Set([...unitFields, ...reach])].sort();
      if (level === 0)
        units.push({ unit: unit.id, change: 'governance', level, route: 'apply', fields: all });
      else
        units.push({
          unit: unit.id,
          change: 'governance',
          level,
          route: 'proposal',
          fields: all,
          decidedAt: decidingLevel({ before: previous, after: unit, current: level, roles, fields: all }),
        });
    } else if (unitFields.length > 0) {
      units.push({ unit: unit.id, change: 'reworded', level, route: 'apply', fields: unitFields });
    }
  }
  for (const previous of before.units) {
    if (organization.units.some((u) => u.id === previous.id)) continue;
    const level = state.levels[previous.id] ?? previous.level;
    units.push({
      unit: previous.id,
      change: 'removed',
      level,
      route: level === 0 ? 'apply' : 'proposal',
      fields: [],
      ...(level === 0
        ? {}
        : {
            decidedAt: decidingLevel({
              before: previous,
              after: previous,
              current: level,
              roles,
              fields: ['removed'],
            }),
          }),
    });
  }
  return {
    sections: differingKeys(state.charter, args.input),
    units,
    applicable: units.every((change) => change.route === 'apply'),
  };
}
