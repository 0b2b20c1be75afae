import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPublicClient,
  createTestClient,
  createWalletClient,
  type Hex,
  http,
  keccak256,
  type PublicClient,
  toHex,
} from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Artifact, compileGovernorFixtures } from '../../test/support/chain/compileFixtures.js';
import { deployArtifact } from '../../test/support/chain/deployArtifact.js';
import { type LocalChain, startLocalChain } from '../../test/support/chain/localChain.js';
import { readGovernorHistory } from '../chain/governorHistory.js';
import { votingReport } from '../core/metrics/votingReport.js';
import type { Address } from '../core/observed/ControlFact.js';
import { makeRatio } from '../core/ratio/Ratio.js';
import { governorImporter } from './governorImporter.js';

/**
 * On hardhat's in-process network: an ERC20Votes token and an OpenZeppelin 5.4 Governor (simple
 * counting, token votes, 4% quorum, settings) compiled with solc-js. Six holders a1…a6 hold
 * 400, 250, 150, 100, 60 and 40 tokens; a6 delegates to a5 (a5 votes with 100), the others to
 * themselves. Proposals: P1 by a1, P2 by a2, P3 by a1. Votes:
 * - P1: a1 400 for, a2 250 against, a3 150 abstain (castVoteWithReason), a5 100 for;
 * - P2: a1 400 for, a4 100 for (castVoteWithReasonAndParams: a VoteCastWithParams log);
 * - P3: none.
 */

const TOKEN = 10n ** 18n;
const dir = mkdtempSync(join(tmpdir(), 'devolve-governor-'));
let chain: LocalChain;
let client: PublicClient;
let governor: Address;
let holders: Address[];

