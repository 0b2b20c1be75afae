import type { Evidence } from '../evidence/Evidence.js';
import type { Criterion, Organization, Unit } from '../model/Organization.js';
import { type CriterionResult, evaluateCriterion, levelSince } from '../readiness/evaluateCriterion.js';
import { describeRoadmapBlocker, describeRoadmapWait } from './describeRoadmap.js';

export interface LevelRef {
  readonly index: number;
  readonly id: string;
  readonly name: string;
}

/** Something a move waits for that comes with time: a date the roadmap can compute. */
export type RoadmapWait =
  | {
      /** Time at the level below: `seconds` from `since`, so not before `until`. */
      readonly kind: 'time-at-level';
      readonly level: LevelRef;
      readonly since: number;
      readonly seconds: number;
      readonly until: number;
    }
  | {
      /** Another unit reaching a level (a dependency, or a criterion on its level), dated `at`. */
      readonly kind: 'unit-level';
      readonly unit: string;
      readonly unitName: string;
      readonly level: LevelRef;
      readonly at: number;
    };

/** Something no date can satisfy: while one stands, the move has no date. */
export type RoadmapBlocker =
  | {
      /**
       * Another unit must reach a level the roadmap cannot date: it is `beyond-target`, the
       * units wait on each other (`cycle`), or that move itself has no date (`undated`).
       */
      readonly kind: 'unit-level';
      readonly unit: string;
      readonly unitName: string;
      readonly level: LevelRef;
      readonly why: 'beyond-target' | 'cycle' | 'undated';
    }
  | {
      /** The move before this one on the same unit has no date. */
      readonly kind: 'previous-move';
      readonly level: LevelRef;
    }
  | {
      /**
       * Decisions to complete at the level below. Time alone does not bring them, and the
       * evidence gives no rate of decisions, so no date is guessed; `actual` is the count so far
       * (0 for a level not reached yet).
       */
      readonly kind: 'decisions-at-level';
      readonly level: LevelRef;
      readonly required: number;
      readonly actual: number;
    }
  | {
      /** A criterion unmet today that waiting does not change (an attestation, a metric, a role). */
      readonly kind: 'criterion';
      readonly result: CriterionResult;
    };

/** One step of the roadmap: a move, its earliest feasible date, and what sets it. */
export interface RoadmapStep {
  // Plain readonly fields, like transparencyView.ts and Organization.ts, by design: each record declares its
  // own shape.
  readonly unit: string;
  readonly unitName: string;
  readonly from: LevelRef;
  readonly to: LevelRef;
  /** Earliest feasible date (epoch ms); absent when something in `blockers` stands. */
  readonly earliest?: number;
  /** What sets the date. */
  readonly waits: readonly RoadmapWait[];
  /** Why there is no date; empty when there is one. */
  readonly blockers: readonly RoadmapBlocker[];
  /** Criteria without evidence yet: the date assumes they will hold by then. */
  readonly assumes: readonly CriterionResult[];
  /** `waits` then `blockers`, in words. */
  readonly basis: readonly string[];
  /** `assumes`, in words: the criteria. */
  readonly open: readonly string[];
}

interface Arrival {
  readonly at: number | undefined;
  readonly waits: RoadmapWait[];
  readonly blockers: RoadmapBlocker[];
  readonly assumes: CriterionResult[];
  /** Why a level cannot be reached at all, for the moves that need it. */
  readonly why?: 'beyond-target' | 'cycle';
}

const combine = (a: Arrival, b: Arrival): Arrival => ({
  at: a.at === undefined || b.at === undefined ? undefined : Math.max(a.at, b.at),
  waits: [...a.waits, ...b.waits],
  blockers: [...a.blockers, ...b.blockers],
  assumes: [...a.assumes, ...b.assumes],
});

export const levelRef = (unit: Unit, index: number): LevelRef => ({
  index,
  id: unit.levels[index]?.id ?? `level-${index}`,
  name: unit.levels[index]?.name ?? `level ${index}`,
});

