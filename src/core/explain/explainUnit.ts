import { DevolveError } from '../errors/DevolveError.js';
import type { Organization, Unit, UnitLevel } from '../model/Organization.js';
import {
  describeParties,
  describePolicy,
  explainPolicy,
  type PolicyExplanation,
} from '../policy/describePolicy.js';
import {
  type CriterionDescription,
  describeCriterion,
  flattenDescription,
  levelName,
} from '../readiness/describeCriterion.js';
import { suggestionHint } from '../text/didYouMean.js';
import { formatDate } from '../time/Instant.js';

export interface LevelExplanation {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly summary?: string;
  /** The one-line policy description (see `describePolicy`). */
  readonly policyLine: string;
  readonly policy: PolicyExplanation;
  readonly requirements?: CriterionDescription;
  /** What must hold before moving up to this level. */
  readonly readiness?: CriterionDescription;
}

/** Who decides what about a unit, today and at the next level, in plain words. */
export interface UnitExplanation {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly dimension: { readonly id: string; readonly name: string };
  readonly owners: string;
  readonly ladder: { readonly id: string; readonly levels: number };
  readonly today: LevelExplanation;
  readonly next?: LevelExplanation;
  readonly target: { readonly index: number; readonly id: string; readonly name: string };
  readonly dependsOn: readonly string[];
  readonly commitments: readonly string[];
}

/** Finds a unit by id, or fails with `unit/not-found` and a did-you-mean hint. */
export function findUnit(args: { organization: Organization; unit: string }): Unit {
  const unit = args.organization.units.find((u) => u.id === args.unit);
  if (unit !== undefined) return unit;
  const ids = args.organization.units.map((u) => u.id);
  throw new DevolveError({
    code: 'unit/not-found',
    message: `no unit '${args.unit}' in ${args.organization.name}`,
    hint: suggestionHint({ input: args.unit, candidates: ids, noun: 'unit' }),
    details: { unit: args.unit },
  });
}

/**
 * @example
 * explainUnit({ organization, unit: 'treasury' }).today.policy.decide
 * // 'Core team decides by simple majority: …; voting stays open for 3 days.'
 */
export function explainUnit(args: { organization: Organization; unit: string }): UnitExplanation {
  const { organization } = args;
  const unit = findUnit(args);
  const explainLevel = (level: UnitLevel): LevelExplanation => ({
    index: level.index,
    id: level.id,
    name: level.name,
    ...(level.summary === undefined ? {} : { summary: level.summary }),
    policyLine: describePolicy({ policy: level.policy, organization }),
    policy: explainPolicy({ policy: level.policy, organization }),
    ...(level.requirements === undefined
      ? {}
      : { requirements: describeCriterion({ criterion: level.requirements, organization, unit: unit.id }) }),
    ...(level.readiness === undefined
      ? {}
      : { readiness: describeCriterion({ criterion: level.readiness, organization, unit: unit.id }) }),
  });
  const dimension = organization.dimensions.find((d) => d.id === unit.dimension)!;
  const target = unit.levels[unit.target]!;
  const next = unit.levels[unit.level + 1];
  const name = (level: number) => levelName({ organization, unit: unit.id, level });
  return {
    id: unit.id,
    name: unit.name,
    ...(unit.description === undefined ? {} : { description: unit.description }),
    dimension: { id: dimension.id, name: dimension.name },
    owners: describeParties({ parties: unit.owners.map((role) => ({ kind: 'role', role })), organization }),
    ladder: { id: unit.ladder, levels: unit.levels.length },
    today: explainLevel(unit.levels[unit.level]!),
    ...(next === undefined ? {} : { next: explainLevel(next) }),
    target: { index: target.index, id: target.id, name: target.name },
    dependsOn: unit.dependsOn.map((d) => {
      const other = organization.units.find((u) => u.id === d.unit)!;
      const because = d.reason === undefined ? '' : ` — ${d.reason}`;
      return `${unit.name} can reach ${name(d.from)} only once ${other.name} is at ${levelName({ organization, unit: other.id, level: d.level })} or above${because}`;
    }),
    commitments: unit.commitments.map((c) => {
      const when = [
        c.by === undefined ? undefined : `by ${formatDate(c.by)}`,
        c.when === undefined
          ? undefined
          : `once ${flattenDescription(describeCriterion({ criterion: c.when, organization, unit: unit.id }))}`,
      ]
        .filter((part) => part !== undefined)
        .join(', or ');
      const unless = c.unless === undefined ? '' : `, unless ${c.unless}`;
      return `${name(c.level)} ${when}${unless}`;
    }),
  };
}
