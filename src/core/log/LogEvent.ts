import type { Action } from './Action.js';
import { canonicalJson } from './canonicalJson.js';

/**
 * One entry of an organization's append-only log: a signed action, its position, the hash of the
 * entry before it and the time the log recorded it. `hash` is SHA-256 (lower-case hex) of
 * `eventHashText` of the other fields, so changing any byte of an entry changes its hash, and
 * the next entry's `prev` no longer matches.
 *
 * Exported logs are JSON Lines: one `canonicalJson(event)` per line, in `seq` order from 0.
 */
export interface LogEvent<Payload = unknown> {
  /** Position in the log, from 0 (the organization's creation). */
  readonly seq: number;
  /** Hash of the entry at `seq - 1`; null for entry 0. */
  readonly prev: string | null;
  /** When the log recorded it, ISO-8601 UTC. */
  readonly recordedAt: string;
  readonly action: Action<Payload>;
  readonly signature: string;
  readonly hash: string;
}

export const EVENT_DOMAIN = 'devolve/event/v1\n';

/** The fields of an event but its action and hash. */
type Fields = Omit<LogEvent, 'action' | 'hash'>;

/**
 * The canonical JSON of an event's fields after `action` and `hash`, when they have the types a
 * sealed event gives them: in RFC 8785's order those are prev, recordedAt, seq, signature, and
 * `action` and `hash` sort before all of them. Undefined otherwise (the caller then encodes the
 * whole object, which says what is wrong or encodes it as it stands).
 */
function fieldsAfterHash({ prev, recordedAt, seq, signature }: Fields): string | undefined {
  if (
    (prev !== null && typeof prev !== 'string') ||
    typeof recordedAt !== 'string' ||
    typeof seq !== 'number' ||
    !Number.isFinite(seq) ||
    typeof signature !== 'string'
  )
    return undefined;
  const before = prev === null ? 'null' : JSON.stringify(prev);
  return `"prev":${before},"recordedAt":${JSON.stringify(recordedAt)},"seq":${JSON.stringify(seq)},"signature":${JSON.stringify(signature)}}`;
}

/**
 * The exact text (as UTF-8) whose SHA-256 is an event's hash: a domain prefix, then the canonical
 * JSON of every field but `hash`. `actionText` is the action's canonical JSON when the caller
 * already has it (it made it to check the signature), so it is not made again.
 *
 * @example
 * sha256Hex(eventHashText({ seq: 0, prev: null, recordedAt, action, signature }))
 */
export function eventHashText(event: Omit<LogEvent, 'hash'>, actionText?: string): string {
  const rest = fieldsAfterHash(event);
  if (rest === undefined) {
    const { action, prev, recordedAt, seq, signature } = event;
    return EVENT_DOMAIN + canonicalJson({ action, prev, recordedAt, seq, signature });
  }
  return `${EVENT_DOMAIN}{"action":${actionText ?? canonicalJson(event.action)},${rest}`;
}

/**
 * An event's line in an exported log, and its stored text: `canonicalJson(event)`, made from the
 * action's canonical JSON when the caller already has it.
 *
 * @example
 * eventLine(event) === canonicalJson(event) // true
 */
export function eventLine(event: LogEvent, actionText?: string): string {
  const rest = fieldsAfterHash(event);
  if (rest === undefined || typeof event.hash !== 'string') return canonicalJson(event);
  return `{"action":${actionText ?? canonicalJson(event.action)},"hash":${JSON.stringify(event.hash)},${rest}`;
}
