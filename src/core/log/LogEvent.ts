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

/**
 * The exact text (as UTF-8) whose SHA-256 is an event's hash: a domain prefix, then the canonical
 * JSON of every field but `hash`.
 *
 * @example
 * sha256Hex(eventHashText({ seq: 0, prev: null, recordedAt, action, signature }))
 */
export function eventHashText(event: Omit<LogEvent, 'hash'>): string {
  return (
    EVENT_DOMAIN +
    canonicalJson({
      action: event.action,
      prev: event.prev,
      recordedAt: event.recordedAt,
      seq: event.seq,
      signature: event.signature,
    })
  );
}
