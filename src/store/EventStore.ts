import type { EvidenceFilter, EvidenceRecord, EvidenceToRecord } from '../core/evidence/EvidenceRecord.js';
import type { SignedAction } from '../core/log/Action.js';
import type { LogEvent } from '../core/log/LogEvent.js';
import type { OrgState } from '../core/state/OrgState.js';

/** One organization in a listing: enough to pick one, without loading its charter. */
export interface OrganizationSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  /** Position of the last event. */
  readonly seq: number;
  /** Hash of the last event: the log head. */
  readonly head: string;
  /** When event 0 was recorded. */
  readonly createdAt: string;
  /** When the last event was recorded. */
  readonly updatedAt: string;
}

/** The head of an organization's log: what a member signs their next action against. */
export interface LogHead {
  readonly seq: number;
  readonly head: string;
  readonly recordedAt: string;
}

/**
 * The outcome of recording a signed action. `created` is false when exactly this signed action
 * was already in the log (a client retrying after a lost response): the stored event comes back
 * and nothing is recorded twice.
 */
export interface AppendResult {
  readonly event: LogEvent;
  readonly created: boolean;
}

export interface EventPage {
  readonly events: readonly LogEvent[];
  /** Pass as `after` to read the next page; null when this page reached the head. */
  readonly next: number | null;
}

/** What `rebuild` found for one organization. */
export interface RebuildOutcome {
  readonly org: string;
  /** Events replayed before stopping (all of them when the log is sound). */
  readonly events: number;
  readonly identical: boolean;
  /** Human-readable differences or log problems, e.g. `units[brand].level: stored 2, replayed 0`. */
  readonly differences: readonly string[];
}

export interface RebuildReport {
  readonly organizations: readonly RebuildOutcome[];
  readonly identical: boolean;
}

/**
 * The port every store adapter implements (PGlite embedded, PostgreSQL server), and the only way
 * the CLI and the HTTP server touch the log. An adapter guarantees:
 *
 * - every recorded action is signed by the key it names, made against a head already in its
 *   organization's log, carries a nonce not seen there before, and was authorized by
 *   `applyEvent` on the state at the moment it was sealed;
 * - an event and the projection updates it causes commit in one transaction;
 * - appends to one organization are serialized, so the chain never forks and an acknowledged
 *   action is never lost;
 * - each event is kept as the canonical JSON it was hashed from, so an export is byte-exact.
 *
 * Failures are `DevolveError`s: `organization/…` for an organization that is
 * missing or already there (`organization/not-found`, `organization/exists`), `action/…` for a
 * refused action, `store/…` for the store's own trouble (`store/unavailable`, `store/corrupt`).
 *
 * @example
 * const { event } = await store.append({ signed, now: new Date() });
 * const state = await store.readState({ org: event.action.org });
 */
export interface EventStore {
  /** Records a signed `org.create` as event 0 of a new organization's log. */
  createOrganization(args: { signed: SignedAction; now: Date }): Promise<AppendResult>;
  /** Records a signed action at the head of its organization's log. */
  append(args: { signed: SignedAction; now: Date }): Promise<AppendResult>;
  listOrganizations(): Promise<readonly OrganizationSummary[]>;
  /** The projected state; `organization/not-found` if there is no such organization. */
  readState(args: { org: string }): Promise<OrgState>;
  readHead(args: { org: string }): Promise<LogHead>;
  /** Events with `seq > after` (default: from the start), at most `limit` (1 … 1000, default 100). */
  readEvents(args: { org: string; after?: number; limit?: number }): Promise<EventPage>;
  /** The log as exported: one canonical JSON line per event (without newline), in `seq` order. */
  exportLog(args: { org: string }): AsyncIterable<string>;
  /**
   * Replays every event (of one organization, or of all) through `applyEvent` from scratch,
   * checking hashes, links and signatures on the way, and compares the result with the stored
   * projection. Reads only: a difference is reported, never repaired silently.
   */
  rebuild(args: { org?: string }): Promise<RebuildReport>;
  close(): Promise<void>;
  /**
   * Keeps evidence for an organization — observations, control facts, unsigned attestations —
   * outside the log: measurements, not decisions, so nobody signs them and no event is made. All
   * the entries are recorded or none; `organization/not-found` if there is no such organization.
   */
  recordEvidence(args: {
    org: string;
    entries: readonly EvidenceToRecord[];
    now: Date;
  }): Promise<readonly EvidenceRecord[]>;
  /** Stored evidence in recording order, after the record `after` if given, narrowed by `filter`. */
  readEvidence(args: {
    org: string;
    after?: number;
    filter?: EvidenceFilter;
  }): Promise<readonly EvidenceRecord[]>;
}
