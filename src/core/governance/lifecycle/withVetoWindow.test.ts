import { describe, expect, it } from 'vitest';
import { HOUR_MS, organizationOf, policyOf, T0 } from '../../../../test/support/lifecycleFixtures.js';
import { electorateAt } from '../electorate/electorateAt.js';
import type { Lifecycle } from './Lifecycle.js';
import type { Proposal } from './Proposal.js';
import { withTimelock } from './withTimelock.js';
import { withVetoWindow } from './withVetoWindow.js';

// An inner lifecycle that passes at a fixed instant: the wrappers must work around any lifecycle.
const PASSED = T0 + 10 * HOUR_MS;
const inner: Lifecycle = {
  describe: 'fixed',
  votingEnd: () => undefined,
  settle: ({ now }) =>
    now < PASSED
      ? { kind: 'open', phase: 'voting', nextAt: PASSED }
      : { kind: 'passed', passedAt: PASSED, readyAt: PASSED },
};
const organization = organizationOf({
  members: ['eve', 'fay', 'gil', 'hal'],
  roles: { guardians: ['eve', 'fay', 'gil'], auditors: ['hal'] },
  roleOptions: { guardians: { threshold: { num: 2n, den: 3n } } },
});
const policy = policyOf({
  veto: {
    by: [
      { kind: 'role', role: 'guardians' },
      { kind: 'role', role: 'auditors' },
    ],
    window: 2 * 3600,
  },
});
const base: Proposal = {
  id: 'p',
  unit: 'u',
  kind: 'decision',
  subject: {},
  proposer: 'eve',
  policy,
  options: ['for', 'against'],
  electorate: electorateAt({ organization, policy, unit: 'u', at: T0 }),
  openedAt: T0,
  ballots: [],
  objections: [],
  advice: [],
  vetoes: [],
  delegations: [],
};
const wrapped = withVetoWindow(inner, 2 * 3600);
const settle = (proposal: Proposal, now: number, lifecycle = wrapped) =>
  lifecycle.settle({ proposal, now, self: lifecycle });

describe('withVetoWindow', () => {
  it('holds a passed proposal in a veto window, then lets it through unchanged in every other respect', () => {
    expect(settle(base, PASSED - 1)).toEqual({ kind: 'open', phase: 'voting', nextAt: PASSED });
    expect(settle(base, PASSED)).toEqual({
      kind: 'open',
      phase: 'veto-window',
      nextAt: PASSED + 2 * HOUR_MS,
    });
    expect(settle(base, PASSED + 2 * HOUR_MS)).toEqual({
      kind: 'passed',
      passedAt: PASSED,
      readyAt: PASSED + 2 * HOUR_MS,
    });
    expect(wrapped.describe).toBe('fixed veto=7200s');
  });

  it('vetoes when a body reaches its number of distinct members inside the window, from that moment', () => {
    const veto = (by: string, body: string, at: number) => ({ by, body, at });
    // guardians need ⌈3 × 2/3⌉ = 2: one guardian twice is still one
    const once = {
      ...base,
      vetoes: [veto('eve', 'role:guardians', PASSED + 1), veto('eve', 'role:guardians', PASSED + 2)],
    };
    expect(settle(once, PASSED + HOUR_MS)).toMatchObject({ phase: 'veto-window' });
    const twice = {
      ...base,
      vetoes: [veto('eve', 'role:guardians', PASSED + 1), veto('fay', 'role:guardians', PASSED + 5)],
    };
    expect(settle(twice, PASSED + 4)).toMatchObject({ phase: 'veto-window' });
    expect(settle(twice, PASSED + 5)).toEqual({
      kind: 'closed',
      phase: 'vetoed',
      at: PASSED + 5,
      reason: 'vetoed',
    });
    // the auditors need one; a veto outside the window, or by someone outside the body, does not count
    expect(settle({ ...base, vetoes: [veto('hal', 'role:auditors', PASSED)] }, PASSED)).toMatchObject({
      phase: 'vetoed',
    });
    const outside = {
      ...base,
      vetoes: [veto('hal', 'role:auditors', PASSED - 1), veto('eve', 'role:auditors', PASSED)],
    };
    expect(settle(outside, PASSED + 2 * HOUR_MS)).toMatchObject({ kind: 'passed' });
  });
});

describe('withTimelock', () => {
  it('holds a ready proposal for the timelock after whatever it wraps', () => {
    const locked = withTimelock(wrapped, 3600);
    expect(locked.describe).toBe('fixed veto=7200s timelock=3600s');
    expect(settle(base, PASSED + 2 * HOUR_MS, locked)).toEqual({
      kind: 'open',
      phase: 'timelock',
      nextAt: PASSED + 3 * HOUR_MS,
    });
    expect(settle(base, PASSED + 3 * HOUR_MS, locked)).toEqual({
      kind: 'passed',
      passedAt: PASSED,
      readyAt: PASSED + 3 * HOUR_MS,
    });
    // wrapping the bare lifecycle: ready an hour after it passed
    expect(settle(base, PASSED, withTimelock(inner, 3600))).toMatchObject({
      phase: 'timelock',
      nextAt: PASSED + HOUR_MS,
    });
  });
});
