import { describe, expect, it } from 'vitest';
import { lumenRuntime } from '../../../test/support/replayLog.js';
import { daoCharter, type JsonObject, unitOf } from '../../../test/support/signedLog.js';
import { checkCharterValue } from '../charter/checkCharterValue.js';

/**
 * The dao template with one emergency power: the security council may amend `upgrades`
 * (consultative, above founder level) until `until`, `uses` times. The log runs in March 2026;
 * mara creates it, jonas and hugo (a council member) register their keys.
 */
function lumen(power: JsonObject) {
  return lumenRuntime({
    org: 'lumen-emergency',
    registered: ['jonas', 'hugo'],
    prepare: (charter) => {
      charter['emergency'] = [power];
    },
  });
}

const PAUSE = {
  id: 'pause-upgrades',
  who: ['security-council'],
  units: ['upgrades'],
  actions: ['charter.amend'],
  until: '2026-06-01',
  uses: 1,
};

const timelock = (days: number) => (c: JsonObject) => {
  const upgrades = unitOf(c, 'upgrades');
  upgrades['policies'] = { ...(upgrades['policies'] as JsonObject), consultative: { timelock: `P${days}D` } };
};

describe('emergency powers', () => {
  it('let their holders change a unit above founder level, once per use, and are logged', () => {
    const { org, amend } = lumen(PAUSE);
    const state = org.act(amend('hugo', timelock(1)));
    expect(state.emergencyUses).toEqual([
      {
        power: 'pause-upgrades',
        unit: 'upgrades',
        actor: 'hugo',
        kind: 'charter.amend',
        seq: 3,
        at: org.log.events[3]!.recordedAt,
      },
    ]);
    // The one use is spent.
    expect(org.refusal(amend('hugo', timelock(2)))).toBe('action/proposal-required');
  });

  it('give nothing to non-holders, before they start, after they lapse, or beyond the units they name', () => {
    const open = lumen(PAUSE);
    expect(open.org.refusal(open.amend('jonas', timelock(1)))).toBe('action/proposal-required');
    expect(
      open.org.refusal(
        open.amend('hugo', (c) => {
          unitOf(c, 'treasury')['target'] = 'delegated';
        }),
      ),
    ).toBe('action/proposal-required');
    const lapsed = lumen({ ...PAUSE, until: '2026-01-01' });
    expect(lapsed.org.refusal(lapsed.amend('hugo', timelock(1)))).toBe('action/proposal-required');
    const early = lumen({ ...PAUSE, from: '2026-04-01' });
    expect(early.org.refusal(early.amend('hugo', timelock(1)))).toBe('action/proposal-required');
    // Without `uses`, it serves until it lapses.
    const { uses: _uses, ...timeBoxed } = PAUSE;
    const unlimited = lumen(timeBoxed);
    unlimited.org.act(unlimited.amend('hugo', timelock(1)));
    expect(unlimited.org.act(unlimited.amend('hugo', timelock(2))).emergencyUses).toHaveLength(2);
  });

  it('cannot renew or widen themselves, and owners cannot add one to an above-founder unit', () => {
    const { org, amend } = lumen({ ...PAUSE, uses: 2 });
    expect(
      org.refusal(
        amend('hugo', (c) => {
          (c['emergency'] as JsonObject[])[0]!['until'] = '2099-01-01';
        }),
      ),
    ).toBe('action/proposal-required');
    expect(
      org.refusal(
        amend('mara', (c) => {
          (c['emergency'] as JsonObject[]).push({
            ...PAUSE,
            id: 'take-treasury',
            who: ['founders'],
            units: ['treasury'],
          });
        }),
      ),
    ).toBe('action/proposal-required');
    expect(org.state?.emergencyUses).toEqual([]);
  });

  it('are checked like the rest of the charter: roles and units must exist', () => {
    const charter = daoCharter({ keys: {} });
    charter['emergency'] = [{ ...PAUSE, who: ['security-counsil'], units: ['upgrade'] }];
    const { valid, issues } = checkCharterValue({ value: charter });
    expect(valid).toBeUndefined();
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['charter/unknown-role', 'emergency.0.who.0'],
      ['charter/unknown-unit', 'emergency.0.units.0'],
    ]);
  });
});
