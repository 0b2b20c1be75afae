import type { CharterInput } from '../charter/charterSchema.js';
import type { Organization } from '../model/Organization.js';

/** A JSON object, as the runtime parts of the state hold what later actions fill in. */
export interface JsonRecord {
  readonly [key: string]: unknown;
}

/**
 * Token balances recorded in the log when a vote opens, so anyone can recompute its tally offline.
 * Balances are decimal strings of base units (bigint in memory where counted).
 */
export interface WeightSnapshot {
  readonly token: string;
  /** The instant the balances stand at, ISO-8601 UTC. */
  readonly at: string;
  readonly balances: Readonly<Record<string, string>>;
}

/** One use of an emergency power, as recorded when the action it allowed was applied. */
export interface EmergencyUse {
  /** The power's id in the charter. */
  readonly power: string;
  readonly actor: string;
  readonly unit: string;
  readonly kind: string;
  /** Position of the event that used it. */
  readonly seq: number;
  readonly at: string;
}

/** A checklist attestation signed by a member (`attestation.record`) and still in force. */
export interface RecordedAttestation {
  readonly unit: string;
  /** The checklist item's id, as the unit's criteria name it. */
  readonly checklist: string;
  /** The member who signed it. */
  readonly by: string;
  /** The role through which they were entitled to attest, at the time. */
  readonly role: string;
  readonly evidence?: string;
  readonly note?: string;
  /** Position of the event that recorded it. */
  readonly seq: number;
  /** When it was recorded, ISO-8601 UTC. */
  readonly at: string;
}

/**
 * An organization's state: the projection of its log. Everything here is derived from events, so
 * replaying the log from the start always reaches the same state (`devolve rebuild` checks this).
 *
 * The charter is what was *declared*; what the runtime *did* is kept apart from it: each unit's
 * level (changed only by an executed slider move, never by a charter amend), the keys members
 * registered themselves (never taken from the charter), proposals, delegations, weight snapshots
 * and uses of emergency powers.
 */
export interface OrgState {
  readonly id: string;
  /** Position of the last event applied. */
  readonly seq: number;
  /** Hash of the last event applied: the log head. */
  readonly head: string;
  /** The charter as last applied, exactly as signed. */
  readonly charter: CharterInput;
  readonly organization: Organization;
  /**
   * Member id → the public identity (`ed25519:…` or 0x address) that member registered by signing
   * with it. Kept when a member leaves the charter, so that re-adding them never changes their key.
   */
  readonly keys: Readonly<Record<string, string>>;
  /** Member id → the new key a rotation signed by their current key announced, until it is proven. */
  readonly pendingKeys: Readonly<Record<string, string>>;
  /** Unit id → its runtime level, a position on its ladder. */
  readonly levels: Readonly<Record<string, number>>;
  /** Unit id → when it reached its current level (ISO-8601 UTC). */
  readonly levelSince: Readonly<Record<string, string>>;
  /** Proposal id → proposal, as JSON. Empty until proposal actions are recorded. */
  readonly proposals: Readonly<Record<string, JsonRecord>>;
  /** Delegations in force, as JSON. */
  readonly delegations: readonly JsonRecord[];
  /** Snapshot id → recorded weights. */
  readonly snapshots: Readonly<Record<string, WeightSnapshot>>;
  /** Every use of an emergency power, in log order. */
  readonly emergencyUses: readonly EmergencyUse[];
  /**
   * Signed checklist attestations in force, in log order: one per member, unit and item (a later
   * one replaces it; a withdrawal removes it). Absent until the first is recorded.
   */
  readonly attestations?: readonly RecordedAttestation[];
}
