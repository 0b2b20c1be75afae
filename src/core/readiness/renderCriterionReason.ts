import type { Comparison } from '../model/Organization.js';
import { compareRatio, formatRatio, ratioFromDecimal } from '../ratio/Ratio.js';
import { describeDuration, durationAdjective } from '../time/Duration.js';
import { formatDate } from '../time/Instant.js';
import type {
  ControlFacts,
  ControlPathFacts,
  CriterionFacts,
  CriterionStatus,
  MetricFacts,
} from './CriterionFacts.js';
import { describeControlConditions } from './describeCriterion.js';

/** What the renderer needs of a result: its facts, its verdict and its parts in words. */
export interface RenderableResult {
  readonly status: CriterionStatus;
  readonly facts: CriterionFacts;
  readonly children?: readonly {
    readonly status: CriterionStatus;
    readonly text: string;
    readonly reason: string;
  }[];
}

export const COMPARISON_WORDS: Record<Comparison, string> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'above',
  '<': 'below',
};

/** Numbers as people read them: integers whole, others to four significant digits. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function metricReason(facts: MetricFacts): string {
  const name = facts.metricName;
  const show = (value: number) => (facts.seconds ? describeDuration(Math.round(value)) : formatNumber(value));
  if (facts.problem === 'missing' || facts.actual === undefined) {
    if (facts.problem === 'other-windows') {
      const covers = (facts.covers ?? []).map((w) =>
        w === null ? 'a single point in time' : describeDuration(w),
      );
      const wanted =
        facts.window === undefined ? 'at a single point in time' : `over ${describeDuration(facts.window)}`;
      return `no observation of ${name} ${wanted}; the evidence covers ${covers.join(', ')}`;
    }
    return `no observation of ${name} in the evidence`;
  }
  const actual = facts.actual;
  const source = `${actual.source === undefined ? '' : `${actual.source}, `}${formatDate(actual.at)}`;
  if (facts.problem === 'stale') {
    const limit =
      facts.window === undefined
        ? `${(facts.maxAge ?? 0) / 86_400} days`
        : `the ${durationAdjective(facts.window)} window`;
    return `the latest observation of ${name} (${show(actual.value)}, ${source}) is older than ${limit}`;
  }
  // An exact value that no short decimal shows is given as a fraction too: 0.3333 (= 1/3).
  const decimal = ratioFromDecimal(String(actual.value));
  const observed =
    actual.exact === undefined || (decimal !== undefined && compareRatio(decimal, actual.exact) === 0)
      ? show(actual.value)
      : `${show(actual.value)} (= ${actual.exact.num}/${actual.exact.den})`;
  return `${name} is ${observed}, needs ${COMPARISON_WORDS[facts.comparison]} ${facts.seconds ? show(facts.required) : String(facts.required)} (${source})`;
}

function describePath(path: ControlPathFacts): string {
  const who = path.leafKind === 'key' ? `plain key ${path.leaf}` : `${path.leafKind} ${path.leaf}`;
  const through =
    path.multisig === undefined
      ? 'through no multisig'
      : `through a multisig of ${path.multisig.threshold} of ${path.multisig.owners}`;
  const delay = path.delay === 0 ? 'no timelock' : `a timelock of ${describeDuration(path.delay)}`;
  return `${who} ${through}, ${delay}`;
}

function controlReason(facts: ControlFacts): string {
  const power = `${facts.power} authority of ${facts.unitName ?? facts.unit}`;
  if (facts.observed === undefined) return `no control fact recorded for the ${power}`;
  const seen = `${facts.observed.subject}, read ${formatDate(facts.observed.observedAt)}`;
  if (facts.failing !== undefined)
    return `${plural(facts.failing.length, 'path')} of ${facts.observed.paths} fail (${seen}): ${facts.failing.map(describePath).join('; ')}`;
  if (facts.unjudged !== undefined)
    return `${plural(facts.unjudged.length, 'path')} end at a contract of unknown kind (${seen}): ${facts.unjudged.map(describePath).join('; ')}`;
  return facts.observed.paths === 0
    ? `no one can use the ${power} (${seen})`
    : `every one of ${plural(facts.observed.paths, 'path')} is ${describeControlConditions(facts)} (${seen})`;
}

/**
 * The reason for a verdict, in words, rendered from its facts alone. Every surface shows this
 * text (escaped as it needs); none parses it.
 *
 * @example
 * renderCriterionReason({ status: 'unmet', facts: { kind: 'decisions-at-level', level: 3, levelName: 'Delegated', required: 3, actual: 2 } })
 * // '2 decisions completed at Delegated, needs at least 3'
 */
