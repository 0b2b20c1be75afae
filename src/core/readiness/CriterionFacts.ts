import type { Comparison } from '../model/Organization.js';
import type { Address, ControlFact } from '../observed/ControlFact.js';
import type { Ratio } from '../ratio/Ratio.js';

export type CriterionStatus = 'met' | 'unmet' | 'unknown';

/**
 * The numbers behind a verdict, one shape per criterion kind. The core judges with these and
 * the surfaces (terminal, Markdown, HTML, JSON) render them; nothing reads words back into them.
 * Times are epoch milliseconds, durations seconds, levels ladder indexes with their names beside.
 */
export type CriterionFacts =
  | CombinationFacts
  | NotFacts
  | MetricFacts
  | TimeAtLevelFacts
  | DecisionsAtLevelFacts
  | ChecklistFacts
  | UnitLevelFacts
  | RoleFacts
  | ExitWindowFacts
  | ControlFacts;

/** `all` / `any`: how many parts have each verdict. */
export interface CombinationFacts {
  readonly kind: 'all' | 'any';
  readonly met: number;
  readonly unmet: number;
  readonly unknown: number;
  readonly total: number;
}

export interface NotFacts {
  readonly kind: 'not';
  /** The verdict on the criterion negated. */
  readonly inner: CriterionStatus;
}

/** What was observed of a metric, and where it came from. */
export interface MetricObservationFacts {
  readonly value: number;
  readonly exact?: Ratio;
  readonly at: number;
  readonly source?: string;
  readonly window?: number;
}

export interface MetricFacts {
  readonly kind: 'metric';
  readonly metric: string;
  readonly metricName: string;
  /** True when the metric counts seconds (its numbers read as durations). */
  readonly seconds: boolean;
  readonly comparison: Comparison;
  readonly required: number;
  /** The window the criterion asks about (seconds); absent for a point in time. */
  readonly window?: number;
  /**
   * Why there is no verdict: `missing` (never observed), `other-windows` (observed over other
   * windows only, listed in `covers`, `null` for a point in time), `stale` (older than `maxAge`).
   */
  readonly problem?: 'missing' | 'other-windows' | 'stale';
  readonly covers?: readonly (number | null)[];
  /** Seconds an observation stays fresh. */
  readonly maxAge?: number;
  readonly actual?: MetricObservationFacts;
}

export interface TimeAtLevelFacts {
  readonly kind: 'time-at-level';
  readonly unitName: string;
  readonly level: number;
  readonly levelName: string;
  readonly required: number;
  /** When the unit reached the level; absent when no one recorded it. */
  readonly since?: number;
  /** Whole days at the level so far. */
  readonly days?: number;
  /** When the criterion is met, if it is not yet. */
  readonly metAt?: number;
}

export interface DecisionsAtLevelFacts {
  readonly kind: 'decisions-at-level';
  readonly level: number;
  readonly levelName: string;
  readonly required: number;
  /** Decisions completed at the level; absent when the evidence has no count. */
  readonly actual?: number;
}

export interface ChecklistFacts {
  readonly kind: 'checklist';
  readonly item: string;
  readonly evidenceRequired: boolean;
  /** The attestation counted: the latest signed one, else the latest unsigned one, if any. */
  readonly attestation?: {
    readonly at: number;
    readonly by?: string;
    readonly byName?: string;
    readonly evidence?: string;
    /** Signed in the log by `by` (true), or written in an evidence file (false). */
    readonly signed: boolean;
    /** For a signed attestation: the role that entitled the attester. */
    readonly role?: string;
  };
}

export interface UnitLevelFacts {
  readonly kind: 'unit-level';
  readonly unit: string;
  /** Absent when the unit is not in the charter. */
  readonly unitName?: string;
  readonly required: number;
  readonly requiredName: string;
  readonly actual?: number;
  readonly actualName?: string;
}

export interface RoleFacts {
  readonly kind: 'role';
  readonly role: string;
  /** Absent when the role is not in the charter. */
  readonly roleName?: string;
  readonly members?: { readonly required: number; readonly actual: number };
  readonly threshold?: { readonly required: Ratio; readonly actual?: Ratio };
}

export interface ExitWindowFacts {
  readonly kind: 'exit-window';
  readonly level: number;
  /** Absent when the level is not on the ladder. */
  readonly levelName?: string;
  readonly required: number;
  readonly timelock?: number;
  readonly withdrawalDelay: number;
  /** Seconds users have to exit: the timelock less the withdrawal delay. */
  readonly window?: number;
}

/** One path of control that fails a control criterion (or cannot be judged), with its numbers. */
export interface ControlPathFacts {
  /** Who acts at its end. */
  readonly leaf: Address;
  readonly leafKind: ControlFact['kind'];
  /** The largest multisig on the path, if any. */
  readonly multisig?: { readonly address: Address; readonly owners: number; readonly threshold: number };
  /** The longest timelock delay on the path, seconds. */
  readonly delay: number;
}

export interface ControlFacts {
  readonly kind: 'control';
  readonly power: string;
  readonly unit: string;
  readonly unitName?: string;
  readonly noSingleKey?: boolean;
  readonly minOwners?: number;
  readonly minThreshold?: Ratio;
  readonly minDelay?: number;
  /** The control fact judged; absent when none is recorded for the unit's power. */
  readonly observed?: {
    readonly subject: Address;
    readonly observedAt: number;
    readonly source?: string;
    /** Paths along which someone can act. */
    readonly paths: number;
  };
  /** Paths that fail a condition (the criterion is unmet). */
  readonly failing?: readonly ControlPathFacts[];
  /** Paths ending at a contract no reader recognised (the criterion is unknown, not met). */
  readonly unjudged?: readonly ControlPathFacts[];
}
