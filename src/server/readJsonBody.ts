import { CHARTER_LIMITS } from '../core/charter/charterLimits.js';
import { requestError } from './requestError.js';

/** Signed actions carry whole charters: the largest charter allowed, and room for the envelope around it. */
export const MAX_BODY_BYTES = CHARTER_LIMITS.bytes.max + 64 * 1024;

/** The 413 every path that sees a body too large throws. */
export function tooLarge(): never {
  throw requestError('too-large', `the body is larger than ${MAX_BODY_BYTES} bytes`, {
    limit: MAX_BODY_BYTES,
  });
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * A request body as JSON: 415 unless `contentType` says it is JSON (checked before the body is
 * read), 413 if the text is longer than `MAX_BODY_BYTES`, 400 unless it parses. `read` gives the
 * body as text, decoded as UTF-8 the way `Request.text()` does (a leading BOM dropped).
 *
 * @example
 * const value = await readJsonBody({ contentType: c.req.header('content-type') ?? '', read: () => c.req.text() });
 */
export async function readJsonBody(args: {
  contentType: string;
  read: () => Promise<string>;
}): Promise<unknown> {
  if (!JSON_TYPE.test(args.contentType)) {
    throw requestError('unsupported-media-type', 'send the signed action as application/json', {
      contentType: args.contentType,
    });
  }
  const text = await args.read();
  // Node reads no more than the declared length; a request made in process may declare less.
  if (text.length > MAX_BODY_BYTES) tooLarge();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw requestError('malformed-json', `the body is not JSON: ${(error as Error).message}`);
  }
}
