import { DevolveError } from '../core/errors/DevolveError.js';
import type { ProblemIn } from '../core/errors/ErrorCode.js';
import type { SignedAction } from '../core/log/Action.js';
import { canonicalJson } from '../core/log/canonicalJson.js';
import { eventLine, type LogEvent } from '../core/log/LogEvent.js';
import { sealEvent } from '../core/log/sealEvent.js';
import { applyEvent } from '../core/state/applyEvent.js';
import type { OrgState } from '../core/state/OrgState.js';
import { sha256Hex } from '../identity/sha256.js';
import type { AppendResult } from './EventStore.js';
import type { Settled } from './groupQueue.js';

export function refuse(
  code: ProblemIn<'action'>,
  message: string,
  details: Record<string, unknown> = {},
): DevolveError {
  return new DevolveError({ code: `action/${code}`, message, details });
}

/** ISO-8601 UTC strings of one length compare as the instants they name. */
export function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** One action waiting to be appended: already admitted (shape, signature, clock). */
export interface PendingAppend {
  readonly signed: SignedAction;
  readonly now: Date;
  /** The action's canonical JSON, made once when it arrived (its signature was checked on it). */
  readonly actionText?: string;
}

/** What the log already holds that a group's actions name, read under the row lock. */
export interface GroupLookUp {
  /** Stored events by nonce, for the nonces of the group. */
  readonly recorded: ReadonlyMap<string, LogEvent>;
  /** The heads the group's actions name that are in the log. */
  readonly knownHeads: ReadonlySet<string>;
}

export interface SealedGroup {
  /** One outcome per action, in order. */
  readonly outcomes: readonly Settled<AppendResult>[];
  /** The events to record, in order (those of the actions accepted). */
  readonly events: readonly LogEvent[];
  /** Each event's canonical JSON (its stored text), in the same order. */
  readonly lines: readonly string[];
  /** The state after the last of them. */
  readonly state: OrgState;
  /** When the last of them was recorded (`updatedAt` when none was). */
  readonly updatedAt: string;
}

function sameSigned(event: LogEvent, signed: SignedAction): boolean {
  return event.signature === signed.signature && canonicalJson(event.action) === canonicalJson(signed.action);
}

/**
 * Seals a group of actions for one organization onto its head, in order, as one append after
 * another would: each is checked against the log as it stands after the ones before (nonces seen,
 * heads known, `applyEvent` on the state they reached) and refused on its own — a refused action
 * leaves the state as it was for the next. An exact repeat of an action already recorded (in the
 * log or earlier in the group) gives back that event, not a new one. Pure: the caller records
 * `events` in the same transaction that read `lookUp`.
 */
export function sealGroup(args: {
  state: OrgState;
  updatedAt: string;
  group: readonly PendingAppend[];
  lookUp: GroupLookUp;
}): SealedGroup {
  let { state, updatedAt } = args;
  const events: LogEvent[] = [];
  const lines: string[] = [];
  const sealedByNonce = new Map<string, LogEvent>();
  const sealedHashes = new Set<string>();
  const outcomes = args.group.map(({ signed, now, actionText }): Settled<AppendResult> => {
    const { action } = signed;
    try {
      const earlier = sealedByNonce.get(action.nonce) ?? args.lookUp.recorded.get(action.nonce);
      if (earlier !== undefined) {
        if (sameSigned(earlier, signed)) return { ok: true, value: { event: earlier, created: false } };
        throw refuse('nonce-reused', `another action with nonce ${action.nonce} is already in the log`, {
          nonce: action.nonce,
        });
      }
      if (action.head === null) {
        throw refuse('missing-head', 'the action names no log head; sign it against the current head');
      }
      if (!args.lookUp.knownHeads.has(action.head) && !sealedHashes.has(action.head)) {
        throw refuse('unknown-head', `the action was made against ${action.head}, which is not in this log`, {
          head: action.head,
        });
      }
      const recordedAt = later(now.toISOString(), updatedAt);
      const event = sealEvent({
        signed,
        seq: state.seq + 1,
        prev: state.head,
        recordedAt,
        sha256Hex,
        ...(actionText === undefined ? {} : { actionText }),
      });
      state = applyEvent({ state, event });
      updatedAt = recordedAt;
      events.push(event);
      lines.push(eventLine(event, actionText));
      sealedByNonce.set(action.nonce, event);
      sealedHashes.add(event.hash);
      return { ok: true, value: { event, created: true } };
    } catch (error) {
      return { ok: false, error };
    }
  });
  return { outcomes, events, lines, state, updatedAt };
}
