import type { Context } from 'hono';
import { problemFor, problemHeaders } from './problemFor.js';

/**
 * What a route answers, before any framework sees it: Hono sends it with `sendAnswer`, the lean
 * path for signed actions (`leanActionsHandler.ts`) writes it to node's response itself.
 * `headers` holds lower-case names.
 */
export interface RouteAnswer {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

const bigintAsString = (_key: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v);

/**
 * `value` as JSON text with bigints as decimal strings. A replacer function makes
 * `JSON.stringify` several times slower, and most answers hold no bigint: it is tried without,
 * and only a value that holds one (the only `TypeError` a plain value can raise, besides a cycle,
 * which fails again) is written a second time with the replacer.
 *
 * @example
 * jsonText({ weight: 3n }) // '{"weight":"3"}'
 */
export function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return JSON.stringify(value, bigintAsString);
  }
}

/**
 * A JSON answer with bigints as decimal strings, as everywhere in Devolve.
 *
 * @example
 * jsonAnswer({ units }, 200) // { status: 200, body: '{"units":…}', headers: { 'content-type': … } }
 */
export function jsonAnswer(
  value: unknown,
  status: 200 | 201 = 200,
  headers: Readonly<Record<string, string>> = {},
): RouteAnswer {
  return {
    status,
    body: jsonText(value),
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  };
}

/**
 * Every failure leaves through here, as an RFC 9457 problem with the status `problemFor` gives
 * and the headers `problemHeaders` adds. A 5xx is a bug (or the store's own trouble): it is
 * logged in full, since the answer does not show it.
 *
 * @example
 * problemAnswer(error) // { status: 404, body: '{"type":"/problems/organization/not-found",…}', … }
 */
export function problemAnswer(error: unknown): RouteAnswer {
  const problem = problemFor(error);
  if (problem.status >= 500) console.error(error);
  return {
    status: problem.status,
    body: JSON.stringify(problem),
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...problemHeaders(error) },
  };
}

/** A `RouteAnswer` as Hono's response. */
export function sendAnswer(c: Context, answer: RouteAnswer): Response {
  return c.body(answer.body, answer.status as 200, answer.headers);
}
