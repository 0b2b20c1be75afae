import type { CharterInput } from '../charter/charterSchema.js';
import type { Organization } from '../model/Organization.js';

/**
 * An organization's state: the projection of its log. Everything here is derived from events, so
 * replaying the log from the start always reaches the same state (`devolve rebuild` checks this).
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
  /** Member id → registered public identity (`ed25519:…` or 0x address). */
  readonly keys: Readonly<Record<string, string>>;
  /** Unit id → when it reached its current level (ISO-8601 UTC). */
  readonly levelSince: Readonly<Record<string, string>>;
}
