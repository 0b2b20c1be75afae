import type { Evidence } from '../evidence/Evidence.js';
import { findUnit } from '../explain/explainUnit.js';
import type { Criterion, Organization } from '../model/Organization.js';
import { levelName } from './describeCriterion.js';
import { type CriterionResult, countLeaves, evaluateCriterion } from './evaluateCriterion.js';

export type MoveStatus = 'ready' | 'blocked' | 'not-ready' | 'unknown';

export interface DependencyCheck {
  readonly unit: string;
  readonly unitName: string;
  /** The level the other unit must reach, and the level it is at. */
  readonly needs: number;
  readonly has: number;
  readonly met: boolean;
  readonly text: string;
}

/** Whether a unit can move from its level to `to`, and everything that says so. */
export interface MoveAssessment {
  readonly unit: string;
  readonly from: number;
  readonly to: number;
  /**
   * `blocked`: a dependency on another unit is unmet. `not-ready`: a criterion is unmet.
   * `unknown`: nothing is unmet but some evidence is missing. `ready`: everything holds.
   */
  readonly status: MoveStatus;
  /** The readiness criteria for moving up to `to`. */
  readonly readiness?: CriterionResult;
  /** What must hold to be at `to`: its requirements and those of every level below it. */
  readonly requirements?: CriterionResult;
  readonly dependencies: readonly DependencyCheck[];
  /** Criteria and dependencies counted by verdict. */
  readonly counts: {
    readonly met: number;
    readonly unmet: number;
    readonly unknown: number;
    readonly total: number;
  };
}

/**
 * Assesses a move of `unit` to level `to` (by default the next notch up) against evidence at
 * `now`: the entry point for everything that must know whether a move is ready — the planner,
 * `check`, and the runtime refusing an unready slider move. The result is data: each criterion
 * met / unmet / unknown with its numbers (`facts`), the dependencies, and the counts.
 *
 * `levels` gives units' current levels when they differ from the charter's (the log's
 * projection); `since` gives when the unit reached its current level, when known better than the
 * charter and evidence say.
 *
 * @example
 * assessMove({ organization, unit: 'treasury', evidence, now }).status // 'not-ready'
 */
export function assessMove(args: {
  organization: Organization;
  unit: string;
  to?: number;
  evidence: Evidence;
  now: number;
  levels?: Readonly<Record<string, number>>;
  since?: number;
}): MoveAssessment {
  const { organization, evidence, now } = args;
  const unit = findUnit({ organization, unit: args.unit });
  const from = args.levels?.[unit.id] ?? unit.level;
  const to = args.to ?? from + 1;
  const context = {
    organization,
    unit,
    level: to,
    evidence,
    now,
    ...(args.levels === undefined ? {} : { levels: args.levels }),
    ...(args.since === undefined ? {} : { since: args.since }),
  };
  const target = unit.levels[to];
  const readiness =
    target?.readiness === undefined ? undefined : evaluateCriterion({ criterion: target.readiness, context });
  // Being at a level means meeting its requirements and those below it; a requirement that two
  // levels repeat (a stage restating the one before) counts once.
  const seen = new Set<string>();
  const requirementParts = unit.levels
    .slice(0, to + 1)
    .flatMap((level) => (level.requirements === undefined ? [] : [level.requirements]))
    .flatMap((criterion) => (criterion.kind === 'all' ? criterion.of : [criterion]))
    .filter((criterion) => {
      const key = JSON.stringify(criterion, (_key, value: unknown) =>
        typeof value === 'bigint' ? `${value}n` : value,
      );
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const requirementsCriterion: Criterion | undefined =
    requirementParts.length === 0
      ? undefined
      : requirementParts.length === 1
        ? requirementParts[0]
        : { kind: 'all', of: requirementParts };
  const requirements =
    requirementsCriterion === undefined
      ? undefined
      : evaluateCriterion({ criterion: requirementsCriterion, context });
  const dependencies: DependencyCheck[] = unit.dependsOn
    .filter((d) => d.from <= to)
    .map((d) => {
      const other = organization.units.find((u) => u.id === d.unit)!;
      const has = args.levels?.[other.id] ?? other.level;
      const met = has >= d.level;
      const name = (level: number) => levelName({ organization, unit: other.id, level });
      return {
        unit: other.id,
        unitName: other.name,
        needs: d.level,
        has,
        met,
        text: `${other.name} at ${name(d.level)} or above (it is at ${name(has)})`,
      };
    });
  const counted = [countLeaves(readiness), countLeaves(requirements)].reduce(
    (a, b) => ({ met: a.met + b.met, unmet: a.unmet + b.unmet, unknown: a.unknown + b.unknown }),
    {
      met: dependencies.filter((d) => d.met).length,
      unmet: dependencies.filter((d) => !d.met).length,
      unknown: 0,
    },
  );
  const counts = { ...counted, total: counted.met + counted.unmet + counted.unknown };
  const statuses = [readiness?.status, requirements?.status];
  const status: MoveStatus = dependencies.some((d) => !d.met)
    ? 'blocked'
    : statuses.includes('unmet')
      ? 'not-ready'
      : statuses.includes('unknown')
        ? 'unknown'
        : 'ready';
  return {
    unit: unit.id,
    from,
    to,
    status,
    ...(readiness === undefined ? {} : { readiness }),
    ...(requirements === undefined ? {} : { requirements }),
    dependencies,
    counts,
  };
}
