import type { Context } from 'hono';
import { jsonAnswer, sendAnswer } from './RouteAnswer.js';

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
  return sendAnswer(c, jsonAnswer(value, status, headers));
}
