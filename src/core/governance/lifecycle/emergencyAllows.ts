import type { EmergencyPower, Organization } from '../../model/Organization.js';
import { partyMembers } from '../electorate/partyMembers.js';

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
