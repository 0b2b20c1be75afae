import type { Context } from 'hono';

/**
 * A JSON answer with bigints as decimal strings, as everywhere in Devolve.
 *
 * @example
 * return json(c, { units }, 200);
 */
export function json(
  c: Context,
  value: unknown,
  status: 200 | 201 = 200,
  headers: Record<string, string> = {},
): Response {
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return c.body(text, status, { 'content-type': 'application/json; charset=utf-8', ...headers });
}
