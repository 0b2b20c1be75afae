import { describe, expect, it } from 'vitest';
import { DAY_S, policyOf, yesNoModule } from '../../../../test/support/lifecycleFixtures.js';
import { composeLifecycle } from './composeLifecycle.js';

describe('composeLifecycle', () => {
  it('describes each composition in one stable line naming every module and wrapper in order', () => {
    const policy = policyOf({
      quorum: { num: 1n, den: 10n },
      minVoters: 3,
      lateQuorumExtension: DAY_S,
      veto: { by: [{ kind: 'role', role: 'guardians' }], window: 7 * DAY_S },
      timelock: 2 * DAY_S,
    });
    expect(composeLifecycle({ policy }).describe).toBe(
      'majority quorum=1/10 min-voters=3 late-quorum=86400s veto=604800s timelock=172800s',
    );
    expect(composeLifecycle({ policy: policyOf() }).describe).toBe('majority');
  });

  it('leaves out what does not apply: gates and late quorum need counted ballots, late quorum needs a quorum', () => {
    const consent = policyOf({ method: 'consent', quorum: { num: 1n, den: 2n }, lateQuorumExtension: DAY_S });
    expect(composeLifecycle({ policy: consent }).describe).toBe('consent');
    const noQuorum = policyOf({ lateQuorumExtension: DAY_S });
    expect(composeLifecycle({ policy: noQuorum }).describe).toBe('majority');
  });

  it.each([
    ['a counted method without a period', { period: 0 }, 'needs a period'],
    ['an advice process consulting no one', { method: 'advice' as const }, 'needs someone to consult'],
    [
      'an optimistic decision nobody can veto',
      { method: 'optimistic' as const },
      'needs someone who can veto',
    ],
  ])('refuses %s', (_, parts, words) => {
    expect(() => composeLifecycle({ policy: policyOf(parts) })).toThrow(words);
  });

  it('refuses a counting module of another method', () => {
    expect(() => composeLifecycle({ policy: policyOf(), counting: yesNoModule('approval') })).toThrow(
      expect.objectContaining({ code: 'proposal/invalid-composition' }),
    );
  });
});
