import { DevolveError } from '../errors/DevolveError.js';
import type { CodeIn, ErrorCode } from '../errors/ErrorCode.js';
import { applyEvent } from '../state/applyEvent.js';
import type { OrgState } from '../state/OrgState.js';
import { ACTION_DOMAIN, type SignedAction } from './Action.js';
import { ACTION_FORMS } from './actionForms.js';
import { canonicalJson } from './canonicalJson.js';
import { EVENT_DOMAIN, type LogEvent } from './LogEvent.js';
import { verifyRuleOf } from './verifyRules.js';

/**
 * The cryptography a verifier needs, passed in so the core stays free of any platform's crypto.
 * `signingText` is `actionSigningText(signed.action)`, already cut from the event's line so it
 * need not be encoded twice; Ed25519 keys sign exactly it, Ethereum accounts sign the typed data.
 */
export interface LogCrypto {
  sha256Hex(text: string): string;
  verifySignature(signed: SignedAction, signingText: string): boolean;
}

/**
 * One line of an exported log (without its `\n`), or why its bytes could not be read as a line
 * of text at all (invalid UTF-8, a last line with no `\n`, a line too long to hold).
 */
export type LogLine =
  | string
  | { readonly unreadable: { readonly code: CodeIn<'log'>; readonly reason: string } };

/** The first event that does not check out: its position, its hash (when it has one) and why. */
export interface BadEvent {
  readonly index: number;
  /** The event's `hash` as written in the line, or `(unparseable)` when it has none to show. */
  readonly id: string;
  /** Stable: `log/…` for encoding, chain and signature problems, `action/…` for authorization. */
  readonly code: ErrorCode;
  /** The rule the event breaks (`VERIFY_RULES`), e.g. `L5` for a bad hash: one per code. */
  readonly rule: string;
  readonly reason: string;
}

export type LogVerification =
  | {
      readonly ok: true;
      /** How many events were checked: all of them. */
      readonly events: number;
      /** Hash of the last event: the value to compare with a published or anchored head. */
      readonly head: string;
      /** The organization's state after the last event, exactly as the store projects it. */
      readonly state: OrgState;
    }
  | {
      readonly ok: false;
      /** How many events checked out before the first bad one (its index). */
      readonly events: number;
      readonly firstBad: BadEvent;
      /** The state after the last good event, if any was good. */
      readonly state: OrgState | undefined;
    };

const UNPARSEABLE = '(unparseable)';
/** Stands for the value of a line not (or not yet) parsed: no JSON text parses to it. */
const NOT_PARSED = Symbol('not parsed');
/** The same forms the store accepts for a signed action (see README, "The log format"). */
const { hash: HASH, id: ID, kind: KIND, key: KEY, nonce: NONCE, isoUtc: ISO_UTC } = ACTION_FORMS;
const EVENT_FIELDS = ['action', 'hash', 'prev', 'recordedAt', 'seq', 'signature'];
const ACTION_FIELDS = ['actor', 'head', 'issuedAt', 'key', 'kind', 'nonce', 'org', 'payload', 'v'];
const ACTION_PREFIX = '{"action":';
const HASH_KEY = ',"hash":"';

/** Every check fails with a DevolveError; its code and message become the bad event's code and reason. */
function bad(code: ErrorCode, reason: string): DevolveError {
  return new DevolveError({ code, message: reason });
}

