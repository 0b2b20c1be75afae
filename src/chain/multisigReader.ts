import { parseAbi } from 'viem';
import type { Address, ControlFact } from '../core/observed/ControlFact.js';
import type { ControlReader } from './ControlReader.js';
import { tryCall } from './tryCall.js';

const SAFE_ABI = parseAbi([
  'function getOwners() view returns (address[])',
  'function getThreshold() view returns (uint256)',
]);

/** A Safe, or any multisig with its `getOwners()` and `getThreshold()`: each owner is followed. */
export const multisigReader: ControlReader = {
  kind: 'multisig',
  description: 'Safe-style multisig: getOwners and getThreshold',
  async read({ client, address, follow }) {
    const owners = (await tryCall({ client, address, abi: SAFE_ABI, functionName: 'getOwners' })) as
      | readonly Address[]
      | undefined;
    if (owners === undefined) return undefined;
    const threshold = (await tryCall({ client, address, abi: SAFE_ABI, functionName: 'getThreshold' })) as
      | bigint
      | undefined;
    if (threshold === undefined) return undefined;
    const facts: ControlFact[] = [];
    for (const owner of owners) facts.push(await follow(owner.toLowerCase() as Address));
    return { kind: 'multisig', address, threshold: Number(threshold), owners: facts };
  },
};
