import type { Evidence, Observation } from '../evidence/Evidence.js';
import type { Comparison, Criterion, Organization, Role, Unit } from '../model/Organization.js';
import { compareRatio, ratioFromDecimal } from '../ratio/Ratio.js';
import type {
  CriterionFacts,
  CriterionStatus,
  MetricFacts,
  MetricObservationFacts,
} from './CriterionFacts.js';
import { describeCriterion, flattenDescription, levelName } from './describeCriterion.js';
import { judgeControl } from './judgeControl.js';
import { renderCriterionReason } from './renderCriterionReason.js';

export type { CriterionStatus } from './CriterionFacts.js';

/**
 * The verdict on one criterion: its status, its numbers (`facts`), and for all / any / not its
 * parts. `text` (the criterion) and `reason` (the verdict) are the plain words every surface
 * shows, rendered from the criterion and the facts; no code reads them back.
 */
export interface CriterionResult {
  readonly kind: Criterion['kind'];
  readonly status: CriterionStatus;
  /** The criterion itself, in words. */
  readonly text: string;
  /** Why this status, naming the numbers: `renderCriterionReason(facts)`. */
  readonly reason: string;
  /** The numbers the verdict rests on. */
  readonly facts: CriterionFacts;
  readonly children?: readonly CriterionResult[];
  /** For a time-at-level criterion not yet met: when it will be (epoch ms). */
  readonly metAt?: number;
}

/** What a criterion is judged against. Time is an argument: `now` in epoch milliseconds. */
export interface ReadinessContext {
  readonly organization: Organization;
  /** The unit the criterion belongs to. */
  readonly unit: Unit;
  /** The level whose policy an exit-window criterion looks at. */
  readonly level: number;
  readonly evidence: Evidence;
  readonly now: number;
  /** Current levels by unit id, when they differ from the charter's (the log's projection, a simulation). */
  readonly levels?: Readonly<Record<string, number>>;
  /** When the unit reached its current level, when known better than the charter and evidence say. */
  readonly since?: number;
}

const DAY = 86_400_000;

/**
 * Observations without a window are point-in-time values (a holdings snapshot). Older than this,
 * they say little about today, and criteria relying on them are unknown rather than met.
 */
export const POINT_IN_TIME_FRESHNESS_DAYS = 90;

function compare(observation: Observation, comparison: Comparison, threshold: number): boolean {
  // Exact values (holder Gini, shares) are compared exactly, so a criterion never flips on rounding.
  const exactThreshold = observation.exact === undefined ? undefined : ratioFromDecimal(String(threshold));
  const order =
    observation.exact !== undefined && exactThreshold !== undefined
      ? compareRatio(observation.exact, exactThreshold)
      : Math.sign(observation.value - threshold);
  switch (comparison) {
    case '>=':
      return order >= 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '<':
      return order < 0;
  }
}

/** Current members of a role at `now`, honouring terms. */
export function currentMembers(role: Role, now: number): string[] {
  return role.members
    .filter((m) => (m.from === undefined || m.from <= now) && (m.until === undefined || now < m.until))
    .map((m) => m.member);
}

function levelOf(context: ReadinessContext, unitId: string): number | undefined {
  return context.levels?.[unitId] ?? context.organization.units.find((u) => u.id === unitId)?.level;
}

/** When the unit reached its current level: the context, else the evidence, else the charter. */
export function levelSince(
  context: Pick<ReadinessContext, 'unit' | 'evidence' | 'since'>,
): number | undefined {
  return context.since ?? context.evidence.units[context.unit.id]?.since ?? context.unit.since;
}

/**
 * Judges a criterion against evidence: met, unmet, or unknown when the evidence needed is missing
 * or stale. Every result says why, with the numbers. `all` is unmet if any part is unmet, else
 * unknown if any is unknown; `any` is met if any part is met, else unknown if any is unknown;
 * `not` swaps met and unmet and keeps unknown.
 *
 * @example
 * evaluateCriterion({ criterion: { kind: 'decisions-at-level', count: 3 }, context })
 * // { status: 'unmet', reason: '2 decisions completed at Delegated, needs at least 3', … }
 */
export function evaluateCriterion(args: {
  criterion: Criterion;
  context: ReadinessContext;
}): CriterionResult {
  const { criterion, context } = args;
  const { organization, unit } = context;
  const text = flattenDescription(describeCriterion({ criterion, organization, unit: unit.id }));
  const { status, facts, children } = judge(criterion, context);
  const metAt = facts.kind === 'time-at-level' ? facts.metAt : undefined;
  const reason = renderCriterionReason({ status, facts, ...(children === undefined ? {} : { children }) });
  // Optional fields spread in, as whatIf.ts does, by design: the house way to leave an absent field absent.
  return {
    kind: criterion.kind,
    status,
    text,
    reason,
    facts,
    ...(children === undefined ? {} : { children }),
    ...(metAt === undefined ? {} : { metAt }),
  };
}

