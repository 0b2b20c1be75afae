import type { Comparison, Criterion } from '../model/Organization.js';
import type { Path } from '../schema/Schema.js';
import type { CriterionInput, UnitInput } from './charterSchema.js';
import type { ResolveContext } from './ResolveContext.js';
import { durationAt, ratioAt } from './readMeasures.js';

const COMPARISONS = { atLeast: '>=', atMost: '<=', above: '>', below: '<' } as const satisfies Record<
  string,
  Comparison
>;

/**
 * Resolves a readiness criterion, a level requirement or a commitment trigger: metrics, units,
 * roles and levels it names must be declared. Gives undefined (after reporting why) when any
 * part of it cannot be resolved.
 *
 * @example
 * const criterion = resolveCriterion({ context, criterion: { timeAtLevel: 'P90D' }, path, unit });
 * // { kind: 'time-at-level', seconds: 7776000 }
 */
export function resolveCriterion(args: {
  context: ResolveContext;
  criterion: CriterionInput;
  path: Path;
  /** The unit the criterion belongs to: a metric criterion without a unit is about this one. */
  unit: UnitInput;
}): Criterion | undefined {
  const { context, criterion, path, unit } = args;
  if ('all' in criterion || 'any' in criterion) {
    const kind = 'all' in criterion ? 'all' : 'any';
    const list = 'all' in criterion ? criterion.all : criterion.any;
    const of = list.map((c, i) =>
      resolveCriterion({ context, criterion: c, path: [...path, kind, i], unit }),
    );
    return of.every((c) => c !== undefined) ? { kind, of: of as Criterion[] } : undefined;
  }
  if ('not' in criterion) {
    const of = resolveCriterion({ context, criterion: criterion.not, path: [...path, 'not'], unit });
    return of === undefined ? undefined : { kind: 'not', of };
  }
  if ('metric' in criterion) return metricCriterion({ context, criterion, path, unit });
  if ('timeAtLevel' in criterion) {
    const seconds = durationAt({ context, text: criterion.timeAtLevel, path: [...path, 'timeAtLevel'] });
    return seconds === undefined ? undefined : { kind: 'time-at-level', seconds };
  }
  if ('decisionsAtLevel' in criterion)
    return { kind: 'decisions-at-level', count: criterion.decisionsAtLevel };
  if ('checklist' in criterion) {
    const attesters = criterion.attesters ?? [];
    const known = attesters.map((role, i) =>
      context.declares({
        declared: context.roles,
        path: [...path, 'attesters', i],
        noun: 'role',
        name: role,
      }),
    );
    if (!known.every(Boolean)) return undefined;
    return {
      kind: 'checklist',
      id: criterion.checklist,
      text: criterion.text,
      evidenceRequired: (criterion.evidence ?? 'required') === 'required',
      ...(criterion.attesters === undefined ? {} : { attesters: criterion.attesters }),
    };
  }
  if ('control' in criterion) return controlCriterion({ context, criterion, path, unit });
  if ('unit' in criterion) {
    const ladder = context.ladderOf(criterion.unit);
    if (!context.declaresField({ path, noun: 'unit', name: criterion.unit })) return undefined;
    if (ladder === undefined) return undefined;
    const level = context.levelIndex({ ladder, ref: criterion.atLeast, path: [...path, 'atLeast'] });
    return level === undefined ? undefined : { kind: 'unit-level', unit: criterion.unit, level };
  }
  if ('role' in criterion) {
    if (!context.declaresField({ path, noun: 'role', name: criterion.role })) return undefined;
    if (criterion.minMembers === undefined && criterion.minThreshold === undefined) {
      // Refused like an empty control criterion below, by design: each criterion kind names its own code and
      // example.
      context.error({
        path,
        code: 'charter/empty-role-criterion',
        message: 'a role criterion needs minMembers or minThreshold',
        hint: 'e.g. { role: security-council, minMembers: 8, minThreshold: 75% }',
      });
      return undefined;
    }
    const minThreshold =
      criterion.minThreshold === undefined
        ? undefined
        : ratioAt({ context, value: criterion.minThreshold, path: [...path, 'minThreshold'] });
    if (criterion.minThreshold !== undefined && minThreshold === undefined) return undefined;
    return {
      kind: 'role',
      role: criterion.role,
      ...(criterion.minMembers === undefined ? {} : { minMembers: criterion.minMembers }),
      ...(minThreshold === undefined ? {} : { minThreshold }),
    };
  }
  const seconds = durationAt({ context, text: criterion.exitWindow, path: [...path, 'exitWindow'] });
  const withdrawalDelay =
    criterion.withdrawalDelay === undefined
      ? 0
      : durationAt({ context, text: criterion.withdrawalDelay, path: [...path, 'withdrawalDelay'] });
  if (seconds === undefined || withdrawalDelay === undefined) return undefined;
  return { kind: 'exit-window', seconds, withdrawalDelay };
}

