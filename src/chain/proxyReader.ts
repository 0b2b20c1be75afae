import type { Address } from '../core/observed/ControlFact.js';
import type { ControlReader } from './ControlReader.js';
import { rpcFailed } from './tryCall.js';

/** bytes32(uint256(keccak256('eip1967.proxy.implementation')) - 1) */
export const IMPLEMENTATION_SLOT = '0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc';
/** bytes32(uint256(keccak256('eip1967.proxy.admin')) - 1) */
export const ADMIN_SLOT = '0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103';

function addressInSlot(word: `0x${string}` | undefined): Address {
  return `0x${(word ?? '0x').slice(2).padStart(64, '0').slice(24)}`.toLowerCase() as Address;
}

const ZERO = '0x0000000000000000000000000000000000000000';

/**
 * EIP-1967 proxy: the implementation and admin storage slots. A transparent proxy's admin (often
 * a ProxyAdmin contract) is followed; with no admin in its slot (a UUPS proxy) the power to
 * upgrade lies with whoever the next readers find controlling the proxy itself (its owner).
 */
export const proxyReader: ControlReader = {
  kind: 'proxy',
  description: 'EIP-1967 proxy: implementation and admin slots',
  async read({ client, address, follow, rest }) {
    let implementationWord: `0x${string}` | undefined;
    let adminWord: `0x${string}` | undefined;
    try {
      [implementationWord, adminWord] = await Promise.all([
        client.getStorageAt({ address, slot: IMPLEMENTATION_SLOT }),
        client.getStorageAt({ address, slot: ADMIN_SLOT }),
      ]);
    } catch (error) {
      throw rpcFailed(address, error);
    }
    const implementation = addressInSlot(implementationWord);
    if (implementation === ZERO) return undefined;
    const adminAddress = addressInSlot(adminWord);
    const admin =
      adminAddress !== ZERO
        ? await follow(adminAddress)
        : ((await rest()) ?? { kind: 'contract' as const, address });
    return { kind: 'proxy', address, implementation, admin };
  },
};
