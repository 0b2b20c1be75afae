import { DevolveError } from '../core/errors/DevolveError.js';
import type { ProblemIn } from '../core/errors/ErrorCode.js';

/** A mistake in how the command was called: exit status 2. */
export function usageError(args: { code: ProblemIn<'usage'>; message: string; hint?: string }): DevolveError {
  return new DevolveError({ ...args, code: `usage/${args.code}` });
}

/**
 * The one place exit statuses are decided: 0 fine, 1 an invalid charter (or another failure of
 * the work itself), 2 a usage error (bad arguments, a missing file, an unknown unit or template).
 */
export function exitCodeFor(error: unknown): 1 | 2 {
  if (error instanceof DevolveError) {
    if (error.code.startsWith('usage/') || error.code.endsWith('/not-found')) return 2;
    return 1;
  }
  return 1;
}
