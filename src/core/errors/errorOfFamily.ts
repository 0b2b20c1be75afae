import { DevolveError } from './DevolveError.js';
import type { ErrorCode, ErrorFamily, ProblemIn } from './ErrorCode.js';

/** What an error of a family may carry besides its problem and message. */
export interface FamilyErrorExtras {
  readonly details?: Record<string, unknown>;
  readonly hint?: string | undefined;
  readonly cause?: unknown;
}

/**
 * The maker of one family's errors (`request/…`, `output/…`): the family is fixed once, and the
 * type of `problem` lets only that family's problems through. Every module that raises errors of
 * one family builds them here, so none spells the `family/problem` join or the optional hint and
 * cause again.
 *
 * @example
 * const requestError = errorOfFamily('request');
 * requestError('not-found', 'there is nothing at this path', { details: { path } }).code // 'request/not-found'
 */
export function errorOfFamily<F extends ErrorFamily>(
  family: F,
): (problem: ProblemIn<F>, message: string, extras?: FamilyErrorExtras) => DevolveError {
  return (problem, message, extras = {}) =>
    new DevolveError({
      code: `${family}/${problem}` as ErrorCode,
      message,
      details: extras.details ?? {},
      ...(extras.hint === undefined ? {} : { hint: extras.hint }),
      ...(extras.cause === undefined ? {} : { cause: extras.cause }),
    });
}
