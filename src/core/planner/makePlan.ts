import type { Evidence } from '../evidence/Evidence.js';
import type { Organization, Unit } from '../model/Organization.js';
import {
  assessMove,
  type DependencyCheck,
  type MoveAssessment,
  type MoveStatus,
} from '../readiness/assessMove.js';
import { type CriterionResult, evaluateCriterion } from '../readiness/evaluateCriterion.js';
import { formatDate } from '../time/Instant.js';
import { type LevelRef, levelRef, type RoadmapStep, scheduleRoadmap } from './scheduleRoadmap.js';

export type { LevelRef, RoadmapStep } from './scheduleRoadmap.js';

const DAY = 86_400_000;

/** A move worth making next, with everything that argues for and against it. */
export interface Recommendation {
  readonly rank: number;
  readonly unit: string;
  readonly unitName: string;
  readonly dimension: string;
  readonly from: LevelRef;
  readonly to: LevelRef;
  readonly target: LevelRef;
  readonly status: MoveStatus;
  /** Share of criteria (and dependencies) met, 0..1; 1 when the move has none. */
  readonly share: number;
  readonly counts: MoveAssessment['counts'];
  // Plain readonly fields, like Organization.ts and Proposal.ts, by design: each record declares its own
  // shape; they share style, not meaning.
  /**
   * The move's criteria one by one (the parts of `all` listed singly), with their verdicts and
   * numbers: what every surface renders. `met`, `missing` and `blockedBy` are the same in words.
   */
  readonly criteria: readonly CriterionResult[];
  /** The move's dependencies on other units, met or not. */
  readonly dependencies: readonly DependencyCheck[];
  /** Criteria met, each as "criterion — reason". */
  readonly met: readonly string[];
  /** Criteria unmet or unknown, each as "criterion — reason". */
  readonly missing: readonly string[];
  /** Dependencies on other units that block the move. */
  readonly blockedBy: readonly string[];
  /** Units whose own moves this one unblocks. */
  readonly unblocks: readonly string[];
  /** The earliest commitment deadline this move serves (epoch ms). */
  readonly dueBy?: number;
  /** The case for (or against) the move, in one paragraph. */
  readonly summary: string;
}

export type CommitmentStatus = 'met' | 'on-track' | 'at-risk' | 'overdue' | 'due' | 'waiting';

export interface CommitmentView {
  readonly id: string;
  readonly unit: string;
  readonly unitName: string;
  readonly level: LevelRef;
  readonly by?: number;
  /** Whole days until `by` (negative once past). */
  readonly daysLeft?: number;
  /**
   * `met`: the unit is at the level. `overdue`: the date passed first. `at-risk`: the roadmap's
   * earliest date is after the deadline. `on-track`: it is not. `due`: the trigger holds and the
   * move is owed. `waiting`: the trigger does not hold yet.
   */
  readonly status: CommitmentStatus;
  readonly statement?: string;
  readonly unless?: string;
  readonly trigger?: CriterionResult;
  /** The roadmap's earliest date for reaching the level. */
  readonly earliest?: number;
}

export interface Plan {
  readonly now: number;
  readonly organization: { readonly id: string; readonly name: string };
  readonly recommendations: readonly Recommendation[];
  /** Units at (or above) their target: nothing to recommend. */
  readonly atTarget: readonly string[];
  readonly roadmap: readonly RoadmapStep[];
  readonly commitments: readonly CommitmentView[];
  /** Per unit, the assessment of its next move toward its target. */
  readonly assessments: readonly MoveAssessment[];
}

/**
 * Ready moves come first; blocked moves last, after every move their blockers could make, so a
 * blocked move never outranks the move that would unblock it.
 */
const tier = (r: { status: MoveStatus }) => (r.status === 'ready' ? 0 : r.status === 'blocked' ? 2 : 1);

/** Leaf results as "criterion — reason" lines, split by verdict. Parts of `all` are listed one by one. */
function leaves(result: CriterionResult | undefined): CriterionResult[] {
  if (result === undefined) return [];
  if (result.kind === 'all' && result.children !== undefined) return result.children.flatMap(leaves);
  return [result];
}

/**
 * The planner: which slider to move next and when. For every unit below its target it assesses
 * the next notch, ranks the moves — ready first and blocked last, then by share of criteria met, then
 * by the soonest commitment they serve, then by how many other units they unblock, then by unit id
 * — lays out a roadmap of every remaining move with its earliest feasible date, and gives each
 * commitment its countdown and status.
 *
 * @example
 * const plan = makePlan({ organization, evidence, now: Date.parse('2026-11-25T00:00:00Z') });
 * plan.recommendations[0].summary
 */
