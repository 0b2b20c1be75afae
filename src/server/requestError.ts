import type { ProblemIn } from '../core/errors/ErrorCode.js';
import { errorOfFamily } from '../core/errors/errorOfFamily.js';

// store/createSqlEventStore.ts's `refuse` and store/lockDataDir.ts's `dataDirError` still spell
// out what `errorOfFamily` makes (the store is not this module's to change).
const requestFailure = errorOfFamily('request');

/**
 * A `request/…` error: what the server cannot use in a request (its path, query, body).
 *
 * @example
 * throw requestError('bad-query', "'limit' must be a whole number from 1 to 1000", { limit: raw });
 */
export const requestError = (
  code: ProblemIn<'request'>,
  message: string,
  details: Record<string, unknown> = {},
) => requestFailure(code, message, { details });
