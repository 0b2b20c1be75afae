import { describe, expect, it } from 'vitest';
import { DAY_S, LADDER_ROLES, policyOf } from '../../../../test/support/lifecycleFixtures.js';
import { isLoosening } from './isLoosening.js';

const before = policyOf({
  quorum: { num: 1n, den: 10n },
  threshold: { num: 2n, den: 3n },
  minVoters: 5,
  timelock: 2 * DAY_S,
  rationale: 'required',
  veto: { by: [{ kind: 'role', role: 'guardians' }], window: 3 * DAY_S },
  consultation: { period: DAY_S, with: [{ kind: 'role', role: 'community' }] },
});
const roles = LADDER_ROLES;

describe('isLoosening', () => {
  it('finds nothing looser in the same policy or a stricter one', () => {
    expect(isLoosening({ before, after: before, roles })).toEqual([]);
    const stricter = { ...before, quorum: { num: 1n, den: 5n }, timelock: 3 * DAY_S, minVoters: 9 };
    expect(isLoosening({ before, after: stricter, roles })).toEqual([]);
  });

  it('names every way a policy is looser', () => {
    const { veto: _veto, consultation: _consultation, ...bare } = before;
    const looser = {
      ...bare,
      // 1/20 < 1/10, 1/2 < 2/3
      quorum: { num: 1n, den: 20n },
      threshold: { num: 1n, den: 2n },
      minVoters: 1,
      period: 1,
      timelock: 0,
      rationale: 'optional' as const,
    };
    expect(isLoosening({ before, after: looser, roles })).toEqual([
      'narrower',
      'quorum',
      'threshold',
      'min-voters',
      'period',
      'timelock',
      'rationale',
      'consultation',
      'veto',
    ]);
  });

  it('counts handing the decision to a narrower party, or one it cannot rank, as looser', () => {
    const team = { ...before, deciders: [{ kind: 'role' as const, role: 'team' }] };
    expect(isLoosening({ before, after: team, roles })).toContain('narrower');
    const sameScope = { ...before, deciders: [{ kind: 'role' as const, role: 'guardians' }] };
    expect(isLoosening({ before, after: sameScope, roles })).toEqual(['deciders']);
    const wider = { ...before, deciders: [{ kind: 'role' as const, role: 'community' }] };
    expect(isLoosening({ before, after: wider, roles })).toEqual([]);
  });
});
