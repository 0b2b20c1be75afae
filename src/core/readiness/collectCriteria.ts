import type { Criterion, Unit } from '../model/Organization.js';

type Leaf = Exclude<Criterion, { kind: 'all' | 'any' | 'not' }>;

/** Every leaf criterion under `criterion` (through all / any / not), in order. */
export function leafCriteria(criterion: Criterion | undefined): Leaf[] {
  if (criterion === undefined) return [];
  if (criterion.kind === 'all' || criterion.kind === 'any') return criterion.of.flatMap(leafCriteria);
  if (criterion.kind === 'not') return leafCriteria(criterion.of);
  return [criterion];
}

/** Every leaf criterion a unit declares anywhere: readiness and requirements of each level, commitment triggers. */
export function unitCriteria(unit: Unit): Leaf[] {
  return [
    ...unit.levels.flatMap((level) => [
      ...leafCriteria(level.readiness),
      ...leafCriteria(level.requirements),
    ]),
    ...unit.commitments.flatMap((commitment) => leafCriteria(commitment.when)),
  ];
}