/**
 * Verifies an exported log offline, event by event, stopping at the first that does not check
 * out, so that no one has to trust whoever ran the server. For the event at position `i`:
 *
 * 1. its line is the canonical JSON (RFC 8785) of an event with exactly the event fields;
 * 2. its `hash` is SHA-256 of its hash text (`eventHashText`) — no byte changed since;
 * 3. its `seq` is `i` — nothing deleted, inserted or moved before it;
 * 4. its `prev` is the hash of event `i - 1` (null for event 0) — the chain is unbroken;
 * 5. its signature is its actor key's signature of the action;
 * 6. its action's `head` is null for event 0 and otherwise the hash of an earlier event of this
 *    log — the actor acted on this organization's real history, not another's;
 * 7. its action's `nonce` appears nowhere earlier — no action is recorded twice;
 * 8. `applyEvent` accepts it: the actor had the right to act, under the rules in force then,
 *    exactly as the store checks it.
 *
 * An empty log fails (a log starts with `org.create`). Deleting the *last* events leaves a
 * shorter log that is valid on its own; pass the published head as `expectedHead` to catch that.
 *
 * @example
 * const result = await verifyLog({ lines: readLogFile({ file }), crypto: { sha256Hex, verifySignature } });
 * if (!result.ok) console.log(`event ${result.firstBad.index} (${result.firstBad.id}): ${result.firstBad.reason}`);
 */
export async function verifyLog(args: {
  lines: Iterable<LogLine> | AsyncIterable<LogLine>;
  crypto: LogCrypto;
  /** The head the log should end at, when known (published, or anchored on a chain). */
  expectedHead?: string | undefined;
  /** Called with the number of events checked so far, every `progressEvery` events (default 1000). */
  onProgress?: ((checked: number) => void) | undefined;
  progressEvery?: number | undefined;
}): Promise<LogVerification> {
  const { crypto, onProgress } = args;
  const progressEvery = Math.max(1, args.progressEvery ?? 1000);
  const seenHashes = new Set<string>();
  const seenNonces = new Set<string>();
  let state: OrgState | undefined;
  let previous: string | null = null;
  let index = 0;
  const fail = (id: string, code: ErrorCode, reason: string): LogVerification => ({
    ok: false,
    events: index,
    firstBad: { index, id, code, rule: verifyRuleOf(code), reason },
    state,
  });

  for await (const line of args.lines) {
    // The id a bad event is named by is read from its line only when the event is bad.
    let value: unknown = NOT_PARSED;
    try {
      if (typeof line !== 'string') throw bad(line.unreadable.code, line.unreadable.reason);
      value = parseLine(line);
      const { event, hashText, signingText } = readEvent(value, line, previous);
      checkEvent({ event, index, previous, hashText, signingText, crypto, seenHashes, seenNonces });
      state = applyEvent({ state, event });
      seenHashes.add(event.hash);
      previous = event.hash;
    } catch (error) {
      const id = value === NOT_PARSED ? UNPARSEABLE : hashOf(value);
      if (error instanceof DevolveError) return fail(id, error.code, error.message);
      // A bug, not a bad log; still named, so a user learns which event triggers it.
      return fail(id, 'log/not-applicable', `the event could not be checked: ${(error as Error).message}`);
    }
    index += 1;
    if (onProgress !== undefined && index % progressEvery === 0) onProgress(index);
  }

  if (onProgress !== undefined && index % progressEvery !== 0) onProgress(index);
  if (state === undefined || previous === null) {
    return fail('(missing)', 'log/empty', 'the log has no events: every log starts with org.create');
  }
  if (args.expectedHead !== undefined && args.expectedHead !== previous) {
    return fail(
      '(missing)',
      'log/head-mismatch',
      `the log ends at ${previous}, not at the expected head ${args.expectedHead}: events are missing from its end, or it is another log`,
    );
  }
  return { ok: true, events: index, head: previous, state };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (error) {
    throw bad('log/unparseable', `the line is not JSON: ${(error as Error).message}`);
  }
}

/** The id to name a bad event by: its hash as written, when it has one that looks like a hash. */
function hashOf(value: unknown): string {
  const hash = isRecord(value) ? value['hash'] : undefined;
  return typeof hash === 'string' && HASH.test(hash) ? hash : UNPARSEABLE;
}

/**
 * Proves a parsed line canonical, then cuts the texts to hash and to verify out of the
 * line itself. In canonical JSON an event's keys come in the order action, hash, prev,
 * recordedAt, seq, signature, so the line is `{"action":A,"hash":"H",T}`: the action's canonical
 * JSON is `A`, the hash text is the line without `,"hash":"H"`, and neither is encoded again.
 */
