import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/support/builtCli.js';
import { organizationFromYaml } from '../../../test/support/organizationFromYaml.js';
import type { Address, ControlFact } from './ControlFact.js';
import { observeUnit } from './observeUnit.js';

/**
 * Attempts to look more decentralized than one is, each of which the rules must see through.
 * Control facts are built by hand here; `src/chain/followControl.test.ts` reads them on-chain.
 */
const organization = organizationFromYaml(readFileSync(join(ROOT, 'templates', 'rollup.yaml'), 'utf8'));
const upgrades = organization.units.find((u) => u.id === 'upgrades')!;
const DAY = 86_400;

const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;
const key = (n: number): ControlFact => ({ kind: 'key', address: addr(n) });
const council = (size: number, threshold: number): ControlFact => ({
  kind: 'multisig',
  address: addr(900),
  threshold,
  owners: Array.from({ length: size }, (_, i) => key(i + 1)),
});
const timelock = (args: {
  delayDays: number;
  proposers: ControlFact[];
  admins?: ControlFact[];
}): ControlFact => ({
  kind: 'timelock',
  address: addr(800),
  minDelay: args.delayDays * DAY,
  proposers: args.proposers,
  admins: args.admins ?? [],
  executors: [],
  cancellers: [],
});
const proxy = (admin: ControlFact): ControlFact => ({
  kind: 'proxy',
  address: addr(700),
  implementation: addr(701),
  admin,
});

const statuses = (control: ControlFact) =>
  observeUnit({ unit: upgrades, control }).requirements.map(
    (r) => `${r.level} ${r.criterion.kind} ${r.status}`,
  );

describe('observeUnit', () => {
  it('8 owners at 6/8 behind 7 days meets Stage 1; 7 owners or 5/8 does not', () => {
    expect(
      observeUnit({ unit: upgrades, control: proxy(timelock({ delayDays: 7, proposers: [council(8, 6)] })) })
        .observed.id,
    ).toBe('stage-1');
    // 7 < 8 members.
    expect(statuses(proxy(timelock({ delayDays: 7, proposers: [council(7, 6)] }))).slice(0, 2)).toEqual([
      '1 role unmet',
      '1 exit-window met',
    ]);
    // 5/8 = 62.5% < 75%: 5·4 = 20 < 3·8 = 24.
    expect(statuses(proxy(timelock({ delayDays: 7, proposers: [council(8, 5)] }))).slice(0, 2)).toEqual([
      '1 role unmet',
      '1 exit-window met',
    ]);
    // 6 days < 7.
    expect(statuses(proxy(timelock({ delayDays: 6, proposers: [council(8, 6)] }))).slice(0, 2)).toEqual([
      '1 role met',
      '1 exit-window unmet',
    ]);
  });

  it('a timelock admin that is one key bypasses the delay: founder-controlled, with a finding', () => {
    const control = proxy(timelock({ delayDays: 30, proposers: [council(12, 9)], admins: [key(66)] }));
    const observed = observeUnit({ unit: upgrades, control });
    expect(observed.observed.id).toBe('stage-0');
    expect(observed.rules[0]).toMatchObject({ rule: 'single-key', ceiling: 0 });
    expect(observed.findings.map((f) => [f.declared.id, f.observed.id])).toEqual([['stage-1', 'stage-0']]);
  });

  it('a second proposer that is one key, even behind the timelock, is still one key', () => {
    const control = proxy(timelock({ delayDays: 8, proposers: [council(8, 6), key(5)] }));
    expect(observeUnit({ unit: upgrades, control }).observed.id).toBe('stage-0');
  });

  it('a contract of unknown kind leaves the requirements unknown, and a level is not claimed on them', () => {
    const control = proxy({ kind: 'contract', address: addr(5) });
    const observed = observeUnit({ unit: upgrades, control });
    expect(statuses(control).slice(0, 2)).toEqual(['1 role unknown', '1 exit-window unknown']);
    expect(observed.observed.id).toBe('stage-0');
    expect(observed.findings[0]!.evidence).toHaveLength(2);
  });

  it('renounced ownership (nobody) meets every control requirement: no one can act', () => {
    const control: ControlFact = {
      kind: 'ownable',
      address: addr(1),
      owner: { kind: 'nobody', address: addr(0) },
    };
    expect(observeUnit({ unit: upgrades, control }).observed.id).toBe('stage-2');
  });
});
