import { describe, expect, it } from 'vitest';
import { DAY_MS, organizationOf, T0 } from '../../../../test/support/lifecycleFixtures.js';
import type { EmergencyPower } from '../../model/Organization.js';
import { emergencyAllows } from './emergencyAllows.js';

const organization = organizationOf({
  members: ['ana', 'ben', 'cy'],
  roles: { guardians: ['ana', { member: 'ben', until: T0 + DAY_MS }] },
});
const power: EmergencyPower = {
  id: 'pause-bridge',
  who: [{ kind: 'role', role: 'guardians' }],
  units: ['bridge'],
  actions: ['unit.pause'],
  from: T0,
  until: T0 + 30 * DAY_MS,
  uses: 3,
};
const pause = { kind: 'unit.pause', unit: 'bridge', by: 'ana' };
const check = (action = pause, now = T0 + DAY_MS, usesSoFar = 0) =>
  emergencyAllows({ power, action, now, usesSoFar, organization });

describe('emergencyAllows', () => {
  it('allows a holder to take a covered action on a covered unit within its time and uses', () => {
    // 3 uses, 1 used before this one: 1 left after it
    expect(check(pause, T0 + DAY_MS, 1)).toEqual({ allowed: true, usesLeft: 1 });
  });

  it.each([
    ['before it starts', pause, T0 - 1, 0, 'emergency/not-yet'],
    ['at its end, which is exclusive', pause, T0 + 30 * DAY_MS, 0, 'emergency/expired'],
    ['to someone who never held it', { ...pause, by: 'cy' }, T0 + DAY_MS, 0, 'emergency/not-holder'],
    ['to a holder whose term has ended', { ...pause, by: 'ben' }, T0 + DAY_MS, 0, 'emergency/not-holder'],
    ['for another unit', { ...pause, unit: 'treasury' }, T0 + DAY_MS, 0, 'emergency/unit'],
    ['for another action', { ...pause, kind: 'charter.amend' }, T0 + DAY_MS, 0, 'emergency/action'],
    ['once its uses are spent', pause, T0 + DAY_MS, 3, 'emergency/used-up'],
  ])('refuses %s', (_, action, now, usesSoFar, code) => {
    expect(check(action, now, usesSoFar)).toMatchObject({ allowed: false, code });
  });

  it('lets a holder whose term still runs act, and has no count when uses are unlimited', () => {
    expect(check({ ...pause, by: 'ben' }, T0 + DAY_MS - 1)).toMatchObject({ allowed: true });
    const { uses: _uses, ...unlimited } = power;
    expect(
      emergencyAllows({ power: unlimited, action: pause, now: T0, usesSoFar: 99, organization }),
    ).toEqual({
      allowed: true,
    });
  });
});