interface Judgement {
  readonly status: CriterionStatus;
  readonly facts: CriterionFacts;
  readonly children?: readonly CriterionResult[];
}

const verdict = (ok: boolean): CriterionStatus => (ok ? 'met' : 'unmet');

/** The verdict and its numbers; words come after, from `renderCriterionReason`. */
function judge(criterion: Criterion, context: ReadinessContext): Judgement {
  const { organization, unit, evidence, now } = context;
  switch (criterion.kind) {
    case 'all':
    case 'any': {
      const children = criterion.of.map((c) => evaluateCriterion({ criterion: c, context }));
      const count = (s: CriterionStatus) => children.filter((c) => c.status === s).length;
      const [met, unmet, unknown] = [count('met'), count('unmet'), count('unknown')];
      const status: CriterionStatus =
        criterion.kind === 'all'
          ? unmet > 0
            ? 'unmet'
            : unknown > 0
              ? 'unknown'
              : 'met'
          : met > 0
            ? 'met'
            : unknown > 0
              ? 'unknown'
              : 'unmet';
      return {
        status,
        facts: { kind: criterion.kind, met, unmet, unknown, total: children.length },
        children,
      };
    }
    case 'not': {
      const inner = evaluateCriterion({ criterion: criterion.of, context });
      const status: CriterionStatus =
        inner.status === 'met' ? 'unmet' : inner.status === 'unmet' ? 'met' : 'unknown';
      return { status, facts: { kind: 'not', inner: inner.status }, children: [inner] };
    }
    case 'metric': {
      const metric = organization.metrics.find((m) => m.id === criterion.metric);
      const base: MetricFacts = {
        kind: 'metric',
        metric: criterion.metric,
        metricName: metric?.name ?? criterion.metric,
        seconds: metric?.unit === 'seconds',
        comparison: criterion.comparison,
        required: criterion.value,
        ...(criterion.window === undefined ? {} : { window: criterion.window }),
      };
      const candidates = evidence.observations.filter(
        (o) =>
          o.metric === criterion.metric && (o.unit === undefined || o.unit === criterion.unit) && o.at <= now,
      );
      const windowed = candidates.filter((o) => o.window === criterion.window);
      if (windowed.length === 0) {
        if (candidates.length > 0) {
          const covers = [...new Set(candidates.map((o) => o.window ?? null))];
          return { status: 'unknown', facts: { ...base, problem: 'other-windows', covers } };
        }
        return { status: 'unknown', facts: { ...base, problem: 'missing' } };
      }
      // A fresh observation beats a stale one; among fresh ones the unit's own beats an
      // organization-wide one; then the latest wins.
      const maxAge = criterion.window ?? POINT_IN_TIME_FRESHNESS_DAYS * 86_400;
      const fresh = (o: Observation) => now - o.at <= maxAge * 1000;
      const best = [...windowed].sort(
        (a, b) =>
          Number(fresh(b)) - Number(fresh(a)) ||
          Number(a.unit === undefined) - Number(b.unit === undefined) ||
          b.at - a.at,
      )[0]!;
      const actual: MetricObservationFacts = {
        value: best.value,
        at: best.at,
        ...(best.exact === undefined ? {} : { exact: best.exact }),
        ...(best.source === undefined ? {} : { source: best.source }),
        ...(best.window === undefined ? {} : { window: best.window }),
      };
      if (!fresh(best)) return { status: 'unknown', facts: { ...base, problem: 'stale', maxAge, actual } };
      return {
        status: verdict(compare(best, criterion.comparison, criterion.value)),
        facts: { ...base, actual },
      };
    }
    case 'time-at-level': {
      const since = levelSince(context);
      const level = levelOf(context, unit.id) ?? unit.level;
      const base = {
        kind: 'time-at-level' as const,
        unitName: unit.name,
        level,
        levelName: levelName({ organization, unit: unit.id, level }),
        required: criterion.seconds,
      };
      if (since === undefined) return { status: 'unknown', facts: base };
      const elapsed = Math.max(0, now - since);
      const days = Math.floor(elapsed / DAY);
      const metAt = since + criterion.seconds * 1000;
      if (elapsed >= criterion.seconds * 1000) return { status: 'met', facts: { ...base, since, days } };
      return { status: 'unmet', facts: { ...base, since, days, metAt } };
    }
    case 'decisions-at-level': {
      const actual = evidence.units[unit.id]?.decisionsAtLevel;
      const level = levelOf(context, unit.id) ?? unit.level;
      const facts = {
        kind: 'decisions-at-level' as const,
        level,
        levelName: levelName({ organization, unit: unit.id, level }),
        required: criterion.count,
        ...(actual === undefined ? {} : { actual }),
      };
      return { status: actual === undefined ? 'unknown' : verdict(actual >= criterion.count), facts };
    }
    case 'checklist': {
      const base = {
        kind: 'checklist' as const,
        item: criterion.id,
        evidenceRequired: criterion.evidenceRequired,
      };
      const attestation = evidence.attestations
        .filter(
          (a) => a.checklist === criterion.id && (a.unit === undefined || a.unit === unit.id) && a.at <= now,
        )
        // A signed attestation beats one anyone could have typed into a file; then the latest.
        .sort((a, b) => Number(b.signed === true) - Number(a.signed === true) || b.at - a.at)[0];
      if (attestation === undefined) return { status: 'unmet', facts: base };
      const byName =
        attestation.by === undefined
          ? undefined
          : organization.members.find((m) => m.id === attestation.by)?.name;
      return {
        status: verdict(!criterion.evidenceRequired || attestation.evidence !== undefined),
        facts: {
          ...base,
          attestation: {
            at: attestation.at,
            ...(attestation.by === undefined ? {} : { by: attestation.by }),
            ...(byName === undefined ? {} : { byName }),
            ...(attestation.evidence === undefined ? {} : { evidence: attestation.evidence }),
            signed: attestation.signed === true,
            ...(attestation.role === undefined ? {} : { role: attestation.role }),
          },
        },
      };
    }
    case 'unit-level': {
      const other = organization.units.find((u) => u.id === criterion.unit);
      const actual = levelOf(context, criterion.unit);
      const name = (level: number) => levelName({ organization, unit: criterion.unit, level });
      const base = {
        kind: 'unit-level' as const,
        unit: criterion.unit,
        required: criterion.level,
        requiredName: name(criterion.level),
      };
      if (other === undefined || actual === undefined) return { status: 'unknown', facts: base };
      return {
        status: verdict(actual >= criterion.level),
        facts: { ...base, unitName: other.name, actual, actualName: name(actual) },
      };
    }
    case 'role': {
      const role = organization.roles.find((r) => r.id === criterion.role);
      if (role === undefined) return { status: 'unknown', facts: { kind: 'role', role: criterion.role } };
      const members =
        criterion.minMembers === undefined
          ? undefined
          : { required: criterion.minMembers, actual: currentMembers(role, now).length };
      const threshold =
        criterion.minThreshold === undefined
          ? undefined
          : {
              required: criterion.minThreshold,
              ...(role.threshold === undefined ? {} : { actual: role.threshold }),
            };
      const ok =
        (members === undefined || members.actual >= members.required) &&
        (threshold === undefined ||
          (threshold.actual !== undefined && compareRatio(threshold.actual, threshold.required) >= 0));
      return {
        status: verdict(ok),
        facts: {
          kind: 'role',
          role: role.id,
          roleName: role.name,
          ...(members === undefined ? {} : { members }),
          ...(threshold === undefined ? {} : { threshold }),
        },
      };
    }
    case 'exit-window': {
      const level = unit.levels[context.level];
      const base = {
        kind: 'exit-window' as const,
        level: context.level,
        required: criterion.seconds,
        withdrawalDelay: criterion.withdrawalDelay,
      };
      if (level === undefined) return { status: 'unknown', facts: base };
      const window = Math.max(0, level.policy.timelock - criterion.withdrawalDelay);
      return {
        status: verdict(window >= criterion.seconds),
        facts: { ...base, levelName: level.name, timelock: level.policy.timelock, window },
      };
    }
    case 'control':
      return judgeControl({ criterion, evidence, organization, now });
  }
}

/**
 * Verdicts under a result, counted: the "share of criteria met" the planner ranks by. Parts of an
 * `all` count one by one; an `any` or a `not` counts as one criterion.
 */
export function countLeaves(result: CriterionResult | undefined): {
  met: number;
  unmet: number;
  unknown: number;
} {
  if (result === undefined) return { met: 0, unmet: 0, unknown: 0 };
  if (result.kind !== 'all' || result.children === undefined) {
    return {
      met: Number(result.status === 'met'),
      unmet: Number(result.status === 'unmet'),
      unknown: Number(result.status === 'unknown'),
    };
  }
  return result.children
    .map(countLeaves)
    .reduce((a, b) => ({ met: a.met + b.met, unmet: a.unmet + b.unmet, unknown: a.unknown + b.unknown }));
}