function metricCriterion(args: {
  context: ResolveContext;
  criterion: Extract<CriterionInput, { metric: string }>;
  path: Path;
  unit: UnitInput;
}): Criterion | undefined {
  const { context, criterion, path } = args;
  const comparisons = (Object.keys(COMPARISONS) as (keyof typeof COMPARISONS)[]).filter(
    (k) => criterion[k] !== undefined,
  );
  let ok = true;
  if (!context.declaresField({ path, noun: 'metric', name: criterion.metric })) ok = false;
  if (criterion.unit !== undefined && !context.declaresField({ path, noun: 'unit', name: criterion.unit })) {
    ok = false;
  }
  if (comparisons.length !== 1) {
    context.error({
      path,
      code: 'charter/metric-comparison',
      message: `a metric criterion needs exactly one comparison, found ${comparisons.length}`,
      hint: 'use one of atLeast, atMost, above, below — or combine criteria with all',
    });
    ok = false;
  }
  const window =
    criterion.window === undefined
      ? undefined
      : durationAt({ context, text: criterion.window, path: [...path, 'window'] });
  if (criterion.window !== undefined && window === undefined) ok = false;
  const key = comparisons[0];
  if (!ok || key === undefined) return undefined;
  return {
    kind: 'metric',
    metric: criterion.metric,
    unit: criterion.unit ?? args.unit.id,
    comparison: COMPARISONS[key],
    value: criterion[key]!,
    ...(window === undefined ? {} : { window }),
    ...(criterion.source === undefined ? {} : { source: criterion.source }),
  };
}

function controlCriterion(args: {
  context: ResolveContext;
  criterion: Extract<CriterionInput, { control: string }>;
  path: Path;
  unit: UnitInput;
}): Criterion | undefined {
  const { context, criterion, path } = args;
  if (
    criterion.unit !== undefined &&
    !context.declares({
      declared: context.units,
      path: [...path, 'unit'],
      noun: 'unit',
      name: criterion.unit,
    })
  ) {
    return undefined;
  }
  const { noSingleKey, minOwners } = criterion;
  if (
    noSingleKey !== true &&
    minOwners === undefined &&
    criterion.minThreshold === undefined &&
    criterion.minDelay === undefined
  ) {
    // Checked like the role criterion above, and its optional fields read like resolveRoles.ts's dates, by
    // design: each read names its own field and path.
    context.error({
      path,
      code: 'charter/empty-control-criterion',
      message: 'a control criterion needs noSingleKey, minOwners, minThreshold or minDelay',
      hint: 'e.g. { control: upgrade, minOwners: 8, minThreshold: 75%, minDelay: 7d }',
    });
    return undefined;
  }
  const minThreshold =
    criterion.minThreshold === undefined
      ? undefined
      : ratioAt({ context, value: criterion.minThreshold, path: [...path, 'minThreshold'] });
  const minDelay =
    criterion.minDelay === undefined
      ? undefined
      : durationAt({ context, text: criterion.minDelay, path: [...path, 'minDelay'] });
  if (criterion.minThreshold !== undefined && minThreshold === undefined) return undefined;
  if (criterion.minDelay !== undefined && minDelay === undefined) return undefined;
  return {
    kind: 'control',
    power: criterion.control,
    unit: criterion.unit ?? args.unit.id,
    ...(noSingleKey === undefined ? {} : { noSingleKey }),
    ...(minOwners === undefined ? {} : { minOwners }),
    ...(minThreshold === undefined ? {} : { minThreshold }),
    ...(minDelay === undefined ? {} : { minDelay }),
  };
}
