import { DevolveError } from '../core/errors/DevolveError.js';
import type { SignedAction } from '../core/log/Action.js';
import { ACTION_FORMS } from '../core/log/actionForms.js';

/** Deeper JSON than this is refused: charters nest a dozen levels, and encoders recurse. */
const MAX_DEPTH = 64;
/** The forms the verifier checks too (see README, "The log format"). */
const { id: ID, kind: KIND, key: KEY, nonce: NONCE, isoUtc: ISO_UTC, hash: HASH } = ACTION_FORMS;

/**
 * True when `text` has the form of an organization or member id. Anything else names nothing in
 * the store, and is never sent to the database (PostgreSQL refuses NUL characters in text).
 */
export function isIdentifier(text: string): boolean {
  return ID.test(text);
}

function malformed(message: string, field: string): DevolveError {
  return new DevolveError({
    code: 'action/malformed',
    message: `not a signed action: ${message}`,
    details: { field },
    hint: 'send { "action": { "v": 1, "org", "kind", "actor", "key", "payload", "head", "nonce", "issuedAt" }, "signature" }',
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Depth of a JSON value, walked without recursion so hostile nesting cannot blow the stack. */
function tooDeep(value: unknown): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= MAX_DEPTH) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item))
      stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

function text(record: Record<string, unknown>, field: string, pattern: RegExp, what: string): string {
  const value = record[field];
  if (typeof value !== 'string' || !pattern.test(value))
    throw malformed(`action.${field} must be ${what}`, field);
  return value;
}

/**
 * Checks that a value received from outside (an HTTP body, a file) has the shape of a signed
 * action, before anything costlier looks at it: every field present with the right type and a
 * sane form, no unknown fields (they would not be covered by the signature's meaning), and JSON no
 * deeper than 64 levels. Whether the signature is right, and whether the actor may act, is
 * decided later. Throws `action/malformed` naming the field.
 *
 * @example
 * const signed = checkSignedAction(await request.json());
 */
export function checkSignedAction(value: unknown): SignedAction {
  if (!isRecord(value)) throw malformed('expected a JSON object', '');
  for (const key of Object.keys(value)) {
    if (key !== 'action' && key !== 'signature') throw malformed(`unexpected field '${key}'`, key);
  }
  const action = value['action'];
  if (!isRecord(action)) throw malformed('action must be an object', 'action');
  const allowed = new Set(['v', 'org', 'kind', 'actor', 'key', 'payload', 'head', 'nonce', 'issuedAt']);
  for (const key of Object.keys(action)) {
    if (!allowed.has(key)) throw malformed(`unexpected field 'action.${key}'`, key);
  }
  if (action['v'] !== 1) throw malformed('action.v must be 1', 'v');
  const org = text(action, 'org', ID, 'an organization id');
  const kind = text(action, 'kind', KIND, 'an action kind such as charter.amend');
  const actor = text(action, 'actor', ID, 'a member id');
  const key = text(action, 'key', KEY, 'ed25519:<canonical base64url> or a 0x address');
  const nonce = text(action, 'nonce', NONCE, '16 or more base64url characters');
  const issuedAt = text(action, 'issuedAt', ISO_UTC, 'an ISO-8601 UTC time such as 2026-05-01T12:00:00.000Z');
  if (Number.isNaN(Date.parse(issuedAt))) throw malformed('action.issuedAt is not a real time', 'issuedAt');
  const head = action['head'];
  if (head !== null && (typeof head !== 'string' || !HASH.test(head))) {
    throw malformed('action.head must be null or a 64-digit lower-case hex hash', 'head');
  }
  if (!('payload' in action) || action['payload'] === undefined)
    throw malformed('action.payload is missing', 'payload');
  if (tooDeep(action['payload']))
    throw malformed(`action.payload nests deeper than ${MAX_DEPTH} levels`, 'payload');
  const signature = value['signature'];
  if (typeof signature !== 'string' || signature.length === 0 || signature.length > 200) {
    throw malformed('signature must be a non-empty string', 'signature');
  }
  return {
    action: { v: 1, org, kind, actor, key, payload: action['payload'], head, nonce, issuedAt },
    signature,
  };
}
