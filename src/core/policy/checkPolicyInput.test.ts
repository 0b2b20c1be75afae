import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../charter/charterSchema.js';
import { checkPolicyInput, type PolicyProblem } from './checkPolicyInput.js';

const check = (policy: PolicyInput, weighted = false): PolicyProblem[] =>
  checkPolicyInput({ policy, weighted });
const codes = (policy: PolicyInput, weighted = false) =>
  check(policy, weighted).map((p) => [p.code, p.field]);

// The cases that show a whole issue (field, code, message, hint) are written out one by one on
// purpose: each is the exact text a charter author reads, so it stands in full where it is tested.
describe('checkPolicyInput', () => {
  it.each<[string, PolicyInput, boolean]>([
    ['single-owner', { method: 'single-owner', deciders: ['$owner'] }, false],
    [
      'majority',
      { method: 'majority', deciders: ['$team'], period: 'P3D', quorum: '10%', lateQuorumExtension: 'P1D' },
      false,
    ],
    [
      'supermajority',
      { method: 'supermajority', deciders: ['$council'], threshold: '2/3', period: 'P5D' },
      false,
    ],
    ['approval', { method: 'approval', deciders: ['$community'], winners: 3, period: 'P7D' }, false],
    [
      'ranked-choice',
      { method: 'ranked-choice', deciders: ['$community'], period: 'P7D', minVoters: 10 },
      false,
    ],
    [
      'quadratic',
      { method: 'quadratic', deciders: ['$community'], period: 'P7D', weight: { token: 'LUM' } },
      true,
    ],
    ['weighted-split', { method: 'weighted-split', deciders: ['$community'], period: 'P7D' }, false],
    ['consent', { method: 'consent', deciders: ['$team'], period: 'P7D' }, false],
    ['advice', { method: 'advice', propose: ['members'], consultation: { period: 'P7D' } }, false],
    [
      'optimistic',
      { method: 'optimistic', propose: ['$team'], veto: { by: ['$council'], window: 'P3D' } },
      false,
    ],
  ])('accepts a complete %s policy', (_method, policy, weighted) => {
    expect(check(policy, weighted)).toEqual([]);
  });

  it('reports a missing method alone, since nothing else can be judged without it', () => {
    expect(check({ deciders: ['$team'], quorum: '10%' })).toEqual([
      {
        field: undefined,
        code: 'policy/missing-method',
        message: 'the policy does not say how decisions are made',
        hint: "add 'method:' (single-owner, majority, supermajority, consent, advice, optimistic …)",
      },
    ]);
  });

  it('reports missing deciders, except where the proposer decides', () => {
    expect(codes({ method: 'majority', period: 'P3D' })).toEqual([['policy/missing-deciders', undefined]]);
    expect(check({ method: 'advice', consultation: { period: 'P7D' } })).toEqual([]);
    expect(check({ method: 'optimistic', veto: { by: ['$council'], window: 'P3D' } })).toEqual([]);
  });

  // One refusal per case, like the missing-veto case below, by design: each test shows one input beside its
  // one diagnostic.
  it('reports a voting method without a period, on the method', () => {
    expect(check({ method: 'consent', deciders: ['$team'] })).toEqual([
      {
        field: 'method',
        code: 'policy/missing-period',
        message: "method 'consent' needs a period during which the decision is open",
        hint: "add 'period:', e.g. period: P5D",
      },
    ]);
  });

  it('reports a period on a method that has none', () => {
    expect(check({ method: 'single-owner', deciders: ['$owner'], period: 'P3D' })).toEqual([
      {
        field: 'period',
        code: 'policy/unused-field',
        message: "method 'single-owner' has no decision period",
        hint: "remove 'period:'",
      },
    ]);
  });

  it('reports a supermajority without a threshold', () => {
    expect(codes({ method: 'supermajority', deciders: ['$council'], period: 'P5D' })).toEqual([
      ['policy/missing-threshold', 'method'],
    ]);
  });

  it.each(['50%', '1/2', 0.5, '0.4'])('reports a supermajority threshold of %j as too low', (threshold) => {
    expect(check({ method: 'supermajority', deciders: ['$council'], period: 'P5D', threshold })).toEqual([
      {
        field: 'threshold',
        code: 'policy/threshold-too-low',
        message: `a supermajority threshold must be more than 50%, not ${threshold}`,
        hint: "use method 'majority' for a simple majority, or raise the threshold (e.g. 2/3)",
      },
    ]);
  });

  it('accepts a supermajority threshold just above half', () => {
    // 501/1000 > 1/2
    expect(
      check({ method: 'supermajority', deciders: ['$council'], period: 'P5D', threshold: '50.1%' }),
    ).toEqual([]);
  });

  it('reports a threshold on a method that takes none, pointing majority at supermajority', () => {
    const [majority] = check({ method: 'majority', deciders: ['$team'], period: 'P3D', threshold: '2/3' });
    expect(majority).toEqual({
      field: 'threshold',
      code: 'policy/unused-field',
      message: "method 'majority' takes no threshold",
      hint: "use method 'supermajority' for a higher bar",
    });
    const [consent] = check({ method: 'consent', deciders: ['$team'], period: 'P3D', threshold: '2/3' });
    expect(consent?.hint).toBe("remove 'threshold:'");
  });

  it('reports quorum, minimum voters and late-quorum extension on a method that counts no votes', () => {
    expect(
      codes({
        method: 'consent',
        deciders: ['$team'],
        period: 'P7D',
        quorum: '10%',
        minVoters: 3,
        lateQuorumExtension: 'P1D',
      }),
    ).toEqual([
      ['policy/unused-field', 'quorum'],
      ['policy/unused-field', 'minVoters'],
      ['policy/unused-field', 'lateQuorumExtension'],
    ]);
    expect(check({ method: 'single-owner', deciders: ['$owner'], quorum: '10%' })[0]?.message).toBe(
      "method 'single-owner' counts no votes, so 'quorum' has no meaning",
    );
  });

  it('reports a late-quorum extension with no quorum to react to', () => {
    expect(
      check({ method: 'majority', deciders: ['$team'], period: 'P3D', lateQuorumExtension: 'P1D' }),
    ).toEqual([
      {
        field: 'lateQuorumExtension',
        code: 'policy/unused-field',
        message: 'a late-quorum extension needs a quorum to react to',
        hint: "add 'quorum:' or remove 'lateQuorumExtension:'",
      },
    ]);
    // A minimum number of voters is a quorum too.
    expect(
      check({
        method: 'majority',
        deciders: ['$team'],
        period: 'P3D',
        minVoters: 5,
        lateQuorumExtension: 'P1D',
      }),
    ).toEqual([]);
  });

  it('reports winners on a method that elects one outcome', () => {
    expect(codes({ method: 'majority', deciders: ['$team'], period: 'P3D', winners: 2 })).toEqual([
      ['policy/unused-field', 'winners'],
    ]);
  });

  it('reports an advice process with no consultation', () => {
    expect(codes({ method: 'advice', propose: ['members'] })).toEqual([
      ['policy/missing-consultation', 'method'],
    ]);
  });

  // One refusal per case, like the missing-period case above, by design: each test shows one input beside its
  // one diagnostic.
  it('reports an optimistic policy nobody can veto', () => {
    expect(check({ method: 'optimistic', propose: ['$team'] })).toEqual([
      {
        field: 'method',
        code: 'policy/missing-veto',
        message: 'an optimistic decision passes unless vetoed, so someone must hold a veto',
        hint: "add 'veto: { by: [$council], window: P3D }'",
      },
    ]);
  });

  it('reports quadratic voting over equal weights, on the weight when one is written', () => {
    const base: PolicyInput = { method: 'quadratic', deciders: ['$community'], period: 'P7D' };
    expect(codes(base, false)).toEqual([['policy/quadratic-needs-weight', 'method']]);
    expect(codes({ ...base, weight: 'equal' }, false)).toEqual([['policy/quadratic-needs-weight', 'weight']]);
    expect(check(base, true)).toEqual([]);
  });

  it('reports every problem of a policy at once', () => {
    expect(codes({ method: 'supermajority', winners: 2 }).map(([code]) => code)).toEqual([
      'policy/missing-deciders',
      'policy/missing-period',
      'policy/missing-threshold',
      'policy/unused-field',
    ]);
  });
});
