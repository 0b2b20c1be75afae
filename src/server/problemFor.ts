import { DevolveError } from '../core/errors/DevolveError.js';

/** An RFC 9457 problem object, with Devolve's stable `code` and optional `hint` and `details`. */
export interface Problem {
  /** A URI reference naming the kind of problem: `/problems/<code>`. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Stable and machine-readable, e.g. `action/proposal-required`: match on this. */
  readonly code: string;
  readonly hint?: string;
  /** Structured facts about the failure, e.g. `{ unit: 'treasury', level: 1 }`. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The one table from error codes to HTTP statuses. Whatever is not listed falls back by prefix:
 * `action/…` is a refusal (403), `store/…` the server's own trouble (500), anything else a
 * request the server cannot use (400). Only an error that is not a `DevolveError` at all — a
 * bug — is a 500 without a code of its own.
 */
const STATUS: Readonly<Record<string, number>> = {
  'request/malformed-json': 400,
  'request/bad-query': 400,
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
  'store/organization-not-found': 404,
  'store/unit-not-found': 404,
  'store/proposal-not-found': 404,
  'unit/not-found': 404,
  'store/organization-exists': 409,
  'store/bad-page': 400,
  'store/unavailable': 503,
  'store/data-dir-in-use': 503,
};

/**
 * Seconds a client should wait before trying again, sent as `Retry-After`, for failures that
 * pass: the database restarting, or briefly out of reach.
 */
const RETRY_AFTER_SECONDS: Readonly<Record<string, number>> = {
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
export function statusFor(code: string): number {
  const listed = STATUS[code];
  if (listed !== undefined) return listed;
  if (code.startsWith('action/')) return 403;
  if (code.startsWith('store/')) return 500;
  return 400;
}

/**
 * Turns any failure into the problem object the API answers with: every `DevolveError` keeps
 * its code, message, hint and details; anything else becomes a bare `internal` 500 whose message
 * is not shown (it may hold internals), so the caller logs it.
 *
 * @example
 * problemFor(new DevolveError({ code: 'store/organization-not-found', message: 'no such organization' }))
 * // { type: '/problems/store/organization-not-found', title: 'Not found', status: 404, … }
 */
export function problemFor(error: unknown): Problem {
  if (error instanceof DevolveError) {
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
