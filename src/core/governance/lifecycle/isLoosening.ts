import type { Party, Policy, Role } from '../../model/Organization.js';
import { decentralizationScore } from '../../policy/decentralizationScore.js';
import { compareRatio, type Ratio } from '../../ratio/Ratio.js';

/**
 * Every way `after` is looser than `before` — easier to pass, faster, or decided by fewer — as
 * stable reason codes; empty when nothing is looser. A change the rule cannot rank (a different
 * method or weight, different parties of the same breadth) counts as looser: the ratchet errs on
 * the side of the stricter policy.
 *
 * @example
 * // quorum 1/10 → 1/20 and timelock 2d → 1d
 * isLoosening({ before, after, roles }) // ['quorum', 'timelock']
 */
export function isLoosening(args: {
  readonly before: Policy;
  readonly after: Policy;
  readonly roles: ReadonlyMap<string, Role>;
}): string[] {
  const { before, after, roles } = args;
  const reasons: string[] = [];
  const scoreBefore = decentralizationScore({ policy: before, roles });
  const scoreAfter = decentralizationScore({ policy: after, roles });
  const widened = scoreAfter > scoreBefore;
  if (scoreAfter < scoreBefore) reasons.push('narrower');
  if (!widened) {
    if (before.method !== after.method) reasons.push('method');
    if (!sameParties(before.deciders, after.deciders)) reasons.push('deciders');
    if (!sameParties(before.propose, after.propose)) reasons.push('proposers');
    if (JSON.stringify(before.weight) !== JSON.stringify(after.weight)) reasons.push('weight');
  }
  if (lower(before.quorum, after.quorum)) reasons.push('quorum');
  if (lower(before.threshold, after.threshold)) reasons.push('threshold');
  if ((after.minVoters ?? 0) < (before.minVoters ?? 0)) reasons.push('min-voters');
  if ((after.period ?? 0) < (before.period ?? 0)) reasons.push('period');
  if (after.timelock < before.timelock) reasons.push('timelock');
  if ((after.lateQuorumExtension ?? 0) < (before.lateQuorumExtension ?? 0)) reasons.push('late-quorum');
  if (before.rationale === 'required' && after.rationale !== 'required') reasons.push('rationale');
  if (before.consultation !== undefined) {
    if (after.consultation === undefined || after.consultation.period < before.consultation.period)
      reasons.push('consultation');
    else if (!includesAll(after.consultation.with, before.consultation.with)) reasons.push('consultation');
  }
  if (before.veto !== undefined) {
    if (after.veto === undefined || !sameParties(before.veto.by, after.veto.by)) reasons.push('veto');
    else if (after.veto.window < before.veto.window) reasons.push('veto');
  }
  return reasons;
}

/** An absent quorum or threshold is 0: removing one lowers it. */
function lower(before: Ratio | undefined, after: Ratio | undefined): boolean {
  if (before === undefined) return false;
  return after === undefined || compareRatio(after, before) < 0;
}

function key(party: Party): string {
  return party.kind === 'role' ? `role:${party.role}` : party.kind;
}

function sameParties(a: readonly Party[], b: readonly Party[]): boolean {
  const left = new Set(a.map(key));
  const right = new Set(b.map(key));
  return left.size === right.size && [...left].every((entry) => right.has(entry));
}

function includesAll(after: readonly Party[], before: readonly Party[]): boolean {
  const keys = new Set(after.map(key));
  return before.every((party) => keys.has(key(party)));
}
