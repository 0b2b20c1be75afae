import type { MethodName } from '../policy/MethodName.js';
import type { BindableSlot } from '../policy/Slot.js';
import type { Ratio } from '../ratio/Ratio.js';

/**
 * The resolved organization model: what a valid charter means once every reference is checked,
 * every slot bound, every duration in seconds and every instant in epoch milliseconds (UTC).
 * Everything downstream — planner, governance runtime, dashboard — reads this, never raw YAML.
 */
// Plain readonly records, like the other model types of the core (makePlan.ts, ControlFact.ts):
// the shape the tool that finds duplicates pairs is TypeScript's record syntax, not shared logic.
export interface Organization {
  readonly id: string;
  readonly name: string;
  readonly kind: 'web3' | 'company' | 'hybrid';
  // Plain readonly fields, like makePlan.ts's and scheduleRoadmap.ts's records, by design: each record
  // declares its own shape.
  readonly description?: string;
  readonly website?: string;
  readonly tokens: readonly Token[];
  readonly dimensions: readonly Dimension[];
  readonly members: readonly Member[];
  readonly roles: readonly Role[];
  readonly ladders: readonly Ladder[];
  readonly metrics: readonly MetricDefinition[];
  readonly units: readonly Unit[];
  /** Emergency or bootstrap powers, when the charter declares any. */
  readonly emergencyPowers?: readonly EmergencyPower[];
}

/**
 * An emergency or bootstrap power as resolved: who may act without a proposal, on which units,
 * which action kinds, from when until when (epoch ms; `from` inclusive, `until` exclusive), how
 * many times in all (absent: no limit until it lapses).
 */
export interface EmergencyPower {
  readonly id: string;
  readonly description?: string;
  readonly who: readonly Party[];
  readonly units: readonly string[];
  readonly actions: readonly string[];
  readonly from?: number;
  readonly until: number;
  readonly uses?: number;
}

export interface Token {
  readonly symbol: string;
  readonly name: string;
  readonly decimals: number;
  readonly chain?: string;
  readonly address?: string;
}

export interface Dimension {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
}

export interface Member {
  readonly id: string;
  readonly name: string;
  /** `ed25519:<base64url>` or a 0x Ethereum address. */
  readonly key?: string;
}

export type RoleScope = 'team' | 'council' | 'community';

export interface RoleMembership {
  readonly member: string;
  /** Start of the term, epoch ms (inclusive). */
  readonly from?: number;
  /** End of the term, epoch ms (exclusive). */
  readonly until?: number;
}

export interface Role {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly scope: RoleScope;
  readonly members: readonly RoleMembership[];
  /** Membership is open (every token holder, say) rather than listed. */
  readonly open: boolean;
  readonly weight: Weight;
  /** For a council acting together: the share of members needed to act. */
  readonly threshold?: Ratio;
}

export type Weight =
  | { readonly kind: 'equal' }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'reputation'; readonly name: string };

/** One party in an electorate: a role, every member, or anyone who signs. */
export type Party =
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'members' }
  | { readonly kind: 'anyone' };

/**
 * A decision policy with every reference resolved. Durations are seconds; a missing optional
 * field means the module is absent (no quorum, no veto), and `timelock` 0 means immediate effect.
 */
export interface Policy {
  readonly propose: readonly Party[];
  readonly method: MethodName;
  readonly deciders: readonly Party[];
  readonly weight: Weight;
  readonly quorum?: Ratio;
  readonly minVoters?: number;
  readonly threshold?: Ratio;
  readonly winners?: number;
  readonly period?: number;
  readonly consultation?: { readonly period: number; readonly with: readonly Party[] };
  readonly veto?: { readonly by: readonly Party[]; readonly window: number };
  readonly timelock: number;
  readonly lateQuorumExtension?: number;
  readonly rationale: 'required' | 'optional';
}

export type Comparison = '>=' | '<=' | '>' | '<';

/** A readiness criterion or level requirement, with level references as ladder positions. */
export type Criterion =
  | { readonly kind: 'all'; readonly of: readonly Criterion[] }
  | { readonly kind: 'any'; readonly of: readonly Criterion[] }
  | { readonly kind: 'not'; readonly of: Criterion }
  | {
      readonly kind: 'metric';
      readonly metric: string;
      readonly unit: string;
      readonly comparison: Comparison;
      readonly value: number;
      readonly window?: number;
      readonly source?: string;
    }
  | { readonly kind: 'time-at-level'; readonly seconds: number }
  | { readonly kind: 'decisions-at-level'; readonly count: number }
  | {
      readonly kind: 'checklist';
      readonly id: string;
      readonly text: string;
      readonly evidenceRequired: boolean;
      /** Roles whose members may sign an attestation of it; absent: the unit's owners. */
      readonly attesters?: readonly string[];
    }
  | { readonly kind: 'unit-level'; readonly unit: string; readonly level: number }
  | {
      readonly kind: 'role';
      readonly role: string;
      readonly minMembers?: number;
      readonly minThreshold?: Ratio;
    }
  | { readonly kind: 'exit-window'; readonly seconds: number; readonly withdrawalDelay: number }
  | {
      /**
       * Who holds a power over the unit's contract, judged from the latest control fact recorded
       * for it: every path along which someone can act must pass each condition given.
       */
      readonly kind: 'control';
      /** The power, as control facts name it (`upgrade`). */
      readonly power: string;
      readonly unit: string;
      /** No plain key acts alone, even behind a timelock: a multisig on every path. */
      readonly noSingleKey?: boolean;
      /** A multisig on every path with at least this many owners … */
      readonly minOwners?: number;
      /** … and a threshold of at least this share of them. */
      readonly minThreshold?: Ratio;
      /** A timelock of at least this many seconds on every path. */
      readonly minDelay?: number;
    };

/** A ladder as declared: level policies may still name slots, bound per unit. */
export interface Ladder {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly builtIn: boolean;
  readonly levels: readonly { readonly id: string; readonly name: string; readonly summary?: string }[];
}

/** One notch of a unit's slider, with the unit's own policy for it. */
export interface UnitLevel {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly summary?: string;
  readonly policy: Policy;
  /**
   * What must hold to be at this level: the ladder's and the unit's requirements together. Being at
   * a level also means meeting the requirements of every level below it.
   */
  readonly requirements?: Criterion;
  /** What must hold before moving up to this level: the ladder's and the unit's criteria together. */
  readonly readiness?: Criterion;
}

export interface Dependency {
  readonly unit: string;
  /** The other unit must be at this level or above … */
  readonly level: number;
  /** … before this unit may be at this level or above. */
  readonly from: number;
  readonly reason?: string;
}

export interface Commitment {
  readonly id: string;
  readonly level: number;
  /** Deadline, epoch ms. */
  readonly by?: number;
  readonly when?: Criterion;
  readonly unless?: string;
  readonly statement?: string;
}

export interface Unit {
  readonly id: string;
  readonly name: string;
  readonly dimension: string;
  readonly description?: string;
  readonly owners: readonly string[];
  readonly ladder: string;
  readonly bindings: Readonly<Partial<Record<BindableSlot, readonly string[]>>>;
  readonly levels: readonly UnitLevel[];
  /** Current level, as a position on the ladder. */
  readonly level: number;
  /** When the unit reached its current level, epoch ms. */
  readonly since?: number;
  readonly target: number;
  readonly dependsOn: readonly Dependency[];
  readonly commitments: readonly Commitment[];
}

export interface MetricDefinition {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly unit?: string;
  readonly builtIn: boolean;
}
