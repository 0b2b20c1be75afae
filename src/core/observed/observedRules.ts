import type { ObservedRule } from './ObservedRule.js';
import { singleKeyRule } from './singleKeyRule.js';
import { teamShareRule } from './teamShareRule.js';

/** Every observed-level rule, applied in this order; the lowest ceiling wins. */
export const OBSERVED_RULES: readonly ObservedRule[] = [singleKeyRule, teamShareRule];
