import type { Criterion, Party, Policy, UnitLevel, Weight } from '../model/Organization.js';
import { mergePolicy } from '../policy/mergePolicy.js';
import type { Path } from '../schema/Schema.js';
import type { UnitInput } from './charterSchema.js';
import type { LevelSource, ResolveContext } from './ResolveContext.js';
import { durationAt, ratioAt } from './readMeasures.js';
import { reportPolicyProblems } from './reportPolicyProblems.js';
import { resolveCriterion } from './resolveCriterion.js';
import type { PartyReader } from './resolveParties.js';
import { toWeight } from './resolveRoles.js';

/** The key under which a per-level map (policies, readiness, requirements) addresses a level: its id or its number. */
export function levelKey(args: {
  map: Record<string, unknown> | undefined;
  levelId: string;
  index: number;
}): string | undefined {
  const { map, levelId, index } = args;
  if (map === undefined) return undefined;
  if (Object.hasOwn(map, levelId)) return levelId;
  return Object.hasOwn(map, String(index)) ? String(index) : undefined;
}

/**
 * Every level of a unit's ladder, with the policy in force there (the ladder's, merged with the
 * unit's override for that level, its slots filled by the unit's roles) and the requirements and
 * readiness criteria of the ladder and the unit together.
 *
 * @example
 * const levels = resolveUnitLevels({ context, unit, path: ['units', 0], source, readParties });
 */
export function resolveUnitLevels(args: {
  context: ResolveContext;
  unit: UnitInput;
  path: Path;
  source: LevelSource;
  readParties: PartyReader;
}): UnitLevel[] {
  const { context, unit, path, source } = args;
  return source.ladder.levels.map((ladderLevel, levelIndex) => {
    const policy = levelPolicy({ ...args, levelIndex });
    const ladderPath = (field: string): Path =>
      source.path === undefined ? [...path, 'ladder'] : [...source.path, 'levels', levelIndex, field];
    // The ladder's criteria for a level and the unit's own hold together.
    const combined = (field: 'requirements' | 'readiness'): Criterion | undefined => {
      const fromLadder = ladderLevel[field];
      const own = unit[field];
      const ownKey = levelKey({ map: own, levelId: ladderLevel.id, index: levelIndex });
      const parts = [
        fromLadder === undefined
          ? undefined
          : resolveCriterion({ context, criterion: fromLadder, path: ladderPath(field), unit }),
        ownKey === undefined
          ? undefined
          : resolveCriterion({ context, criterion: own![ownKey]!, path: [...path, field, ownKey], unit }),
      ].filter((c): c is Criterion => c !== undefined);
      return parts.length <= 1 ? parts[0] : { kind: 'all', of: parts };
    };
    const requirements = combined('requirements');
    const readiness = combined('readiness');
    return {
      index: levelIndex,
      id: ladderLevel.id,
      name: ladderLevel.name,
      ...(ladderLevel.summary === undefined ? {} : { summary: ladderLevel.summary }),
      policy,
      ...(requirements === undefined ? {} : { requirements }),
      ...(readiness === undefined ? {} : { readiness }),
    };
  });
}

/** The weight of the first deciding role that is weighted; equal when none is. */
function roleWeight(context: ResolveContext, parties: readonly Party[]): Weight {
  for (const party of parties) {
    if (party.kind !== 'role') continue;
    const weight = context.roles.get(party.role)?.weight;
    if (weight !== undefined && weight.kind !== 'equal') return weight;
  }
  return { kind: 'equal' };
}

