import type { ControlFact } from '../observed/ControlFact.js';
import type { Ratio } from '../ratio/Ratio.js';

/** One observed value of a metric. Times are epoch milliseconds (UTC); windows are seconds. */
export interface Observation {
  readonly metric: string;
  /** The unit observed; absent for organization-wide metrics, which then apply to every unit. */
  readonly unit?: string;
  readonly value: number;
  /** The exact value, when the metric is rational and was computed here (holder Gini, shares …). */
  readonly exact?: Ratio;
  /** The window the value covers, ending at `at`. */
  readonly window?: number;
  readonly at: number;
  readonly source?: string;
}

export interface Attestation {
  readonly checklist: string;
  readonly unit?: string;
  readonly by?: string;
  readonly at: number;
  readonly evidence?: string;
  readonly note?: string;
  /**
   * True for an attestation signed in the log (`attestation.record`); false or absent for one
   * typed into an evidence file, which anyone could have written.
   */
  readonly signed?: boolean;
  /** For a signed attestation: the role that entitled the attester. */
  readonly role?: string;
  /** Typed into a file or recorded from one, not signed by a member: anyone could have written it. */
  readonly unsigned?: boolean;
}

/**
 * Who holds one power (`upgrade`, …) over one contract, as read on-chain at `observedAt` (epoch
 * ms): the tree of control down to its keys. Kept per unit: the unit whose power it is.
 */
export interface ControlObservation {
  readonly unit: string;
  /** The power held, named freely (`upgrade` by default); control criteria name it. */
  readonly power: string;
  /** The contract the power is over. */
  readonly subject: `0x${string}`;
  readonly holder: ControlFact;
  /** The chain id, when the reader knew it. */
  readonly chain?: number;
  readonly observedAt: number;
  /** Where it was read (an RPC URL). */
  readonly source?: string;
}

export interface UnitEvidence {
  /** When the unit reached its current level; overrides the charter's `since`. */
  readonly since?: number;
  readonly decisionsAtLevel?: number;
}

/** Everything the planner weighs readiness against. */
export interface Evidence {
  readonly observations: readonly Observation[];
  readonly attestations: readonly Attestation[];
  readonly units: Readonly<Record<string, UnitEvidence>>;
  /** Control facts read on-chain (absent: none). */
  readonly controls?: readonly ControlObservation[];
}

export const NO_EVIDENCE: Evidence = { observations: [], attestations: [], units: {} };
