import type { Comparison, Criterion, Organization } from '../model/Organization.js';
import { formatRatio, type Ratio } from '../ratio/Ratio.js';
import { describeDuration } from '../time/Duration.js';

/** A criterion in words: a line, and for all / any / not, the lines it combines. */
export interface CriterionDescription {
  readonly text: string;
  readonly children?: readonly CriterionDescription[];
}

const COMPARISON_WORDS: Record<Comparison, string> = {
  '>=': 'at least',
  '<=': 'at most',
  '>': 'above',
  '<': 'below',
};

/** The name of level `level` of unit `unitId`, e.g. 'Delegated'. */
export function levelName(args: { organization: Organization; unit: string; level: number }): string {
  const unit = args.organization.units.find((u) => u.id === args.unit);
  return unit?.levels[args.level]?.name ?? `level ${args.level}`;
}

/**
 * Plain words for a criterion, seen from the unit it belongs to (`unit`): a metric of that unit
 * is not named again, a metric of another unit is.
 *
 * @example
 * describeCriterion({ criterion: { kind: 'time-at-level', seconds: 7776000 }, organization, unit: 'treasury' })
 * // { text: 'at least 90 days at the current level' }
 */
export function describeCriterion(args: {
  criterion: Criterion;
  organization: Organization;
  unit: string;
}): CriterionDescription {
  const { criterion, organization } = args;
  const child = (c: Criterion) => describeCriterion({ ...args, criterion: c });
  switch (criterion.kind) {
    case 'all':
      return { text: 'all of', children: criterion.of.map(child) };
    case 'any':
      return { text: 'any of', children: criterion.of.map(child) };
    case 'not':
      return { text: 'none of', children: [child(criterion.of)] };
    case 'metric': {
      const metric = organization.metrics.find((m) => m.id === criterion.metric);
      const name = metric?.name ?? criterion.metric;
      const owner =
        criterion.unit === args.unit
          ? ''
          : ` of ${organization.units.find((u) => u.id === criterion.unit)?.name ?? criterion.unit}`;
      const window = criterion.window === undefined ? '' : ` over ${describeDuration(criterion.window)}`;
      const value = metric?.unit === 'seconds' ? describeDuration(criterion.value) : String(criterion.value);
      return { text: `${name}${owner} ${COMPARISON_WORDS[criterion.comparison]} ${value}${window}` };
    }
    case 'time-at-level':
      return { text: `at least ${describeDuration(criterion.seconds)} at the current level` };
    case 'decisions-at-level':
      return {
        text: `at least ${criterion.count} decision${criterion.count === 1 ? '' : 's'} completed at the current level`,
      };
    case 'checklist':
      return {
        text: `${criterion.text}${criterion.evidenceRequired ? ' (attested with an evidence link)' : ' (attested)'}`,
      };
    case 'unit-level': {
      const unit = organization.units.find((u) => u.id === criterion.unit);
      return {
        text: `${unit?.name ?? criterion.unit} at ${levelName({ organization, unit: criterion.unit, level: criterion.level })} or above`,
      };
    }
    case 'role': {
      const role = organization.roles.find((r) => r.id === criterion.role);
      const parts: string[] = [];
      if (criterion.minMembers !== undefined) parts.push(`at least ${criterion.minMembers} members`);
      if (criterion.minThreshold !== undefined)
        parts.push(`a threshold of at least ${formatRatio(criterion.minThreshold)}`);
      return { text: `${role?.name ?? criterion.role} has ${parts.join(' and ')}` };
    }
    case 'exit-window': {
      const delay =
        criterion.withdrawalDelay === 0
          ? ''
          : ` (the timelock, less a withdrawal delay of ${describeDuration(criterion.withdrawalDelay)})`;
      return {
        text: `users have at least ${describeDuration(criterion.seconds)} to exit before a decision takes effect${delay}`,
      };
    }
    case 'control': {
      const owner =
        criterion.unit === args.unit
          ? ''
          : ` of ${organization.units.find((u) => u.id === criterion.unit)?.name ?? criterion.unit}`;
      return { text: `${criterion.power} authority${owner} ${describeControlConditions(criterion)}` };
    }
  }
}

/**
 * The conditions of a control criterion in words.
 *
 * @example
 * describeControlConditions({ minOwners: 8, minThreshold: 3/4, minDelay: 604800 })
 * // 'held through a multisig of at least 8 owners at a threshold of at least 75% behind a timelock of at least 7 days'
 */
export function describeControlConditions(c: {
  noSingleKey?: boolean;
  minOwners?: number;
  minThreshold?: Ratio;
  minDelay?: number;
}): string {
  const parts: string[] = [];
  if (c.noSingleKey === true) parts.push('held by no single plain key');
  if (c.minOwners !== undefined || c.minThreshold !== undefined) {
    const owners = c.minOwners === undefined ? '' : ` of at least ${c.minOwners} owners`;
    const threshold =
      c.minThreshold === undefined ? '' : ` at a threshold of at least ${formatRatio(c.minThreshold)}`;
    parts.push(`held through a multisig${owners}${threshold}`);
  }
  if (c.minDelay !== undefined) parts.push(`behind a timelock of at least ${describeDuration(c.minDelay)}`);
  return parts.join(', ');
}

/** A criterion description on one line: `any of (a; b)`. */
export function flattenDescription(description: CriterionDescription): string {
  if (description.children === undefined) return description.text;
  return `${description.text} (${description.children.map(flattenDescription).join('; ')})`;
}
