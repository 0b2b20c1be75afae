import { createPublicClient, createWalletClient, http } from 'viem';
import type { Address } from '../../../src/core/observed/ControlFact.js';
import type { Artifact } from './compileFixtures.js';
import type { LocalChain } from './localChain.js';

/** Deploys a compiled contract from one of the local chain's unlocked accounts; its address, lowercased. */
export async function deployArtifact(args: {
  chain: LocalChain;
  from: Address;
  artifact: Artifact;
  args: readonly unknown[];
}): Promise<Address> {
  const transport = http(args.chain.url);
  const wallet = createWalletClient({ account: args.from, transport });
  const hash = await wallet.deployContract({
    abi: args.artifact.abi,
    bytecode: args.artifact.bytecode,
    args: args.args,
    chain: null,
  });
  const receipt = await createPublicClient({ transport }).waitForTransactionReceipt({ hash });
  return receipt.contractAddress!.toLowerCase() as Address;
}
