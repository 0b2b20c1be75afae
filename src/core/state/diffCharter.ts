import { changeChoice } from '../actions/subjectCharterChange.js';
import type { CharterInput } from '../charter/charterSchema.js';
import { canonicalJson } from '../log/canonicalJson.js';
import type { Organization, Unit } from '../model/Organization.js';
import { governanceFootprint } from './governanceFootprint.js';
import type { OrgState } from './OrgState.js';

/** How a unit changes between the charter in force and an edited one. */
export type UnitChangeKind = 'added' | 'removed' | 'governance' | 'reworded' | 'level';

/**
 * How a change can be made:
 * - `apply` — an owner of the unit records it directly with `devolve apply`;
 * - `proposal` — it needs a proposal decided under the policy of level `decidedAt`;
 * - `move` — it changes the unit's level, which only an executed slider-move proposal does;
 * - `blocked` — no action makes it: removing a unit above its founder-controlled level (a
 *   charter-change proposal changes its unit, never removes it); move the unit down first.
 */
export type ChangeRoute = 'apply' | 'proposal' | 'move' | 'blocked';

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

/** The level whose policy decides a governance change (the charter-change proposal's own choice). */
function decidingLevel(state: OrgState, before: Unit, after: Unit, organization: Organization) {
  const choice = changeChoice(state, before, after, organization);
  const reasons = 'reasons' in choice ? [...(choice.reasons as readonly string[])].sort() : [];
  return {
    level: choice.level,
    levelId: before.levels.find((l) => l.index === choice.level)?.id ?? String(choice.level),
    reasons,
  };
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
          decidedAt: decidingLevel(state, previous, unit, organization),
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
      route: level === 0 ? 'apply' : 'blocked',
      fields: [],
    });
  }
  return {
    sections: differingKeys(state.charter, args.input),
    units,
    applicable: units.every((change) => change.route === 'apply'),
  };
}