async function send(
  from: Address,
  to: Address,
  artifact: Artifact,
  functionName: string,
  args: readonly unknown[],
) {
  const wallet = createWalletClient({ account: from, transport: http(chain.url) });
  const hash = await wallet.writeContract({
    address: to,
    abi: artifact.abi,
    functionName,
    args,
    chain: null,
  });
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`);
}

function deploy(from: Address, artifact: Artifact, args: readonly unknown[]): Promise<Address> {
  return deployArtifact({ chain, from, artifact, args });
}

beforeAll(async () => {
  const artifacts = compileGovernorFixtures();
  chain = await startLocalChain();
  client = createPublicClient({ transport: http(chain.url) });
  const testClient = createTestClient({ mode: 'hardhat', transport: http(chain.url) });
  const accounts = chain.accounts.map((a) => a.toLowerCase() as Address);
  const deployer = accounts[0]!;
  holders = accounts.slice(1, 7);
  const [a1, a2, a3, a4, a5, a6] = holders as [Address, Address, Address, Address, Address, Address];
  const token = await deploy(deployer, artifacts.DevolveToken, [
    holders,
    [400n, 250n, 150n, 100n, 60n, 40n].map((n) => n * TOKEN),
  ]);
  for (const holder of holders)
    await send(holder, token, artifacts.DevolveToken, 'delegate', [holder === a6 ? a5 : holder]);
  governor = await deploy(deployer, artifacts.DevolveGovernor, [token]);
  const G = artifacts.DevolveGovernor;

  const ids: bigint[] = [];
  for (const [proposer, description] of [
    [a1, 'P1: raise the limit'],
    [a2, 'P2: fund the audit'],
    [a1, 'P3: rename the token'],
  ] as const) {
    const call = [[token], [0n], ['0x' as Hex], description] as const;
    await send(proposer, governor, G, 'propose', call);
    ids.push(
      (await client.readContract({
        address: governor,
        abi: G.abi,
        functionName: 'hashProposal',
        args: [call[0], call[1], call[2], keccak256(toHex(description))],
      })) as bigint,
    );
  }
  // Voting opens one block after the snapshot block (voting delay 1).
  await testClient.mine({ blocks: 2 });
  const [p1, p2] = ids as [bigint, bigint, bigint];
  await send(a1, governor, G, 'castVote', [p1, 1]);
  await send(a2, governor, G, 'castVote', [p1, 0]);
  await send(a3, governor, G, 'castVoteWithReason', [p1, 2, 'no view yet']);
  await send(a5, governor, G, 'castVote', [p1, 1]);
  await send(a1, governor, G, 'castVote', [p2, 1]);
  await send(a4, governor, G, 'castVoteWithReasonAndParams', [p2, 1, 'with params', '0x01']);
}, 180_000);

afterAll(async () => {
  await chain?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Governor importer', () => {
  it('reads every proposal and vote, with weights in base units, whatever the block range', async () => {
    const whole = await readGovernorHistory({ client, address: governor, fromBlock: 0n });
    const [a1, a2, a3, a4, a5] = holders;
    expect(whole.issues).toEqual([]);
    expect(whole.proposals.map((p) => p.proposer)).toEqual([a1, a2, a1]);
    expect(whole.votes.map((v) => [v.voter, v.weight / TOKEN])).toEqual([
      [a1, 400n],
      [a2, 250n],
      [a3, 150n],
      [a5, 100n],
      [a1, 400n],
      [a4, 100n],
    ]);
    expect(whole.logs).toBe(9);
    const ranged = await readGovernorHistory({ client, address: governor, fromBlock: 0n, blockRange: 3n });
    expect(ranged.proposals).toEqual(whole.proposals);
    expect(ranged.votes).toEqual(whole.votes);
  });

  it('gives the voter and proposer metrics worked out by hand', async () => {
    const history = await readGovernorHistory({ client, address: governor, fromBlock: 0n });
    const report = votingReport({ proposals: history.proposals, votes: history.votes });
    expect([report.proposals, report.votes, report.distinctVoters, report.distinctProposers]).toEqual([
      3, 6, 5, 2,
    ]);
    // Voters per proposal 4 + 2 + 0 over 3 proposals × 5 voters: 6/15 = 2/5.
    expect(report.participation.ratio).toEqual(makeRatio(2n, 5n));
    // Power cast (tokens): a1 800, a2 250, a3 150, a4 100, a5 100; Σ 1400.
    expect(report.voters.total).toBe(1400n * TOKEN);
    // 800 > 1400/2: one voter decides.
    expect(report.voters.nakamoto.count).toBe(1);
    // HHI (800² + 250² + 150² + 100² + 100²) / 1400² = 745000 / 1960000 = 149/392.
    expect(report.voters.herfindahl.ratio).toEqual(makeRatio(149n, 392n));
    // Gini: ascending 100, 100, 150, 250, 800, Σ i·x = 5750; (2·5750 − 6·1400) / (5·1400) = 31/70.
    expect(report.voters.gini.ratio).toEqual(makeRatio(31n, 70n));
    // Proposals made: a1 2, a2 1; HHI (4 + 1) / 9 = 5/9.
    expect(report.proposers.herfindahl.ratio).toEqual(makeRatio(5n, 9n));
  });

  it('counts entities through the command, from a later block too', async () => {
    const [, , , a4, a5] = holders;
    const entities = join(dir, 'entities.csv');
    writeFileSync(entities, `address,entity\n${a4},Ops\n${a5},Ops\n`);
    const outcome = await governorImporter.run({
      source: '',
      options: { rpc: chain.url, address: governor, fromBlock: '0', blockRange: '5', entities },
    });
    expect(outcome.issues).toEqual([]);
    expect(outcome.rows).toBe(9);
    // a4 and a5 are Ops: 4 voters; voters per proposal 4 + 2 + 0 over 3 × 4 = 1/2.
    expect(outcome.summary).toMatchObject({ countedBy: 'entity', distinctVoters: 4, participation: 0.5 });
    const head = await client.getBlockNumber();
    const late = await governorImporter.run({
      source: governor,
      options: { rpc: chain.url, fromBlock: String(head + 1n) },
    });
    expect([late.rows, late.summary['votes']]).toEqual([0, 0]);
  });

  it('refuses bad input with a code, and an unreachable RPC is chain/rpc-failed', async () => {
    const run = (options: Record<string, string>, source = '') => governorImporter.run({ source, options });
    await expect(run({ address: governor })).rejects.toMatchObject({ code: 'usage/missing-rpc' });
    await expect(run({ rpc: chain.url })).rejects.toMatchObject({ code: 'usage/missing-option' });
    await expect(run({ rpc: chain.url, address: '0x1234' })).rejects.toMatchObject({
      code: 'chain/invalid-address',
    });
    await expect(run({ rpc: chain.url, address: governor, fromBlock: '-1' })).rejects.toMatchObject({
      code: 'usage/invalid-block',
    });
    await expect(run({ rpc: 'http://127.0.0.1:9', address: governor })).rejects.toMatchObject({
      code: 'chain/rpc-failed',
    });
  });
});
