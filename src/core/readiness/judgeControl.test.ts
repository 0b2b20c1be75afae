import { describe, expect, it } from 'vitest';
import { FIXTURE_HEAD, instant, organizationFromYaml } from '../../../test/support/organizationFromYaml.js';
import { type ControlObservation, type Evidence, NO_EVIDENCE } from '../evidence/Evidence.js';
import type { Criterion } from '../model/Organization.js';
import type { Address, ControlFact } from '../observed/ControlFact.js';
import { evaluateCriterion } from './evaluateCriterion.js';

const organization = organizationFromYaml(`${FIXTURE_HEAD}roles:
  - { id: team, name: Team, scope: team, members: [ana, ben] }
defaults:
  roles: { team: [team], council: [team], community: [team], guardian: [team] }
units:
  - id: protocol
    name: Protocol
    dimension: capital
    owners: [team]
    level: consultative
    target: community
    readiness:
      delegated:
        control: upgrade
        noSingleKey: true
        minOwners: 8
        minThreshold: 75%
        minDelay: 7d
`);
const unit = organization.units[0]!;

const address = (digit: string): Address => `0x${digit.repeat(40)}` as Address;
const key = (digit: string): ControlFact => ({ kind: 'key', address: address(digit) });
const PROXY = address('a');
const SAFE = address('b');
const TIMELOCK = address('c');
const DAY = 86_400;

/** A Safe of `owners` keys at `threshold`. */
function safe(owners: number, threshold: number): ControlFact {
  const keys = Array.from({ length: owners }, (_, i) => key((i + 1).toString(16)));
  return { kind: 'multisig', address: SAFE, threshold, owners: keys };
}

/** A proxy administered by a timelock of `days` whose one proposer is `proposer`. */
function proxyBehindTimelock(days: number, proposer: ControlFact): ControlFact {
  return {
    kind: 'proxy',
    address: PROXY,
    implementation: address('d'),
    admin: {
      kind: 'timelock',
      address: TIMELOCK,
      minDelay: days * DAY,
      proposers: [proposer],
      admins: [],
      executors: [],
      cancellers: [],
    },
  };
}

const NOW = instant('2026-11-10');
function withControl(holder: ControlFact, observedAt = instant('2026-11-01')): Evidence {
  const control: ControlObservation = {
    unit: 'protocol',
    power: 'upgrade',
    subject: PROXY,
    holder,
    observedAt,
    source: 'http://127.0.0.1:8545',
  };
  return { ...NO_EVIDENCE, controls: [control] };
}

const DELEGATED = unit.levels.find((l) => l.id === 'delegated')!;
const criterion = DELEGATED.readiness as Extract<Criterion, { kind: 'control' }>;

function judge(evidence: Evidence) {
  return evaluateCriterion({
    criterion,
    context: { organization, unit, level: DELEGATED.index, evidence, now: NOW },
  });
}

describe('control criteria', () => {
  it('resolve from the charter with every condition, in seconds and as an exact ratio', () => {
    expect(criterion).toEqual({
      kind: 'control',
      power: 'upgrade',
      unit: 'protocol',
      noSingleKey: true,
      minOwners: 8,
      minThreshold: { num: 3n, den: 4n },
      minDelay: 7 * DAY,
    });
  });

  it('are met by a Safe of 8 at 6 (75%) behind a 7-day timelock', () => {
    // 6/8 = 3/4: 6·4 = 24 ≥ 3·8 = 24, and 7 days ≥ 7 days.
    const result = judge(withControl(proxyBehindTimelock(7, safe(8, 6))));
    expect(result.status).toBe('met');
    expect(result.facts).toMatchObject({
      kind: 'control',
      observed: { subject: PROXY, observedAt: instant('2026-11-01'), paths: 1 },
    });
    expect(result.facts).not.toHaveProperty('failing');
    expect(result.text).toBe(
      'upgrade authority held by no single plain key, held through a multisig of at least 8 owners at a threshold of at least 75%, behind a timelock of at least 7 days',
    );
  });

  it.each([
    // 5/8 < 3/4: 5·4 = 20 < 24.
    ['a threshold below 75%', proxyBehindTimelock(7, safe(8, 5)), { owners: 8, threshold: 5 }, 7 * DAY],
    ['only 7 owners', proxyBehindTimelock(7, safe(7, 6)), { owners: 7, threshold: 6 }, 7 * DAY],
    ['a 6-day timelock', proxyBehindTimelock(6, safe(8, 6)), { owners: 8, threshold: 6 }, 6 * DAY],
  ])('are unmet with %s, naming the failing path and its numbers', (_, holder, multisig, delay) => {
    const result = judge(withControl(holder));
    expect(result.status).toBe('unmet');
    expect(result.facts).toMatchObject({
      failing: [{ leaf: SAFE, leafKind: 'multisig', multisig: { address: SAFE, ...multisig }, delay }],
    });
  });

  it('are unmet when one plain key holds the upgrade authority, even behind a timelock', () => {
    const result = judge(withControl(proxyBehindTimelock(30, key('e'))));
    expect(result.status).toBe('unmet');
    expect(result.facts).toMatchObject({
      failing: [{ leaf: address('e'), leafKind: 'key', delay: 30 * DAY }],
    });
    expect(result.facts).not.toHaveProperty('failing.0.multisig');
    expect(result.reason).toBe(
      `1 path of 1 fail (${PROXY}, read 2026-11-01): plain key ${address('e')} through no multisig, a timelock of 30 days`,
    );
  });

  it('judge the latest fact observed by now: a key replaced by a council meets it', () => {
    const old = withControl({ kind: 'ownable', address: PROXY, owner: key('e') }, instant('2026-10-01'));
    const recent = withControl(proxyBehindTimelock(7, safe(8, 6)), instant('2026-11-01'));
    const future = withControl({ kind: 'ownable', address: PROXY, owner: key('f') }, instant('2026-12-01'));
    const evidence = {
      ...NO_EVIDENCE,
      controls: [...old.controls!, ...recent.controls!, ...future.controls!],
    };
    expect(judge(evidence).status).toBe('met');
  });

  it('are unknown without a recorded fact, or when a path ends at a contract no reader knows', () => {
    const none = judge(NO_EVIDENCE);
    expect(none.status).toBe('unknown');
    expect(none.reason).toBe('no control fact recorded for the upgrade authority of Protocol');
    const opaque = judge(withControl(proxyBehindTimelock(7, { kind: 'contract', address: address('9') })));
    expect(opaque.status).toBe('unknown');
    expect(opaque.facts).toMatchObject({ unjudged: [{ leaf: address('9'), leafKind: 'contract' }] });
  });

  it('are met when no one can use the power (ownership renounced)', () => {
    const result = judge(
      withControl({ kind: 'ownable', address: PROXY, owner: { kind: 'nobody', address: address('0') } }),
    );
    expect(result.status).toBe('met');
    expect(result.facts).toMatchObject({ observed: { paths: 0 } });
  });
});
