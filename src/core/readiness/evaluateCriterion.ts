import type { Evidence, Observation } from '../evidence/Evidence.js';
import type { Comparison, Criterion, Organization, Role, Unit } from '../model/Organization.js';
import { compareRatio, formatRatio, ratioFromDecimal } from '../ratio/Ratio.js';
import { describeDuration, durationAdjective } from '../time/Duration.js';
import { formatDate } from '../time/Instant.js';
import { describeCriterion, flattenDescription, levelName } from './describeCriterion.js';

export type CriterionStatus = 'met' | 'unmet' | 'unknown';

/** The verdict on one criterion, with the reason in words and numbers, and its parts for all / any / not. */
export interface CriterionResult {
  readonly kind: Criterion['kind'];
  readonly status: CriterionStatus;
  /** The criterion itself, in words. */
  readonly text: string;
  /** Why this status, naming the numbers. */
  readonly reason: string;
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

const COMPARISON_WORDS: Record<Comparison, string> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'above',
  '<': 'below',
};

/** Numbers as people read them: integers whole, others to four significant digits. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

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
  const { organization, unit, evidence, now } = context;
  const text = flattenDescription(describeCriterion({ criterion, organization, unit: unit.id }));
  const result = (
    status: CriterionStatus,
    reason: string,
    extra: Partial<CriterionResult> = {},
  ): CriterionResult => ({
    kind: criterion.kind,
    status,
    text,
    reason,
    ...extra,
  });
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
      const parts = [`${met} of ${children.length} met`];
      if (unmet > 0) parts.push(`${unmet} unmet`);
      if (unknown > 0) parts.push(`${unknown} unknown`);
      // For `any`, say which part decided it: the first met one, else every part's reason.
      const decisive = children.find((c) => c.status === 'met');
      const detail =
        criterion.kind === 'all'
          ? ''
          : decisive !== undefined
            ? `: ${decisive.text} — ${decisive.reason}`
            : `: ${children.map((c) => `${c.text} — ${c.reason}`).join('; ')}`;
      return result(status, `${parts.join(', ')}${detail}`, { children });
    }
    case 'not': {
      const inner = evaluateCriterion({ criterion: criterion.of, context });
      const status: CriterionStatus =
        inner.status === 'met' ? 'unmet' : inner.status === 'unmet' ? 'met' : 'unknown';
      return result(
        status,
        `it is ${inner.status === 'met' ? 'true' : inner.status === 'unmet' ? 'false' : 'unknown'} that ${inner.text}: ${inner.reason}`,
        {
          children: [inner],
        },
      );
    }
    case 'metric': {
      const metric = organization.metrics.find((m) => m.id === criterion.metric);
      const name = metric?.name ?? criterion.metric;
      const candidates = evidence.observations.filter(
        (o) =>
          o.metric === criterion.metric && (o.unit === undefined || o.unit === criterion.unit) && o.at <= now,
      );
      const windowed = candidates.filter((o) => o.window === criterion.window);
      if (windowed.length === 0) {
        if (candidates.length > 0) {
          const covers = [
            ...new Set(
              candidates.map((o) =>
                o.window === undefined ? 'a single point in time' : describeDuration(o.window),
              ),
            ),
          ];
          const wanted =
            criterion.window === undefined
              ? 'at a single point in time'
              : `over ${describeDuration(criterion.window)}`;
          return result(
            'unknown',
            `no observation of ${name} ${wanted}; the evidence covers ${covers.join(', ')}`,
          );
        }
        return result('unknown', `no observation of ${name} in the evidence`);
      }
      // A fresh observation beats a stale one; among fresh ones the unit's own beats an
      // organization-wide one; then the latest wins.
      const maxAge =
        criterion.window === undefined ? POINT_IN_TIME_FRESHNESS_DAYS * DAY : criterion.window * 1000;
      const fresh = (o: Observation) => now - o.at <= maxAge;
      const best = [...windowed].sort(
        (a, b) =>
          Number(fresh(b)) - Number(fresh(a)) ||
          Number(a.unit === undefined) - Number(b.unit === undefined) ||
          b.at - a.at,
      )[0]!;
      const seconds = metric?.unit === 'seconds';
      const show = (value: number) => (seconds ? describeDuration(Math.round(value)) : formatNumber(value));
      const source = `${best.source === undefined ? '' : `${best.source}, `}${formatDate(best.at)}`;
      if (!fresh(best)) {
        return result(
          'unknown',
          `the latest observation of ${name} (${show(best.value)}, ${source}) is older than ${criterion.window === undefined ? `${POINT_IN_TIME_FRESHNESS_DAYS} days` : `the ${durationAdjective(criterion.window)} window`}`,
        );
      }
      const ok = compare(best, criterion.comparison, criterion.value);
      // An exact value that no short decimal shows is given as a fraction too: 0.3333 (= 1/3).
      const observed =
        best.exact === undefined ||
        (ratioFromDecimal(String(best.value)) !== undefined &&
          compareRatio(ratioFromDecimal(String(best.value))!, best.exact) === 0)
          ? show(best.value)
          : `${show(best.value)} (= ${best.exact.num}/${best.exact.den})`;
      return result(
        ok ? 'met' : 'unmet',
        `${name} is ${observed}, needs ${COMPARISON_WORDS[criterion.comparison]} ${seconds ? show(criterion.value) : String(criterion.value)} (${source})`,
      );
    }
    case 'time-at-level': {
      const since = levelSince(context);
      const at = levelName({ organization, unit: unit.id, level: levelOf(context, unit.id) ?? unit.level });
      if (since === undefined) {
        return result('unknown', `no record of when ${unit.name} reached ${at}`, {});
      }
      const elapsed = Math.max(0, now - since);
      const days = Math.floor(elapsed / DAY);
      const metAt = since + criterion.seconds * 1000;
      if (elapsed >= criterion.seconds * 1000) {
        return result(
          'met',
          `at ${at} since ${formatDate(since)} (${days} days), needs ${describeDuration(criterion.seconds)}`,
        );
      }
      return result(
        'unmet',
        `at ${at} since ${formatDate(since)} (${days} days), needs ${describeDuration(criterion.seconds)}: met on ${formatDate(metAt)}`,
        { metAt },
      );
    }
    case 'decisions-at-level': {
      const count = evidence.units[unit.id]?.decisionsAtLevel;
      const at = levelName({ organization, unit: unit.id, level: levelOf(context, unit.id) ?? unit.level });
      if (count === undefined) return result('unknown', `no count of decisions completed at ${at}`);
      const ok = count >= criterion.count;
      return result(
        ok ? 'met' : 'unmet',
        `${count} decision${count === 1 ? '' : 's'} completed at ${at}, needs at least ${criterion.count}`,
      );
    }
    case 'checklist': {
      const attestation = evidence.attestations
        .filter(
          (a) => a.checklist === criterion.id && (a.unit === undefined || a.unit === unit.id) && a.at <= now,
        )
        .sort((a, b) => b.at - a.at)[0];
      if (attestation === undefined) return result('unmet', 'not attested');
      const who =
        attestation.by === undefined
          ? ''
          : ` by ${organization.members.find((m) => m.id === attestation.by)?.name ?? attestation.by}`;
      const when = `attested${who} on ${formatDate(attestation.at)}`;
      if (criterion.evidenceRequired && attestation.evidence === undefined) {
        return result('unmet', `${when}, but without the evidence link it requires`);
      }
      return result('met', attestation.evidence === undefined ? when : `${when} (${attestation.evidence})`);
    }
    case 'unit-level': {
      const other = organization.units.find((u) => u.id === criterion.unit);
      const has = levelOf(context, criterion.unit);
      if (other === undefined || has === undefined)
        return result('unknown', `unit '${criterion.unit}' is not in the charter`);
      const name = (level: number) => `${levelName({ organization, unit: other.id, level })} (${level})`;
      return result(
        has >= criterion.level ? 'met' : 'unmet',
        `${other.name} is at ${name(has)}, needs ${name(criterion.level)} or above`,
      );
    }
    case 'role': {
      const role = organization.roles.find((r) => r.id === criterion.role);
      if (role === undefined) return result('unknown', `role '${criterion.role}' is not in the charter`);
      const reasons: string[] = [];
      let ok = true;
      if (criterion.minMembers !== undefined) {
        const count = currentMembers(role, now).length;
        ok &&= count >= criterion.minMembers;
        reasons.push(
          `${role.name} has ${count} current member${count === 1 ? '' : 's'}, needs at least ${criterion.minMembers}`,
        );
      }
      if (criterion.minThreshold !== undefined) {
        if (role.threshold === undefined) {
          ok = false;
          reasons.push(
            `${role.name} declares no threshold, needs at least ${formatRatio(criterion.minThreshold)}`,
          );
        } else {
          ok &&= compareRatio(role.threshold, criterion.minThreshold) >= 0;
          reasons.push(
            `its threshold is ${formatRatio(role.threshold)}, needs at least ${formatRatio(criterion.minThreshold)}`,
          );
        }
      }
      return result(ok ? 'met' : 'unmet', reasons.join('; '));
    }
    case 'exit-window': {
      const level = unit.levels[context.level];
      if (level === undefined) return result('unknown', `level ${context.level} is not on the ladder`);
      const window = Math.max(0, level.policy.timelock - criterion.withdrawalDelay);
      const how =
        criterion.withdrawalDelay === 0
          ? `a timelock of ${describeDuration(level.policy.timelock)}`
          : `a timelock of ${describeDuration(level.policy.timelock)} less a ${durationAdjective(criterion.withdrawalDelay)} withdrawal delay`;
      return result(
        window >= criterion.seconds ? 'met' : 'unmet',
        `${level.name} gives users ${describeDuration(window)} to exit (${how}), needs ${describeDuration(criterion.seconds)}`,
      );
    }
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