export function makePlan(args: { organization: Organization; evidence: Evidence; now: number }): Plan {
  const { organization, evidence, now } = args;
  const assessments: MoveAssessment[] = [];
  const atTarget: string[] = [];
  for (const unit of organization.units) {
    if (unit.target <= unit.level) atTarget.push(unit.id);
    else assessments.push(assessMove({ organization, unit: unit.id, to: unit.level + 1, evidence, now }));
  }

  const { roadmap, arrival } = scheduleRoadmap({ organization, evidence, now });

  const commitments: CommitmentView[] = organization.units.flatMap((unit) =>
    unit.commitments.map((commitment): CommitmentView => {
      const earliest = commitment.level <= unit.target ? arrival(unit.id, commitment.level) : undefined;
      const trigger =
        commitment.when === undefined
          ? undefined
          : evaluateCriterion({
              criterion: commitment.when,
              context: { organization, unit, level: commitment.level, evidence, now },
            });
      let status: CommitmentStatus;
      if (unit.level >= commitment.level) status = 'met';
      else if (commitment.by !== undefined && now > commitment.by) status = 'overdue';
      else if (trigger?.status === 'met') status = 'due';
      else if (commitment.by !== undefined)
        status = earliest === undefined || earliest > commitment.by ? 'at-risk' : 'on-track';
      else status = 'waiting';
      return {
        id: commitment.id,
        unit: unit.id,
        unitName: unit.name,
        level: levelRef(unit, commitment.level),
        ...(commitment.by === undefined
          ? {}
          : { by: commitment.by, daysLeft: Math.ceil((commitment.by - now) / DAY) }),
        status,
        ...(commitment.statement === undefined ? {} : { statement: commitment.statement }),
        ...(commitment.unless === undefined ? {} : { unless: commitment.unless }),
        ...(trigger === undefined ? {} : { trigger }),
        ...(earliest === undefined ? {} : { earliest }),
      };
    }),
  );

  // Looked up once: each unit by id, and the units that depend on each (in charter order).
  const unitById = new Map(organization.units.map((u) => [u.id, u]));
  const dependents = new Map<string, Unit[]>();
  for (const other of organization.units) {
    for (const id of new Set(other.dependsOn.map((d) => d.unit)))
      dependents.set(id, [...(dependents.get(id) ?? []), other]);
  }
  const recommendations = assessments
    .map((assessment) =>
      recommend({
        assessment,
        unit: unitById.get(assessment.unit)!,
        dependents: dependents.get(assessment.unit) ?? [],
      }),
    )
    .sort(
      (a, b) =>
        tier(a) - tier(b) ||
        b.share - a.share ||
        (a.dueBy ?? Number.POSITIVE_INFINITY) - (b.dueBy ?? Number.POSITIVE_INFINITY) ||
        b.unblocks.length - a.unblocks.length ||
        a.unit.localeCompare(b.unit),
    )
    .map((r, i) => ({ ...r, rank: i + 1 }));

  return {
    now,
    organization: { id: organization.id, name: organization.name },
    recommendations,
    atTarget,
    roadmap,
    commitments,
    assessments,
  };
}

function recommend(args: {
  assessment: MoveAssessment;
  unit: Unit;
  /** The units with a dependency on `unit`. */
  dependents: readonly Unit[];
}): Recommendation {
  const { assessment, unit } = args;
  const results = [...leaves(assessment.readiness), ...leaves(assessment.requirements)];
  const line = (r: CriterionResult) => `${r.text} — ${r.reason}`;
  const met = [
    ...results.filter((r) => r.status === 'met').map(line),
    ...assessment.dependencies.filter((d) => d.met).map((d) => d.text),
  ];
  const missing = results
    .filter((r) => r.status !== 'met')
    .map((r) => `${r.status === 'unknown' ? '(unknown) ' : ''}${line(r)}`);
  const blockedBy = assessment.dependencies.filter((d) => !d.met).map((d) => d.text);
  const unblocks = args.dependents
    .filter((other) =>
      other.dependsOn.some(
        (d) =>
          d.unit === unit.id &&
          d.level <= assessment.to &&
          unit.level < d.level &&
          d.from <= other.target &&
          d.from > other.level,
      ),
    )
    .map((other) => other.name);
  const dueBy = unit.commitments
    .filter((c) => c.by !== undefined && c.level >= assessment.to)
    .reduce<number | undefined>(
      (soonest, c) => (soonest === undefined || c.by! < soonest ? c.by : soonest),
      undefined,
    );
  const share = assessment.counts.total === 0 ? 1 : assessment.counts.met / assessment.counts.total;
  const from = levelRef(unit, assessment.from);
  const to = levelRef(unit, assessment.to);
  const parts: string[] = [];
  switch (assessment.status) {
    case 'ready':
      parts.push(
        assessment.counts.total === 0
          ? `${unit.name} can move from ${from.name} to ${to.name}: the move has no criteria.`
          : `${unit.name} is ready to move from ${from.name} to ${to.name}: ${
              assessment.counts.total === 1
                ? 'its one criterion is'
                : `all ${assessment.counts.total} criteria are`
            } met.`,
      );
      break;
    case 'blocked':
      parts.push(`${unit.name} cannot move to ${to.name} yet: it needs ${blockedBy.join(' and ')}.`);
      break;
    case 'not-ready':
      parts.push(
        `${unit.name} is not ready for ${to.name}: ${assessment.counts.met} of ${assessment.counts.total} criteria met.`,
      );
      break;
    case 'unknown':
      parts.push(
        `${unit.name} may be ready for ${to.name}: ${assessment.counts.met} of ${assessment.counts.total} criteria met, ${assessment.counts.unknown} ${assessment.counts.unknown === 1 ? 'lacks' : 'lack'} evidence.`,
      );
      break;
  }
  if (missing.length > 0 && assessment.status !== 'blocked')
    parts.push(`Missing: ${missing.slice(0, 3).join('; ')}${missing.length > 3 ? '; …' : ''}.`);
  if (unblocks.length > 0) parts.push(`Moving it unblocks ${unblocks.join(', ')}.`);
  if (dueBy !== undefined) parts.push(`A commitment falls due on ${formatDate(dueBy)}.`);
  return {
    rank: 0,
    unit: unit.id,
    unitName: unit.name,
    dimension: unit.dimension,
    from,
    to,
    target: levelRef(unit, unit.target),
    status: assessment.status,
    share,
    counts: assessment.counts,
    criteria: results,
    dependencies: assessment.dependencies,
    met,
    missing,
    blockedBy,
    unblocks,
    ...(dueBy === undefined ? {} : { dueBy }),
    summary: parts.join(' '),
  };
}
