import type { Delegation } from '../lifecycle/Proposal.js';

/**
 * Why a delegation cannot stand, or undefined when it can: it must have at least one part, every
 * share must lie in (0, 1], shares must add up to at most the whole (1/2 + 1/3 = 5/6 is fine,
 * 1/2 + 2/3 = 7/6 is not), no one delegates to themselves, and each delegate appears once.
 */
export function checkDelegation(delegation: Delegation): string | undefined {
  if (delegation.parts.length === 0) return 'a delegation needs at least one delegate';
  const seen = new Set<string>();
  let num = 0n;
  let den = 1n;
  for (const part of delegation.parts) {
    if (part.to === delegation.from) return 'a member cannot delegate to themselves';
    if (seen.has(part.to)) return `${part.to} appears twice; give them one share`;
    seen.add(part.to);
    if (part.share.den <= 0n || part.share.num <= 0n || part.share.num > part.share.den)
      return `the share for ${part.to} must be more than 0 and at most 1`;
    num = num * part.share.den + part.share.num * den;
    den *= part.share.den;
  }
  if (num > den) return 'the shares add up to more than the whole weight';
  return undefined;
}
