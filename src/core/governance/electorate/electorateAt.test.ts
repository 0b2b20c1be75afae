import { describe, expect, it } from 'vitest';
import { DAY_MS, organizationOf, policyOf, T0 } from '../../../../test/support/lifecycleFixtures.js';
import type { DevolveError } from '../../errors/DevolveError.js';
import { electorateAt } from './electorateAt.js';

const organization = organizationOf({
  members: ['ana', 'ben', 'cy', 'dee', 'eve'],
  roles: {
    council: [
      'ana',
      { member: 'ben', until: T0 }, // term ended exactly at T0: no longer counts at T0
      { member: 'cy', from: T0 }, // term starts exactly at T0: counts at T0
      { member: 'dee', from: T0 + DAY_MS },
    ],
    guardians: ['eve', 'dee', 'cy'],
  },
  roleOptions: { guardians: { threshold: { num: 2n, den: 3n } } },
  keys: { eve: '0xAbCdEf0000000000000000000000000000000001' },
});

describe('electorateAt', () => {
  it('gives role members one vote each, honouring terms from inclusive until exclusive', () => {
    const electorate = electorateAt({ organization, policy: policyOf(), unit: 'u', at: T0 });
    expect([...electorate.weights]).toEqual([
      ['ana', 1n],
      ['cy', 1n],
    ]);
    // ana + cy = 2
    expect(electorate.total).toBe(2n);
    expect(electorate.deciders).toEqual(['ana', 'cy']);
  });

  it('reads the terms at the snapshot time, not later', () => {
    const before = electorateAt({ organization, policy: policyOf(), unit: 'u', at: T0 - 1 });
    const after = electorateAt({ organization, policy: policyOf(), unit: 'u', at: T0 + DAY_MS });
    expect(before.deciders).toEqual(['ana', 'ben']);
    expect(after.deciders).toEqual(['ana', 'cy', 'dee']);
  });

  it('weighs by a holdings snapshot, by member id or by the address in a member key in any letter case', () => {
    const policy = policyOf({
      weight: { kind: 'token', token: 'GOV' },
      deciders: [{ kind: 'role', role: 'guardians' }],
    });
    const holdings = new Map([
      ['cy', 300n],
      ['0xabcdef0000000000000000000000000000000001', 1_000n], // eve's key, lower-cased
      ['ana', 50n], // not a guardian: no vote
      ['0x9999999999999999999999999999999999999999', 7n], // nobody's address: no vote (the role is not open)
    ]);
    const electorate = electorateAt({ organization, policy, unit: 'u', at: T0 + DAY_MS, holdings });
    // dee holds nothing, so has no vote; total = 300 + 1,000 = 1,300
    expect([...electorate.weights]).toEqual([
      ['cy', 300n],
      ['eve', 1_000n],
    ]);
    expect(electorate.total).toBe(1_300n);
  });

  it('lets every holder take part when anyone may decide, under their address when not a member', () => {
    const policy = policyOf({ weight: { kind: 'token', token: 'GOV' }, deciders: [{ kind: 'anyone' }] });
    const holdings = new Map([
      ['ana', 5n],
      ['0xABCDEF0000000000000000000000000000000001', 10n],
      ['0x9999999999999999999999999999999999999999', 7n],
    ]);
    const electorate = electorateAt({ organization, policy, unit: 'u', at: T0, holdings });
    expect(Object.fromEntries(electorate.weights)).toEqual({
      '0x9999999999999999999999999999999999999999': 7n,
      ana: 5n,
      eve: 10n,
    });
    // 7 + 5 + 10 = 22
    expect(electorate.total).toBe(22n);
  });

  it('weighs by declared reputation', () => {
    const policy = policyOf({ weight: { kind: 'reputation', name: 'karma' } });
    const reputation = {
      karma: new Map([
        ['ana', 40n],
        ['cy', 2n],
        ['eve', 99n],
      ]),
    };
    const electorate = electorateAt({ organization, policy, unit: 'u', at: T0, reputation });
    // eve is not on the council; 40 + 2 = 42
    expect(Object.fromEntries(electorate.weights)).toEqual({ ana: 40n, cy: 2n });
    expect(electorate.total).toBe(42n);
  });

  it('refuses to weigh by tokens or reputation with nothing to weigh by', () => {
    const token = policyOf({ weight: { kind: 'token', token: 'GOV' } });
    const reputation = policyOf({ weight: { kind: 'reputation', name: 'karma' } });
    expect(() => electorateAt({ organization, policy: token, unit: 'u', at: T0 })).toThrow(
      expect.objectContaining({ code: 'proposal/holdings-required' }) as unknown as DevolveError,
    );
    expect(() => electorateAt({ organization, policy: reputation, unit: 'u', at: T0 })).toThrow(
      expect.objectContaining({ code: 'proposal/reputation-required' }) as unknown as DevolveError,
    );
  });

  it('lists consulted parties and veto bodies with the vetoes each needs', () => {
    const policy = policyOf({
      consultation: { period: DAY_MS / 1000, with: [{ kind: 'role', role: 'guardians' }] },
      veto: {
        by: [
          { kind: 'role', role: 'guardians' },
          { kind: 'role', role: 'council' },
        ],
        window: 3 * 86_400,
      },
    });
    const electorate = electorateAt({ organization, policy, unit: 'u', at: T0 });
    expect(electorate.consulted).toEqual([{ party: 'role:guardians', members: ['cy', 'dee', 'eve'] }]);
    expect(electorate.vetoBodies).toEqual([
      // 3 guardians at threshold 2/3: ⌈6/3⌉ = 2
      { party: 'role:guardians', members: ['cy', 'dee', 'eve'], needed: 2 },
      // no threshold: any one member
      { party: 'role:council', members: ['ana', 'cy'], needed: 1 },
    ]);
  });

  it('takes an optimistic policy’s threshold as the share of each veto body that must veto', () => {
    const policy = policyOf({
      method: 'optimistic',
      threshold: { num: 1n, den: 3n },
      veto: { by: [{ kind: 'role', role: 'guardians' }, { kind: 'members' }], window: 86_400 },
    });
    const electorate = electorateAt({ organization, policy, unit: 'u', at: T0 });
    // guardians: ⌈3 × 1/3⌉ = 1 (the policy's 1/3 replaces the role's own 2/3); all 5 members: ⌈5/3⌉ = 2
    expect(electorate.vetoBodies.map((body) => [body.party, body.needed])).toEqual([
      ['role:guardians', 1],
      ['members', 2],
    ]);
  });
});
