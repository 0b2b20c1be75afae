import type { CountingRule } from '../governance/counting/CountingModule.js';
import { COUNTING_MODULES } from '../governance/counting/countingModules.js';
import type { MethodName } from './MethodName.js';

/**
 * What each decision method is made of, in the spirit of OpenZeppelin's Governor: a counting
 * module (how ballots become a result), optional quorum and threshold modules, and the timing the
 * method needs. A policy is checked against these rules once, when it is declared, so a charter
 * can never hold a policy whose parts do not fit together (a quorum on a single-owner decision, a
 * supermajority without a threshold, an optimistic decision nobody can veto).
 *
 * The table is derived from the counting modules (`src/core/governance/counting/`): each module
 * declares its own rule, so adding a method never touches this file.
 */
export interface MethodRule extends CountingRule {
  /** Plain words for the counting rule, used by `explain`. */
  readonly counting: string;
}

export const METHOD_RULES: Readonly<Record<MethodName, MethodRule>> = Object.fromEntries(
  COUNTING_MODULES.map((module) => [module.method, { ...module.rule, counting: module.counting }]),
) as Record<MethodName, MethodRule>;
