import type { Commitment } from '../model/Organization.js';
import type { UnitPartArgs } from './ResolveContext.js';
import { instantAt } from './readMeasures.js';
import { resolveCriterion } from './resolveCriterion.js';

/**
 * A unit's public commitments ("reaches Delegated by 2027-06-30 unless …"): each needs a date or
 * a trigger and a level of the unit's ladder. An unnamed commitment is called after its unit and
 * level (`treasury-delegated`, then `treasury-delegated-2` …); ids must not repeat within a unit.
 *
 * @example
 * const commitments = resolveCommitments({ context, unit, path: ['units', 0], ladder });
 */
export function resolveCommitments(args: UnitPartArgs): Commitment[] {
  const { context, unit, path, ladder } = args;
  const commitments: Commitment[] = [];
  const commitmentIds = new Map<string, number>();
  (unit.commitments ?? []).forEach((commitment, i) => {
    const commitmentPath = [...path, 'commitments', i];
    const level = context.levelIndex({ ladder, ref: commitment.level, path: [...commitmentPath, 'level'] });
    if (commitment.by === undefined && commitment.when === undefined) {
      context.error({
        path: commitmentPath,
        code: 'charter/commitment-without-deadline',
        message: 'a commitment needs a date or a trigger',
        hint: "add 'by: 2027-06-30' or 'when: { … }'",
      });
    }
    const when =
      commitment.when === undefined
        ? undefined
        : resolveCriterion({ context, criterion: commitment.when, path: [...commitmentPath, 'when'], unit });
    const by =
      commitment.by === undefined
        ? undefined
        : instantAt({ context, text: commitment.by, path: [...commitmentPath, 'by'] });
    if (level === undefined) return;
    const id = commitment.id ?? `${unit.id}-${ladder.levels[level]!.id}${i === 0 ? '' : `-${i + 1}`}`;
    const earlier = commitmentIds.get(id);
    if (earlier !== undefined) {
      context.error({
        path: [...commitmentPath, commitment.id === undefined ? 'level' : 'id'],
        code: 'charter/duplicate-id',
        message: `commitment '${id}' is declared twice`,
        hint: 'give each commitment its own id',
        related: { path: [...path, 'commitments', earlier], message: 'first declared here' },
      });
    }
    commitmentIds.set(id, i);
    commitments.push({
      id,
      level,
      ...(by === undefined ? {} : { by }),
      ...(when === undefined ? {} : { when }),
      ...(commitment.unless === undefined ? {} : { unless: commitment.unless }),
      ...(commitment.statement === undefined ? {} : { statement: commitment.statement }),
    });
  });
  return commitments;
}
