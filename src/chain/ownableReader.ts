import { parseAbi } from 'viem';
import type { Address } from '../core/observed/ControlFact.js';
import type { ControlReader } from './ControlReader.js';
import { tryCall } from './tryCall.js';

const OWNABLE_ABI = parseAbi(['function owner() view returns (address)']);

/** Ownable (and ProxyAdmin, which is Ownable): `owner()` is followed. */
export const ownableReader: ControlReader = {
  kind: 'ownable',
  description: 'Ownable: owner()',
  async read({ client, address, follow }) {
    const owner = (await tryCall({ client, address, abi: OWNABLE_ABI, functionName: 'owner' })) as
      | Address
      | undefined;
    if (owner === undefined) return undefined;
    return { kind: 'ownable', address, owner: await follow(owner.toLowerCase() as Address) };
  },
};
