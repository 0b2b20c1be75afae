import type { ObservedRule } from './ObservedRule.js';

/**
 * Upgrade authority held by a single plain key ⇒ founder-controlled (the ladder's first level),
 * whatever is declared: if any path of control ends at a key with no multisig on the way, one
 * person can change the contract, and a timelock only delays them.
 */
export const singleKeyRule: ObservedRule = {
  id: 'single-key',
  description:
    'a path of control that ends at one plain key, with no multisig on the way, caps the unit at its first level',
  judge({ paths }) {
    const single = paths.filter((p) => p.leaf.kind === 'key' && p.multisigs.length === 0);
    if (single.length === 0)
      return { rule: 'single-key', reason: 'no single plain key controls the contract', evidence: [] };
    const keys = [...new Set(single.map((p) => p.leaf.address))].sort();
    return {
      rule: 'single-key',
      ceiling: 0,
      reason: `a single plain key controls the contract: ${keys.join(', ')}`,
      evidence: single,
    };
  },
};
