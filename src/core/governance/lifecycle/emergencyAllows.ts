import type { Organization, Party } from '../../model/Organization.js';
import { partyMembers } from '../electorate/partyMembers.js';

/**
 * An emergency or bootstrap power declared in the charter: who may act without a proposal, on
 * which units, which actions, from when until when, how many times. It is time-boxed by design:
 * `until` is required.
 */
export interface EmergencyPower {
  readonly id: string;
  readonly who: readonly Party[];
  /** Unit ids; empty means none (a power must name what it covers). */
  readonly units: readonly string[];
  /** Action kinds, e.g. `unit.pause`, `charter.amend`. */
  readonly actions: readonly string[];
  /** Epoch ms, inclusive; absent means from the charter's adoption. */
  readonly from?: number;
  /** Epoch ms, exclusive. */
  readonly until: number;
  /** How many times the power may be used in all; absent means no limit within its time. */
  readonly uses?: number;
}

export type EmergencyCheck =
  | { readonly allowed: true; readonly usesLeft?: number }
  | {
      readonly allowed: false;
      readonly code:
        | 'emergency/not-yet'
        | 'emergency/expired'
        | 'emergency/not-holder'
        | 'emergency/unit'
        | 'emergency/action'
        | 'emergency/used-up';
      readonly reason: string;
    };

/**
 * Whether `power` lets `action.by` take `action.kind` on `action.unit` at `now`, having been used
 * `usesSoFar` times. Holders are read at `now`, honouring role terms.
 *
 * @example
 * emergencyAllows({ power, action: { kind: 'unit.pause', unit: 'bridge', by: 'ana' }, now, usesSoFar: 0, organization })
 * // { allowed: true, usesLeft: 2 }
 */
export function emergencyAllows(args: {
  readonly power: EmergencyPower;
  readonly action: { readonly kind: string; readonly unit: string; readonly by: string };
  readonly now: number;
  readonly usesSoFar: number;
  readonly organization: Organization;
}): EmergencyCheck {
  const { power, action, now, usesSoFar, organization } = args;
  if (power.from !== undefined && now < power.from)
    return {
      allowed: false,
      code: 'emergency/not-yet',
      reason: `emergency power ${power.id} has not started`,
    };
  if (now >= power.until)
    return { allowed: false, code: 'emergency/expired', reason: `emergency power ${power.id} has ended` };
  const holder = power.who.some(
    (party) => party.kind === 'anyone' || partyMembers({ organization, party, at: now }).includes(action.by),
  );
  if (!holder)
    return {
      allowed: false,
      code: 'emergency/not-holder',
      reason: `${action.by} does not hold emergency power ${power.id}`,
    };
  if (!power.units.includes(action.unit))
    return {
      allowed: false,
      code: 'emergency/unit',
      reason: `emergency power ${power.id} does not cover ${action.unit}`,
    };
  if (!power.actions.includes(action.kind))
    return {
      allowed: false,
      code: 'emergency/action',
      reason: `emergency power ${power.id} does not allow ${action.kind}`,
    };
  if (power.uses !== undefined && usesSoFar >= power.uses)
    return {
      allowed: false,
      code: 'emergency/used-up',
      reason: `emergency power ${power.id} has been used ${usesSoFar} of ${power.uses} times`,
    };
  return power.uses === undefined
    ? { allowed: true }
    : { allowed: true, usesLeft: power.uses - usesSoFar - 1 };
}