export function renderCriterionReason(result: RenderableResult): string {
  const { facts } = result;
  const children = result.children ?? [];
  switch (facts.kind) {
    case 'all': {
      const parts = [`${facts.met} of ${facts.total} met`];
      if (facts.unmet > 0) parts.push(`${facts.unmet} unmet`);
      if (facts.unknown > 0) parts.push(`${facts.unknown} unknown`);
      return parts.join(', ');
    }
    case 'any': {
      // The met parts decide an `any`, so they are named as met with their reasons; the others
      // are then only named. With none met, every part gives its reason.
      const line = (c: { text: string; reason: string }) => `${c.text} — ${c.reason}`;
      const group = (s: CriterionStatus, withReasons: boolean) => {
        const of = children.filter((c) => c.status === s);
        return of.length === 0 ? [] : [`${s}: ${of.map((c) => (withReasons ? line(c) : c.text)).join('; ')}`];
      };
      const head = `${facts.met} of ${facts.total} met`;
      if (facts.met > 0) {
        const met = children.filter((c) => c.status === 'met').map(line);
        return [`${head}: ${met.join('; ')}`, ...group('unmet', false), ...group('unknown', false)].join(
          '; ',
        );
      }
      return [head, ...group('unmet', true), ...group('unknown', true)].join('; ');
    }
    case 'not': {
      const inner = children[0];
      const truth = facts.inner === 'met' ? 'true' : facts.inner === 'unmet' ? 'false' : 'unknown';
      return `it is ${truth} that ${inner?.text ?? ''}: ${inner?.reason ?? ''}`;
    }
    case 'metric':
      return metricReason(facts);
    case 'time-at-level': {
      if (facts.since === undefined) return `no record of when ${facts.unitName} reached ${facts.levelName}`;
      const base = `at ${facts.levelName} since ${formatDate(facts.since)} (${facts.days ?? 0} days), needs ${describeDuration(facts.required)}`;
      return facts.metAt === undefined ? base : `${base}: met on ${formatDate(facts.metAt)}`;
    }
    case 'decisions-at-level':
      return facts.actual === undefined
        ? `no count of decisions completed at ${facts.levelName}`
        : `${plural(facts.actual, 'decision')} completed at ${facts.levelName}, needs at least ${facts.required}`;
    case 'checklist': {
      const attestation = facts.attestation;
      if (attestation === undefined) return 'not attested';
      const who = attestation.by === undefined ? '' : ` by ${attestation.byName ?? attestation.by}`;
      // Only a signed attestation says "signed"; an evidence file's stays "attested" (facts.signed false).
      const as = attestation.signed && attestation.role !== undefined ? ` (${attestation.role})` : '';
      const when = `${attestation.signed ? 'signed' : 'attested'}${who}${as} on ${formatDate(attestation.at)}`;
      if (facts.evidenceRequired && attestation.evidence === undefined)
        return `${when}, but without the evidence link it requires`;
      return attestation.evidence === undefined ? when : `${when} (${attestation.evidence})`;
    }
    case 'unit-level': {
      if (facts.unitName === undefined || facts.actual === undefined)
        return `unit '${facts.unit}' is not in the charter`;
      return `${facts.unitName} is at ${facts.actualName} (${facts.actual}), needs ${facts.requiredName} (${facts.required}) or above`;
    }
    case 'role': {
      if (facts.roleName === undefined) return `role '${facts.role}' is not in the charter`;
      const reasons: string[] = [];
      if (facts.members !== undefined) {
        reasons.push(
          `${facts.roleName} has ${plural(facts.members.actual, 'current member')}, needs at least ${facts.members.required}`,
        );
      }
      if (facts.threshold !== undefined) {
        reasons.push(
          facts.threshold.actual === undefined
            ? `${facts.roleName} declares no threshold, needs at least ${formatRatio(facts.threshold.required)}`
            : `its threshold is ${formatRatio(facts.threshold.actual)}, needs at least ${formatRatio(facts.threshold.required)}`,
        );
      }
      return reasons.join('; ');
    }
    case 'exit-window': {
      if (facts.levelName === undefined || facts.timelock === undefined || facts.window === undefined)
        return `level ${facts.level} is not on the ladder`;
      const how =
        facts.withdrawalDelay === 0
          ? `a timelock of ${describeDuration(facts.timelock)}`
          : `a timelock of ${describeDuration(facts.timelock)} less a ${durationAdjective(facts.withdrawalDelay)} withdrawal delay`;
      return `${facts.levelName} gives users ${describeDuration(facts.window)} to exit (${how}), needs ${describeDuration(facts.required)}`;
    }
    case 'control':
      return controlReason(facts);
  }
}
