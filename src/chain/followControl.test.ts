import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicClient, http, type PublicClient } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/builtCli.js';
import { type Artifact, compileFixtures } from '../../test/support/chain/compileFixtures.js';
import { deployArtifact } from '../../test/support/chain/deployArtifact.js';
import { type LocalChain, startLocalChain } from '../../test/support/chain/localChain.js';
import { organizationFromYaml } from '../../test/support/organizationFromYaml.js';
import type { Organization } from '../core/model/Organization.js';
import { type Address, controlPaths } from '../core/observed/ControlFact.js';
import { observeUnit } from '../core/observed/observeUnit.js';
import { followControl } from './followControl.js';

/**
 * On hardhat's in-process network, behind a real JSON-RPC URL: contracts from
 * @openzeppelin/contracts compiled with solc-js, and a multisig of our own with Safe's
 * getOwners/getThreshold ABI (Safe's own artifacts are not used). Units of the `rollup` template:
 * - treasury (declared consultative): an Ownable vault owned by one key → founder, a finding.
 * - upgrades (declared stage-1): a transparent proxy whose ProxyAdmin is owned by a 7-day
 *   TimelockController whose proposer is a 6-of-8 multisig → stage-1, no finding.
 * - data-availability (declared stage-1): a proxy whose ProxyAdmin is owned by one key → stage-0.
 * - proof-system (declared stage-0): a 5-of-8 multisig (62.5% < 75%) behind the same kind of
 *   timelock → stage-0, the council requirement unmet, no finding (nothing more is declared).
 */

const DAY = 86_400;
const ZERO = '0x0000000000000000000000000000000000000000';

let chain: LocalChain;
let client: PublicClient;
let organization: Organization;
const deployed: Record<string, Address> = {};
let founder: Address;
let councilKeys: Address[];

function deploy(artifact: Artifact, args: readonly unknown[]): Promise<Address> {
  return deployArtifact({ chain, from: founder, artifact, args });
}

function unit(id: string) {
  return organization.units.find((u) => u.id === id)!;
}

beforeAll(async () => {
  organization = organizationFromYaml(readFileSync(join(ROOT, 'templates', 'rollup.yaml'), 'utf8'));
  const artifacts = compileFixtures();
  chain = await startLocalChain();
  client = createPublicClient({ transport: http(chain.url) });
  const accounts = chain.accounts.map((a) => a.toLowerCase() as Address);
  founder = accounts[0]!;
  councilKeys = accounts.slice(1, 9);

  /** A seven-day timelock whose one proposer is `proposer`, open to every executor, with no admin. */
  const deployTimelock = (proposer: Address | undefined): Promise<Address> =>
    deploy(artifacts.TimelockController, [BigInt(7 * DAY), [proposer], [ZERO], ZERO]);

  deployed['vault'] = await deploy(artifacts.OwnedVault, [founder]);

  deployed['council'] = await deploy(artifacts.MiniMultisig, [councilKeys, 6n]);
  deployed['timelock'] = await deployTimelock(deployed['council']);
  deployed['logic'] = await deploy(artifacts.OwnedVault, [founder]);
  deployed['proxy'] = await deploy(artifacts.TransparentUpgradeableProxy, [
    deployed['logic'],
    deployed['timelock'],
    '0x',
  ]);

  deployed['keyProxy'] = await deploy(artifacts.TransparentUpgradeableProxy, [
    deployed['logic'],
    founder,
    '0x',
  ]);

  deployed['weakCouncil'] = await deploy(artifacts.MiniMultisig, [councilKeys, 5n]);
  deployed['weakTimelock'] = await deployTimelock(deployed['weakCouncil']);
}, 120_000);

afterAll(async () => {
  await chain?.close();
});

