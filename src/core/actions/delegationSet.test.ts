import { describe, expect, it } from 'vitest';
import { governedLumen } from '../../../test/support/governedLog.js';

describe('delegation.set and delegation.revoke: the actor’s own weight, in valid shares', () => {
  it('records a delegation in exact shares, replaces it per scope, and revokes only the actor’s own', () => {
    const lumen = governedLumen({ org: 'lumen-delegations' });
    lumen.as('jonas', 'delegation.set', {
      role: 'core-team',
      to: [
        { member: 'priya', share: '1/3' },
        { member: 'lin', share: '50%' },
      ],
    });
    expect(lumen.org.state!.delegations).toEqual([
      {
        from: 'jonas',
        scope: { kind: 'role', role: 'core-team' },
        parts: [
          { to: 'priya', share: { num: '1', den: '3' } },
          { to: 'lin', share: { num: '1', den: '2' } },
        ],
      },
    ]);
    lumen.as('jonas', 'delegation.set', { role: 'core-team', to: [{ member: 'tomas', share: 1 }] });
    expect(lumen.org.state!.delegations).toHaveLength(1);
    expect(lumen.refusal('priya', 'delegation.revoke', { role: 'core-team' })).toBe('action/no-delegation');
    lumen.as('jonas', 'delegation.revoke', { role: 'core-team' });
    expect(lumen.org.state!.delegations).toEqual([]);
  });

  it('refuses shares over the whole, delegating to oneself or a stranger, and an unclear scope', () => {
    const lumen = governedLumen({ org: 'lumen-bad-delegations' });
    const set = (payload: unknown) => lumen.refusal('jonas', 'delegation.set', payload);
    expect(
      set({
        role: 'core-team',
        to: [
          { member: 'priya', share: '2/3' },
          { member: 'lin', share: '1/2' },
        ],
      }),
    ).toBe('action/invalid-delegation');
    expect(set({ role: 'core-team', to: [{ member: 'jonas', share: 1 }] })).toBe('action/invalid-delegation');
    expect(set({ role: 'core-team', to: [{ member: 'zed', share: 1 }] })).toBe('action/unknown-member');
    expect(set({ role: 'core-team', token: 'LUM', to: [{ member: 'priya', share: 1 }] })).toBe(
      'action/invalid-delegation',
    );
    expect(set({ role: 'no-such-role', to: [{ member: 'priya', share: 1 }] })).toBe('action/unknown-role');
    expect(set({ token: 'XYZ', to: [{ member: 'priya', share: 1 }] })).toBe('action/unknown-token');
    expect(lumen.org.state!.delegations).toEqual([]);
  });
});
