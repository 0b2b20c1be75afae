import type { Evidence } from '../evidence/Evidence.js';
import type { Criterion, Organization, Unit } from '../model/Organization.js';
import { assessMove, type MoveAssessment, type MoveStatus } from '../readiness/assessMove.js';
import { type CriterionResult, evaluateCriterion, levelSince } from '../readiness/evaluateCriterion.js';
import { formatDate } from '../time/Instant.js';

const DAY = 86_400_000;

export interface LevelRef {
  readonly index: number;
  readonly id: string;
  readonly name: string;
}

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

/** One step of the roadmap: a move and its earliest feasible date. */
export interface RoadmapStep {
  readonly unit: string;
  readonly unitName: string;
  readonly from: LevelRef;
  readonly to: LevelRef;
  /** Earliest feasible date (epoch ms), or undefined when a dependency can never be met. */
  readonly earliest?: number;
  /** What sets the date: time at level, dependencies and criteria on other units' levels. */
  readonly basis: readonly string[];
  /** Other criteria that must also hold by then; the date assumes they will. */
  readonly open: readonly string[];
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

const ref = (unit: Unit, index: number): LevelRef => ({
  index,
  id: unit.levels[index]!.id,
  name: unit.levels[index]!.name,
});

/** Leaf results as "criterion — reason" lines, split by verdict. Parts of `all` are listed one by one. */
function leaves(result: CriterionResult | undefined): CriterionResult[] {
  if (result === undefined) return [];
  if (result.kind === 'all' && result.children !== undefined) return result.children.flatMap(leaves);
  return [result];
}

/** Time-at-level criteria that must hold (reached through `all` only: inside `any` or `not` they may not). */
function requiredTime(criterion: Criterion | undefined): number {
  if (criterion === undefined) return 0;
  if (criterion.kind === 'time-at-level') return criterion.seconds * 1000;
  if (criterion.kind === 'all') return Math.max(0, ...criterion.of.map(requiredTime));
  return 0;
}

/**
 * Levels of other units that must be reached first: `unit-level` criteria, through `all` only
 * (like `requiredTime`). They constrain the roadmap's dates exactly as `dependsOn` does.
 */
function requiredLevels(criterion: Criterion | undefined): { unit: string; level: number }[] {
  if (criterion === undefined) return [];
  if (criterion.kind === 'unit-level') return [{ unit: criterion.unit, level: criterion.level }];
  if (criterion.kind === 'all') return criterion.of.flatMap(requiredLevels);
  return [];
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

  // Earliest arrival at each (unit, level), memoized. `dependsOn` cycles were refused with the
  // charter, but `unit-level` criteria may still close one: a (unit, level) met again while it is
  // being worked out waits on itself, and can never be reached.
  const arrivals = new Map<string, { at: number | undefined; basis: string[] }>();
  const unitById = new Map(organization.units.map((u) => [u.id, u]));
  const arrive = (unit: Unit, level: number): { at: number | undefined; basis: string[] } => {
    const key = `${unit.id}@${level}`;
    const known = arrivals.get(key);
    if (known !== undefined) return known;
    arrivals.set(key, {
      at: undefined,
      basis: [`${unit.name} at ${unit.levels[level]?.name ?? `level ${level}`} waits on itself`],
    });
    let result: { at: number | undefined; basis: string[] };
    if (level <= unit.level) {
      result = { at: Math.min(now, levelSince({ unit, evidence }) ?? now), basis: [] };
    } else if (level > Math.max(unit.target, unit.level)) {
      result = { at: undefined, basis: [`${unit.name} is not planned to reach ${unit.levels[level]!.name}`] };
    } else {
      const previous = arrive(unit, level - 1);
      const basis: string[] = [];
      let at = previous.at === undefined ? undefined : Math.max(now, previous.at);
      const wait = requiredTime(unit.levels[level]!.readiness);
      if (at !== undefined && previous.at !== undefined && wait > 0) {
        const ready = previous.at + wait;
        basis.push(`${wait / DAY} days at ${unit.levels[level - 1]!.name} (from ${formatDate(previous.at)})`);
        at = Math.max(at, ready);
      }
      const needs = [
        ...unit.dependsOn.filter((d) => d.from <= level),
        ...requiredLevels(unit.levels[level]!.readiness),
        ...requiredLevels(unit.levels[level]!.requirements),
      ];
      const seen = new Set<string>();
      for (const dependency of needs) {
        const other = unitById.get(dependency.unit);
        if (other === undefined || other.level >= dependency.level) continue;
        if (seen.has(`${other.id}@${dependency.level}`)) continue;
        seen.add(`${other.id}@${dependency.level}`);
        const needed = arrive(other, dependency.level);
        const name = other.levels[dependency.level]?.name ?? `level ${dependency.level}`;
        if (needed.at === undefined) {
          at = undefined;
          basis.push(
            `needs ${other.name} at ${name}, ${dependency.level > other.target ? 'beyond its target' : 'which it cannot reach'}`,
          );
        } else {
          basis.push(`after ${other.name} reaches ${name} (${formatDate(needed.at)})`);
          if (at !== undefined) at = Math.max(at, needed.at);
        }
      }
      result = { at, basis };
    }
    arrivals.set(key, result);
    return result;
  };

  const roadmap: RoadmapStep[] = [];
  for (const unit of organization.units) {
    for (let level = unit.level + 1; level <= unit.target; level++) {
      const { at, basis } = arrive(unit, level);
      const isNext = level === unit.level + 1;
      const assessment = isNext ? assessments.find((a) => a.unit === unit.id) : undefined;
      // For the next move the evidence says what is still open. Later moves list their readiness
      // criteria (evidence gathered at today's level says little about them) and the requirements
      // their level adds that do not hold yet. Time at level and other units' levels set the date.
      const evaluate = (criterion: Criterion | undefined) =>
        criterion === undefined
          ? undefined
          : evaluateCriterion({ criterion, context: { organization, unit, level, evidence, now } });
      const open = isNext
        ? [...leaves(assessment?.readiness), ...leaves(assessment?.requirements)]
            .filter((r) => r.status !== 'met' && r.kind !== 'time-at-level' && r.kind !== 'unit-level')
            .map((r) => r.text)
        : [
            ...leaves(evaluate(unit.levels[level]!.readiness)),
            ...leaves(evaluate(unit.levels[level]!.requirements)).filter((r) => r.status !== 'met'),
          ]
            .filter((r) => r.kind !== 'time-at-level' && r.kind !== 'unit-level')
            .map((r) => r.text);
      roadmap.push({
        unit: unit.id,
        unitName: unit.name,
        from: ref(unit, level - 1),
        to: ref(unit, level),
        ...(at === undefined ? {} : { earliest: at }),
        basis,
        open,
      });
    }
  }
  roadmap.sort(
    (a, b) =>
      (a.earliest ?? Number.POSITIVE_INFINITY) - (b.earliest ?? Number.POSITIVE_INFINITY) ||
      a.unit.localeCompare(b.unit) ||
      a.to.index - b.to.index,
  );

  const commitments: CommitmentView[] = organization.units.flatMap((unit) =>
    unit.commitments.map((commitment): CommitmentView => {
      const earliest = commitment.level <= unit.target ? arrive(unit, commitment.level).at : undefined;
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
        level: ref(unit, commitment.level),
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

  const recommendations = assessments
    .map((assessment) => recommend({ assessment, organization }))
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

function recommend(args: { assessment: MoveAssessment; organization: Organization }): Recommendation {
  const { assessment, organization } = args;
  const unit = organization.units.find((u) => u.id === assessment.unit)!;
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
  const unblocks = organization.units
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
  const from = ref(unit, assessment.from);
  const to = ref(unit, assessment.to);
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
    target: ref(unit, unit.target),
    status: assessment.status,
    share,
    counts: assessment.counts,
    met,
    missing,
    blockedBy,
    unblocks,
    ...(dueBy === undefined ? {} : { dueBy }),
    summary: parts.join(' '),
  };
}
