import { DevolveError } from '../core/errors/DevolveError.js';
import type { ErrorCode } from '../core/errors/ErrorCode.js';

/** An RFC 9457 problem object, with Devolve's stable `code` and optional `hint` and `details`. */
export interface Problem {
  /** A URI reference naming the kind of problem: `/problems/<code>`. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Stable and machine-readable, e.g. `action/proposal-required`: match on this. */
  readonly code: ErrorCode | 'internal';
  readonly hint?: string;
  /** Structured facts about the failure, e.g. `{ unit: 'treasury', level: 1 }`. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The one table from error codes to HTTP statuses. Whatever is not listed falls back by family:
 * `action/…` and `proposal/…` are refusals (403), anything else a request the server cannot use
 * (400). The store's own codes never reach a client, with one exception (see `isPublic`).
 */
const STATUS: Readonly<Partial<Record<ErrorCode, number>>> = {
  'request/malformed-json': 400,
  'request/bad-query': 400,
  'request/bad-page': 400,
  'request/not-found': 404,
  'request/method-not-allowed': 405,
  'request/too-large': 413,
  'request/unsupported-media-type': 415,
  'action/malformed': 400,
  'action/missing-head': 400,
  'action/unexpected-head': 400,
  'action/bad-signature': 403,
  'action/wrong-key': 403,
  'action/unknown-actor': 403,
  'action/not-a-member': 403,
  'action/not-an-owner': 403,
  'action/key-change': 403,
  'action/wrong-organization': 403,
  'action/proposal-required': 409,
  'action/unknown-head': 409,
  'action/nonce-reused': 409,
  'action/invalid-charter': 422,
  'action/unknown-kind': 422,
  'action/not-org-create': 422,
  'action/no-organization': 422,
  'action/issued-in-future': 422,
  'organization/not-found': 404,
  'proposal/not-found': 404,
  'unit/not-found': 404,
  'organization/exists': 409,
  'store/unavailable': 503,
};

/**
 * Whether a code may be shown to a client. `store/…` codes are the server's own trouble; of
 * them only `store/unavailable` is answered as itself (503 with `Retry-After`: the database is
 * restarting or out of reach, and a client should try again). The others — `store/corrupt`, a
 * data directory in use or unusable, a schema too new — say something about the server's disk
 * that no client can act on and that an attacker could probe for, so they are answered as a
 * bare `internal` 500, like a bug, and logged in full.
 */
function isPublic(code: ErrorCode): boolean {
  return code === 'store/unavailable' || !code.startsWith('store/');
}

/**
 * Seconds a client should wait before trying again, sent as `Retry-After`, for failures that
 * pass: the database restarting, or briefly out of reach.
 */
const RETRY_AFTER_SECONDS: Readonly<Partial<Record<ErrorCode, number>>> = {
  'store/unavailable': 2,
};

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad request',
  403: 'Refused',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  422: 'Unprocessable action',
  500: 'Internal error',
  503: 'Unavailable',
};

/** The HTTP status for an error code, from the table above. */
export function statusFor(code: ErrorCode): number {
  const listed = STATUS[code];
  if (listed !== undefined) return listed;
  if (!isPublic(code)) return 500;
  if (code.startsWith('action/') || code.startsWith('proposal/')) return 403;
  return 400;
}

/**
 * Turns any failure into the problem object the API answers with: every `DevolveError` with a
 * public code keeps its code, message, hint and details; anything else — a bug, or a store
 * failure other than `store/unavailable` — becomes a bare `internal` 500 whose message is not
 * shown (it may hold internals), so the caller logs it.
 *
 * @example
 * problemFor(new DevolveError({ code: 'organization/not-found', message: 'no such organization' }))
 * // { type: '/problems/organization/not-found', title: 'Not found', status: 404, … }
 */
export function problemFor(error: unknown): Problem {
  if (error instanceof DevolveError && isPublic(error.code)) {
    const status = statusFor(error.code);
    return {
      type: `/problems/${error.code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail: error.message,
      code: error.code,
      ...(error.hint === undefined ? {} : { hint: error.hint }),
      ...(Object.keys(error.details).length === 0 ? {} : { details: error.details }),
    };
  }
  return {
    type: '/problems/internal',
    title: TITLES[500]!,
    status: 500,
    detail: 'the server failed to handle the request; the failure is logged',
    code: 'internal',
  };
}

/**
 * The response headers a failure adds to its problem: `Allow` for a 405, `Retry-After` for a
 * failure that passes (a 503 while the database is away).
 *
 * @example
 * problemHeaders(new DevolveError({ code: 'store/unavailable', message: 'the database is unavailable' }))
 * // { 'retry-after': '2' }
 */
export function problemHeaders(error: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!(error instanceof DevolveError)) return headers;
  if (Array.isArray(error.details['allow']))
    headers['allow'] = (error.details['allow'] as string[]).join(', ');
  const retryAfter = RETRY_AFTER_SECONDS[error.code];
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return headers;
}