/**
 * Dates every remaining move toward each unit's target. A move's date is the latest of: today,
 * the date of the move before it, the end of each time-at-level wait (counted from the arrival
 * at the level below), and the date each unit it needs reaches its level (dependencies and
 * unit-level criteria). A move has no date while a criterion stands that waiting does not
 * satisfy: an unmet checklist item, metric, role or exit window, decisions still to complete at
 * the level below (a level not reached yet has none), or a needed move that has no date.
 * Criteria without evidence are assumed to hold and listed in `assumes`. Inside `any`, the part
 * satisfied soonest counts; a `not` counts as waiting does not change it.
 *
 * @example
 * const { roadmap, arrival } = scheduleRoadmap({ organization, evidence, now });
 * arrival('treasury', 3) // epoch ms, or undefined
 */
export function scheduleRoadmap(args: { organization: Organization; evidence: Evidence; now: number }): {
  roadmap: RoadmapStep[];
  arrival: (unit: string, level: number) => number | undefined;
} {
  const { organization, evidence, now } = args;
  const unitById = new Map(organization.units.map((u) => [u.id, u]));
  // Earliest arrival at each (unit, level), memoized. `dependsOn` cycles were refused with the
  // charter, but `unit-level` criteria may still close one: a (unit, level) met again while it is
  // being worked out waits on itself, and can never be reached.
  const arrivals = new Map<string, Arrival>();
  const nothing = (at: number | undefined): Arrival => ({ at, waits: [], blockers: [], assumes: [] });

  const needUnit = (unitId: string, level: number, base: number): Arrival => {
    const other = unitById.get(unitId);
    if (other === undefined || other.level >= level) return nothing(base);
    const needed = arrive(other, level);
    const ref = levelRef(other, level);
    if (needed.at === undefined) {
      return {
        ...nothing(undefined),
        blockers: [
          {
            kind: 'unit-level',
            unit: other.id,
            unitName: other.name,
            level: ref,
            why: needed.why ?? 'undated',
          },
        ],
      };
    }
    return {
      ...nothing(Math.max(base, needed.at)),
      waits: [{ kind: 'unit-level', unit: other.id, unitName: other.name, level: ref, at: needed.at }],
    };
  };

  /**
   * When `criterion` can hold for the move of `unit` to `level`, given the arrival `previous` at
   * the level below. `result` is its verdict on today's evidence, part for part.
   */
  const when = (args: {
    unit: Unit;
    level: number;
    previous: number;
    criterion: Criterion;
    result: CriterionResult;
  }): Arrival => {
    const { unit, level, previous, criterion, result } = args;
    const isNext = level === unit.level + 1;
    const part = (c: Criterion, r: CriterionResult | undefined) =>
      r === undefined ? nothing(previous) : when({ ...args, criterion: c, result: r });
    switch (criterion.kind) {
      case 'all':
        return criterion.of.map((c, i) => part(c, result.children?.[i])).reduce(combine, nothing(previous));
      case 'any': {
        const options = criterion.of.map((c, i) => part(c, result.children?.[i]));
        const soonest = options
          .filter((o) => o.at !== undefined)
          .sort((a, b) => a.at! - b.at! || a.assumes.length - b.assumes.length)[0];
        return soonest ?? { ...nothing(undefined), blockers: [{ kind: 'criterion', result }] };
      }
      case 'time-at-level': {
        const until = previous + criterion.seconds * 1000;
        return {
          ...nothing(until),
          waits: [
            {
              kind: 'time-at-level',
              level: levelRef(unit, level - 1),
              since: previous,
              seconds: criterion.seconds,
              until,
            },
          ],
        };
      }
      case 'unit-level':
        return needUnit(criterion.unit, criterion.level, previous);
      case 'decisions-at-level': {
        // Today's count speaks of today's level only: a later level starts from none.
        const actual = isNext ? evidence.units[unit.id]?.decisionsAtLevel : 0;
        if (criterion.count === 0 || (actual !== undefined && actual >= criterion.count))
          return nothing(previous);
        if (actual === undefined) return { ...nothing(previous), assumes: [result] };
        return {
          ...nothing(undefined),
          blockers: [
            {
              kind: 'decisions-at-level',
              level: levelRef(unit, level - 1),
              required: criterion.count,
              actual,
            },
          ],
        };
      }
      default:
        if (result.status === 'met') return nothing(previous);
        if (result.status === 'unknown') return { ...nothing(previous), assumes: [result] };
        return { ...nothing(undefined), blockers: [{ kind: 'criterion', result }] };
    }
  };

  const arrive = (unit: Unit, level: number): Arrival => {
    const key = `${unit.id}@${level}`;
    const known = arrivals.get(key);
    if (known !== undefined) return known;
    arrivals.set(key, { ...nothing(undefined), why: 'cycle' });
    let result: Arrival;
    if (level <= unit.level) {
      result = nothing(Math.min(now, levelSince({ unit, evidence }) ?? now));
    } else if (level > Math.max(unit.target, unit.level)) {
      result = { ...nothing(undefined), why: 'beyond-target' };
    } else {
      // A move after an undated one has no date either, but still says what it needs itself
      // (judged as if the move before were made today).
      const before = arrive(unit, level - 1);
      const previous = before.at ?? now;
      const context = { organization, unit, level, evidence, now };
      const criteria = [unit.levels[level]!.readiness, unit.levels[level]!.requirements].filter(
        (c): c is Criterion => c !== undefined,
      );
      const dependencies = unit.dependsOn
        .filter((d) => d.from <= level)
        .map((d) => needUnit(d.unit, d.level, previous));
      const own = [
        ...criteria.map((criterion) =>
          when({ unit, level, previous, criterion, result: evaluateCriterion({ criterion, context }) }),
        ),
        ...dependencies,
      ].reduce(combine, nothing(Math.max(now, previous)));
      const blockers: RoadmapBlocker[] = [
        ...(before.at === undefined
          ? [{ kind: 'previous-move' as const, level: levelRef(unit, level - 1) }]
          : []),
        ...own.blockers,
      ];
      result = { ...own, blockers, at: blockers.length > 0 ? undefined : own.at };
    }
    arrivals.set(key, result);
    return result;
  };

  const roadmap: RoadmapStep[] = [];
  for (const unit of organization.units) {
    for (let level = unit.level + 1; level <= unit.target; level++) {
      const { at, waits, blockers, assumes } = arrive(unit, level);
      const seenWaits = new Set<string>();
      const uniqueWaits = waits.filter((w) => {
        const key = JSON.stringify(w);
        if (seenWaits.has(key)) return false;
        seenWaits.add(key);
        return true;
      });
      roadmap.push({
        unit: unit.id,
        unitName: unit.name,
        from: levelRef(unit, level - 1),
        to: levelRef(unit, level),
        ...(at === undefined ? {} : { earliest: at }),
        waits: at === undefined ? [] : uniqueWaits,
        blockers,
        assumes,
        basis: [
          ...(at === undefined ? [] : uniqueWaits.map(describeRoadmapWait)),
          ...blockers.map(describeRoadmapBlocker),
        ],
        open: assumes.map((r) => r.text),
      });
    }
  }
  roadmap.sort(
    (a, b) =>
      (a.earliest ?? Number.POSITIVE_INFINITY) - (b.earliest ?? Number.POSITIVE_INFINITY) ||
      a.unit.localeCompare(b.unit) ||
      a.to.index - b.to.index,
  );
  return {
    roadmap,
    arrival: (unitId, level) => {
      const unit = unitById.get(unitId);
      return unit === undefined ? undefined : arrive(unit, level).at;
    },
  };
}