function readEvent(
  value: unknown,
  line: string,
  previous: string | null,
): { event: LogEvent; hashText: string; signingText: string } {
  if (!isCanonical(value, line)) {
    throw bad(
      'log/not-canonical',
      'the line is not the canonical JSON (RFC 8785) of its content: it was edited or re-encoded',
    );
  }
  const event = checkShape(value, previous);
  // In canonical JSON a `"` inside a string is always written `\"`, so `,"hash":"` occurs only
  // where a key `hash` starts; the last one is the event's own, as only prev, recordedAt, seq and
  // signature come after it.
  const actionEnd = line.lastIndexOf(HASH_KEY);
  const hashEnd = actionEnd + HASH_KEY.length + event.hash.length + 1;
  if (
    actionEnd <= ACTION_PREFIX.length ||
    !line.startsWith(ACTION_PREFIX) ||
    line.slice(actionEnd + HASH_KEY.length, hashEnd) !== `${event.hash}"`
  ) {
    // Unreachable for a canonical line of a well-shaped event; kept so a mistake here fails loudly.
    throw bad('log/not-canonical', 'the line does not have the layout of a canonical event');
  }
  const actionJson = line.slice(ACTION_PREFIX.length, actionEnd);
  return {
    event,
    hashText: `${EVENT_DOMAIN}${ACTION_PREFIX}${actionJson}${line.slice(hashEnd)}`,
    signingText: ACTION_DOMAIN + actionJson,
  };
}

/**
 * `canonicalJson(value) === line`, for `value = JSON.parse(line)`, in a fraction of the time:
 * when every object's keys already come in canonical (UTF-16 code unit) order, canonical JSON and
 * `JSON.stringify` write the same text — same key order, and both write strings and numbers as
 * `JSON.stringify` does — so the native encoder answers. Otherwise (keys out of order, or
 * integer-like keys, which JavaScript enumerates first) the full encoder decides.
 */
function isCanonical(value: unknown, line: string): boolean {
  try {
    return keysInOrder(value) ? JSON.stringify(value) === line : canonicalJson(value) === line;
  } catch {
    return false;
  }
}

