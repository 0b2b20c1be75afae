import type { Ladder } from '../model/Organization.js';
import { DEFAULT_LADDER } from './defaults.js';
import type { ResolveContext } from './ResolveContext.js';
import { reportPolicyProblems } from './reportPolicyProblems.js';

/**
 * Registers the declared ladders beside the built-in one, reporting duplicate ladder and level
 * ids, and checks each level's policy once — not once per unit that climbs the ladder.
 *
 * @example
 * resolveLadders({ context });
 * const ladders = ladderModels({ context }); // after the units, for the organization model
 */
export function resolveLadders(args: { context: ResolveContext }): void {
  const { context } = args;
  (context.input.ladders ?? []).forEach((ladder, index) => {
    const path = ['ladders', index];
    if (context.ladders.has(ladder.id)) {
      context.error({
        path: [...path, 'id'],
        code: 'charter/duplicate-id',
        message:
          ladder.id === DEFAULT_LADDER.id
            ? "the ladder id 'default' is reserved for the built-in ladder"
            : `ladder '${ladder.id}' is declared twice`,
        hint: 'choose another id',
      });
      return;
    }
    context.ladders.set(ladder.id, { ladder, path });
    context.unique({
      ids: ladder.levels.map((l) => l.id),
      listPath: [...path, 'levels'],
      field: 'id',
      noun: 'level',
    });
    ladder.levels.forEach((level, levelIndex) => {
      reportPolicyProblems({
        context,
        policy: level.policy,
        path: [...path, 'levels', levelIndex, 'policy'],
      });
    });
  });
}

/** The registered ladders as the organization model holds them. */
export function ladderModels(args: { context: ResolveContext }): Ladder[] {
  return [...args.context.ladders.values()].map(({ ladder, path }) => ({
    id: ladder.id,
    name: ladder.name,
    ...(ladder.description === undefined ? {} : { description: ladder.description }),
    builtIn: path === undefined,
    levels: ladder.levels.map((l) => ({
      id: l.id,
      name: l.name,
      ...(l.summary === undefined ? {} : { summary: l.summary }),
    })),
  }));
}
