import type { Unit } from '../model/Organization.js';
import type { Ratio } from '../ratio/Ratio.js';
import type { ControlFact, ControlPath } from './ControlFact.js';

/** The share of a unit's decisions its team made over a window, as the log counts it. */
export interface TeamShare {
  readonly value: number;
  readonly exact?: Ratio;
  /** Decisions (executed proposals) in the window. */
  readonly decisions: number;
  /** The window, seconds, ending at the time observed. */
  readonly window: number;
}

/** What one rule concluded about one unit: a ceiling on its level, with the paths that set it. */
export interface RuleVerdict {
  readonly rule: string;
  /** The highest level index the rule allows; absent when the rule does not apply. */
  readonly ceiling?: number;
  readonly reason: string;
  /** The control paths the rule judged by (its evidence). */
  readonly evidence: readonly ControlPath[];
  /** The team share the rule judged by, for a rule on decisions. */
  readonly teamShare?: TeamShare;
}

/**
 * A documented rule from evidence to the highest level a unit can honestly claim. Each rule is
 * one file exporting one record; `observeUnit` applies every record in `OBSERVED_RULES`. A rule
 * whose evidence is absent (no control fact, no decisions) does not apply.
 */
export interface ObservedRule {
  readonly id: string;
  /** One stable sentence: what the rule checks and what follows. */
  readonly description: string;
  judge(args: {
    unit: Unit;
    control: ControlFact | undefined;
    paths: readonly ControlPath[];
    teamShare: TeamShare | undefined;
  }): RuleVerdict;
}