function keysInOrder(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysInOrder(item)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  let previous: string | undefined;
  // for…in, not Object.keys: no array per object. A parsed line's objects have no inherited
  // enumerable keys, and any would only make the answer false, which the full encoder then decides.
  for (const key in record) {
    if (previous !== undefined && !(previous < key)) return false;
    if (!keysInOrder(record[key])) return false;
    previous = key;
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Exactly the listed fields (`fields` sorted): a field the hash or signature did not mean to cover
 * is tampering. A canonical line lists its keys sorted, so they are compared in order first; only
 * a mismatch sorts them, to name the extra or missing field.
 */
function checkFields(record: Record<string, unknown>, fields: readonly string[], where: string): void {
  let count = 0;
  for (const key in record) {
    if (key !== fields[count]) {
      checkFieldsSorted(record, fields, where);
      return;
    }
    count += 1;
  }
  if (count !== fields.length) checkFieldsSorted(record, fields, where);
}

function checkFieldsSorted(record: Record<string, unknown>, fields: readonly string[], where: string): void {
  const keys = Object.keys(record).sort();
  if (keys.length === fields.length && keys.every((key, i) => key === fields[i])) return;
  const extra = keys.find((key) => !fields.includes(key));
  const missing = fields.find((field) => !keys.includes(field));
  throw bad(
    'log/malformed',
    extra !== undefined ? `unexpected field '${where}${extra}'` : `missing field '${where}${missing ?? '?'}'`,
  );
}

function checkText(record: Record<string, unknown>, field: string, pattern: RegExp, where: string): void {
  const value = record[field];
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw bad('log/malformed', `'${where}${field}' is missing or malformed`);
  }
}

/**
 * The event's fields have their forms. A field equal to a text already found well-formed (the
 * previous event's hash, which `prev` usually is; `prev`, which `head` usually is; `recordedAt`,
 * which `issuedAt` usually is) is not tested again: the same text passes the same test.
 */
function checkShape(value: unknown, previous: string | null): LogEvent {
  if (!isRecord(value)) throw bad('log/malformed', 'the line is not a JSON object');
  checkFields(value, EVENT_FIELDS, '');
  checkText(value, 'hash', HASH, '');
  const { seq, prev, signature, action } = value;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) {
    throw bad('log/malformed', "'seq' must be a whole number from 0");
  }
  if (prev !== null && prev !== previous && (typeof prev !== 'string' || !HASH.test(prev))) {
    throw bad('log/malformed', "'prev' must be null or a 64-digit lower-case hex hash");
  }
  checkText(value, 'recordedAt', ISO_UTC, '');
  if (typeof signature !== 'string' || signature.length === 0 || signature.length > 200) {
    throw bad('log/malformed', "'signature' must be a non-empty string of at most 200 characters");
  }
  if (!isRecord(action)) throw bad('log/malformed', "'action' must be an object");
  checkFields(action, ACTION_FIELDS, 'action.');
  if (action['v'] !== 1) throw bad('log/malformed', "'action.v' must be 1");
  checkText(action, 'org', ID, 'action.');
  checkText(action, 'kind', KIND, 'action.');
  checkText(action, 'actor', ID, 'action.');
  checkText(action, 'key', KEY, 'action.');
  checkText(action, 'nonce', NONCE, 'action.');
  if (action['issuedAt'] !== value['recordedAt']) checkText(action, 'issuedAt', ISO_UTC, 'action.');
  const head = action['head'];
  if (head !== null && head !== prev && (typeof head !== 'string' || !HASH.test(head))) {
    throw bad('log/malformed', "'action.head' must be null or a 64-digit lower-case hex hash");
  }
  return value as unknown as LogEvent;
}

function checkEvent(args: {
  event: LogEvent;
  index: number;
  previous: string | null;
  hashText: string;
  signingText: string;
  crypto: LogCrypto;
  seenHashes: ReadonlySet<string>;
  /** Nonces of the events before; this event's is added (verification stops at the first bad event). */
  seenNonces: Set<string>;
}): void {
  const { event, index, previous } = args;
  if (args.crypto.sha256Hex(args.hashText) !== event.hash) {
    throw bad('log/bad-hash', 'the event does not match its hash: it was changed after it was recorded');
  }
  if (event.seq !== index) {
    throw bad(
      'log/out-of-order',
      `the event says it is number ${event.seq} but stands at position ${index}: an event before it was deleted or inserted, or events were reordered`,
    );
  }
  if (event.prev !== previous) {
    throw bad(
      'log/broken-chain',
      index === 0
        ? 'the first event must have prev null'
        : `the event's prev is not the hash of event ${index - 1}: the chain is broken here`,
    );
  }
  if (!args.crypto.verifySignature({ action: event.action, signature: event.signature }, args.signingText)) {
    throw bad(
      'log/bad-signature',
      `the signature is not ${event.action.actor}'s key's signature of this action (forged, or the action was altered)`,
    );
  }
  const { head, nonce } = event.action;
  // Most actions are made on the latest head: `previous`, already among the seen hashes.
  if (index === 0 ? head !== null : head === null || (head !== previous && !args.seenHashes.has(head))) {
    throw bad(
      'log/unknown-head',
      index === 0
        ? 'the first event must create the organization from nothing (action head null)'
        : 'the action was made against a head that is not an earlier event of this log (replayed from another log?)',
    );
  }
  const known = args.seenNonces.size;
  // One look-up: adding a nonce already there leaves the set as it was.
  if (args.seenNonces.add(nonce).size === known) {
    throw bad(
      'log/replayed-nonce',
      'an earlier event carries the same nonce: this action was recorded twice',
    );
  }
}
