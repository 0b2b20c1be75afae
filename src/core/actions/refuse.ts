import { DevolveError } from '../errors/DevolveError.js';
import type { ProblemIn } from '../errors/ErrorCode.js';

/**
 * The error every action check throws: code `action/<code>`, the data that explains it, and a hint
 * when the actor can do something about it.
 *
 * @example
 * throw refuse('not-an-owner', `'${actor}' does not own unit '${unit}'`, { unit, actor });
 */
export function refuse(
  code: ProblemIn<'action'>,
  message: string,
  details: Record<string, unknown> = {},
  hint?: string,
): DevolveError {
  return new DevolveError({
    code: `action/${code}`,
    message,
    details,
    ...(hint === undefined ? {} : { hint }),
  });
}
