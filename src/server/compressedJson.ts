import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** Below this many bytes gzip saves too little to be worth a header. */
const MIN_GZIP_BYTES = 1024;

/**
 * A JSON answer computed once and sent many times: its text, and its gzip made the first time a
 * client accepts it. Keep one for as long as what it shows cannot change (the views keep one per
 * log head), so neither the serialization nor the compression is paid per request.
 */
export interface JsonBody {
  readonly text: string;
  gzip?: Uint8Array;
}

/** A JSON body with bigints as decimal strings, as everywhere in Devolve. */
export function jsonBody(value: unknown): JsonBody {
  return { text: JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) };
}

/**
 * Whether the request's `accept-encoding` accepts gzip: listed with a non-zero weight, or `*` is
 * and gzip is not listed (so `gzip;q=0, *` refuses it).
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false;
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(coding.trim(), q === undefined ? 1 : Number(q.slice(2)));
  }
  const weight = weights.get('gzip') ?? weights.get('*') ?? 0;
  return weight > 0;
}

/**
 * Answers `body`, gzipped when the client accepts it and it is large enough (the gzip is kept on
 * the body for the next client). `vary: accept-encoding` tells caches the answer depends on it.
 *
 * @example
 * const body = jsonBody(view); // once per head
 * return sendJson(c, body);    // per request
 */
export function sendJson(c: Context, body: JsonBody): Response {
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    vary: 'accept-encoding',
  };
  if (body.text.length >= MIN_GZIP_BYTES && acceptsGzip(c.req.header('accept-encoding'))) {
    body.gzip ??= gzipSync(body.text);
    return c.body(body.gzip as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-encoding': 'gzip' });
  }
  return c.body(body.text, 200, headers);
}