describe('followControl on a local chain', () => {
  it('an Ownable owned by one key: founder-controlled whatever is declared, with a finding', async () => {
    const control = await followControl({ client, address: deployed['vault']! });
    expect(control).toEqual({
      kind: 'ownable',
      address: deployed['vault'],
      owner: { kind: 'key', address: founder },
    });
    const observed = observeUnit({ unit: unit('treasury'), control });
    expect(observed.declared).toEqual({ index: 2, id: 'consultative' });
    expect(observed.observed).toEqual({ index: 0, id: 'founder' });
    expect(observed.keys).toEqual([founder]);
    expect(observed.findings).toHaveLength(1);
    expect(observed.findings[0]).toMatchObject({
      code: 'observed/declared-above-evidence',
      unit: 'treasury',
      declared: { id: 'consultative' },
      observed: { id: 'founder' },
      evidence: [
        { rule: 'single-key', ceiling: 0, reason: `a single plain key controls the contract: ${founder}` },
      ],
    });
  });

  it('proxy → ProxyAdmin → 7-day timelock → 6-of-8 multisig: Stage 1 council and exit window met', async () => {
    const control = await followControl({ client, address: deployed['proxy']! });
    if (control.kind !== 'proxy' || control.admin.kind !== 'ownable')
      throw new Error(`unexpected ${control.kind}`);
    expect(control.implementation).toBe(deployed['logic']);
    const timelock = control.admin.owner;
    if (timelock.kind !== 'timelock') throw new Error(`unexpected ${timelock.kind}`);
    expect(timelock.address).toBe(deployed['timelock']);
    expect(timelock.minDelay).toBe(7 * DAY);
    expect(timelock.admins).toEqual([]); // only the timelock itself administers it
    expect(timelock.executors).toEqual([ZERO]); // anyone may execute once the delay has passed
    expect(timelock.cancellers).toEqual([deployed['council']]); // OpenZeppelin makes proposers cancellers
    expect(timelock.proposers).toEqual([
      {
        kind: 'multisig',
        address: deployed['council'],
        threshold: 6,
        owners: councilKeys.map((address) => ({ kind: 'key', address })),
      },
    ]);
    expect(controlPaths(control).map((p) => [p.leaf.address, p.delay, p.multisigs.length])).toEqual([
      [deployed['council'], 7 * DAY, 1],
    ]);

    const observed = observeUnit({ unit: unit('upgrades'), control });
    expect(observed.observed).toEqual({ index: 1, id: 'stage-1' });
    expect(observed.findings).toEqual([]);
    expect(observed.keys).toEqual([...councilKeys].sort());
    // Stage 1: 8 owners ≥ 8 and 6/8 = 75% ≥ 75%; 7 days − 0 ≥ 7 days. Stage 2: 7 days < 30 days.
    expect(observed.requirements.map((r) => [r.level, r.criterion.kind, r.status])).toEqual([
      [1, 'role', 'met'],
      [1, 'exit-window', 'met'],
      [2, 'role', 'met'],
      [2, 'exit-window', 'unmet'],
    ]);
    expect(observed.requirements[3]!.reason).toBe('an exit window of 7 days is below 30 days');
  });

  it('a proxy whose admin is owned by one key: stage-0, with the rule and both Stage 1 requirements as evidence', async () => {
    const control = await followControl({ client, address: deployed['keyProxy']! });
    const observed = observeUnit({ unit: unit('data-availability'), control });
    expect(observed.declared).toEqual({ index: 1, id: 'stage-1' });
    expect(observed.observed).toEqual({ index: 0, id: 'stage-0' });
    expect(observed.keys).toEqual([founder]);
    expect(
      observed.findings[0]!.evidence.map((e) =>
        'rule' in e ? e.rule : `${e.level} ${e.criterion.kind} ${e.status}`,
      ),
    ).toEqual(['single-key', '1 role unmet', '1 exit-window unmet']);
  });

  it('a 5-of-8 multisig (62.5%) behind a 7-day timelock fails the 75% council requirement', async () => {
    const control = await followControl({ client, address: deployed['weakTimelock']! });
    const observed = observeUnit({ unit: unit('proof-system'), control });
    expect(observed.observed).toEqual({ index: 0, id: 'stage-0' });
    expect(observed.findings).toEqual([]); // declared stage-0: nothing claimed beyond the evidence
    // 5 · 4 = 20 < 3 · 8 = 24: the threshold is below 75%.
    expect(observed.requirements.slice(0, 2).map((r) => [r.criterion.kind, r.status])).toEqual([
      ['role', 'unmet'],
      ['exit-window', 'met'],
    ]);
  });

  it('a plain key and the zero address are leaves; a bad address and a dead RPC are errors, not facts', async () => {
    expect(await followControl({ client, address: founder })).toEqual({ kind: 'key', address: founder });
    expect(await followControl({ client, address: ZERO })).toEqual({ kind: 'nobody', address: ZERO });
    await expect(followControl({ client, address: '0x1234' })).rejects.toMatchObject({
      code: 'chain/invalid-address',
    });
    const dead = createPublicClient({ transport: http('http://127.0.0.1:9', { retryCount: 0 }) });
    await expect(followControl({ client: dead, address: deployed['vault']! })).rejects.toMatchObject({
      code: 'chain/rpc-failed',
    });
  });

  it('devolve observe prints declared vs observed per unit and exits 1 on a finding', async () => {
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'bin', 'devolve.js'),
          'observe',
          join(ROOT, 'templates', 'rollup.yaml'),
          '--rpc',
          chain.url,
          '--control',
          `upgrades=${deployed['proxy']}`,
          '--control',
          `treasury=${deployed['vault']}`,
          '--json',
        ],
        { env: { ...process.env, NO_COLOR: '1' } },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout) as {
      units: { unit: string; declared: { id: string }; observed: { id: string } }[];
      findings: { unit: string }[];
    };
    expect(output.units.map((u) => [u.unit, u.declared.id, u.observed.id])).toEqual([
      ['upgrades', 'stage-1', 'stage-1'],
      ['treasury', 'consultative', 'founder'],
    ]);
    expect(output.findings.map((f) => f.unit)).toEqual(['treasury']);
  });
});