function levelPolicy(args: {
  context: ResolveContext;
  unit: UnitInput;
  path: Path;
  source: LevelSource;
  readParties: PartyReader;
  levelIndex: number;
}): Policy {
  const { context, unit, path, source, readParties, levelIndex } = args;
  const ladderLevel = source.ladder.levels[levelIndex]!;
  const overrideKey = levelKey({ map: unit.policies, levelId: ladderLevel.id, index: levelIndex });
  const override = overrideKey === undefined ? undefined : unit.policies?.[overrideKey];
  const overridePath: Path = [...path, 'policies', overrideKey ?? ladderLevel.id];
  const basePath: Path =
    source.path === undefined ? [...path, 'ladder'] : [...source.path, 'levels', levelIndex, 'policy'];
  const merged = mergePolicy({ base: ladderLevel.policy, override });
  const fieldPath = (field: string): Path => {
    if (override !== undefined && Object.hasOwn(override, field)) return [...overridePath, field];
    return source.path === undefined ? basePath : [...basePath, field];
  };
  const parties = (refs: readonly string[] | undefined, at: Path) =>
    readParties({ refs, path: at, levelIndex });
  const deciders = parties(merged.deciders, fieldPath('deciders'));
  const propose = merged.propose === undefined ? deciders : parties(merged.propose, fieldPath('propose'));
  const weight = toWeight(merged.weight) ?? roleWeight(context, deciders);
  if (merged.weight !== undefined && weight.kind === 'token')
    context.declaresField({ path: fieldPath('weight'), noun: 'token', name: weight.token });
  if (override !== undefined) {
    reportPolicyProblems({
      context,
      policy: merged,
      path: overridePath,
      override,
      weighted: weight.kind !== 'equal',
    });
  } else if (merged.method === 'quadratic' && weight.kind === 'equal') {
    // The ladder's policy leaves the weight to the deciding role, which for this unit is unweighted.
    context.error({
      path: fieldPath('method'),
      code: 'policy/quadratic-needs-weight',
      message: `quadratic voting for '${unit.id}' needs a token or reputation weight`,
      hint: "give the deciding role a 'weight:', or override the level's policy with one",
    });
  }
  const duration = (text: string | undefined, at: Path) =>
    text === undefined ? undefined : durationAt({ context, text, path: at });
  const ratio = (value: number | string | undefined, field: string) =>
    value === undefined ? undefined : ratioAt({ context, value, path: fieldPath(field) });
  const consultationPath = fieldPath('consultation');
  const consultationPeriod = duration(merged.consultation?.period, [...consultationPath, 'period']);
  const consultation =
    merged.consultation === undefined || consultationPeriod === undefined
      ? undefined
      : {
          period: consultationPeriod,
          with:
            merged.consultation.with === undefined
              ? [{ kind: 'members' as const }]
              : parties(merged.consultation.with, [...consultationPath, 'with']),
        };
  const vetoWindow = duration(merged.veto?.window, [...fieldPath('veto'), 'window']);
  const veto =
    merged.veto === undefined || vetoWindow === undefined
      ? undefined
      : { by: parties(merged.veto.by, [...fieldPath('veto'), 'by']), window: vetoWindow };
  const quorum = ratio(merged.quorum, 'quorum');
  const threshold = ratio(merged.threshold, 'threshold');
  const period = duration(merged.period, fieldPath('period'));
  const lateQuorumExtension = duration(merged.lateQuorumExtension, fieldPath('lateQuorumExtension'));
  return {
    propose,
    method: merged.method ?? 'single-owner',
    // Under the advice process and optimistic approval the proposer decides, unless told otherwise.
    deciders:
      (merged.method === 'advice' || merged.method === 'optimistic') && merged.deciders === undefined
        ? propose
        : deciders,
    weight,
    ...(quorum === undefined ? {} : { quorum }),
    ...(merged.minVoters === undefined ? {} : { minVoters: merged.minVoters }),
    ...(threshold === undefined ? {} : { threshold }),
    ...(merged.winners === undefined ? {} : { winners: merged.winners }),
    ...(period === undefined ? {} : { period }),
    ...(consultation === undefined ? {} : { consultation }),
    ...(veto === undefined ? {} : { veto }),
    // No timelock written means none: an absent delay is zero by definition, not by fallback.
    timelock: duration(merged.timelock, fieldPath('timelock')) ?? 0,
    ...(lateQuorumExtension === undefined ? {} : { lateQuorumExtension }),
    rationale: merged.rationale ?? 'optional',
  };
}
