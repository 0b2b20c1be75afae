import type { Unit } from '../model/Organization.js';
import type { ControlFact, ControlPath } from './ControlFact.js';

/** What one rule concluded about one unit: a ceiling on its level, with the paths that set it. */
export interface RuleVerdict {
  readonly rule: string;
  /** The highest level index the rule allows; absent when the rule does not apply. */
  readonly ceiling?: number;
  readonly reason: string;
  /** The control paths the rule judged by (its evidence). */
  readonly evidence: readonly ControlPath[];
}

/**
 * A documented rule from control facts to the highest level a unit can honestly claim. Each rule
 * is one file exporting one record; `observedLevel` applies every record in `OBSERVED_RULES`.
 */
export interface ObservedRule {
  readonly id: string;
  /** One stable sentence: what the rule checks and what follows. */
  readonly description: string;
  judge(args: { unit: Unit; control: ControlFact; paths: readonly ControlPath[] }): RuleVerdict;
}
