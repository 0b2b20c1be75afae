/**
 * The decision methods a policy may name — the one list of them. Each has exactly one counting
 * module in `src/core/governance/counting/` (`COUNTING_MODULE_BY_METHOD`, checked by its test);
 * the charter schema, `METHOD_RULES` and `devolve tally` read this list.
 */
export const METHODS = [
  'single-owner',
  'majority',
  'supermajority',
  'approval',
  'ranked-choice',
  'quadratic',
  'weighted-split',
  'consent',
  'advice',
  'optimistic',
] as const;
export type MethodName = (typeof METHODS)[number];
