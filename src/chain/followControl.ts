import type { PublicClient } from 'viem';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { Address, ControlFact } from '../core/observed/ControlFact.js';
import { CONTROL_READERS } from './controlReaders.js';
import { rpcFailed } from './tryCall.js';

const ZERO = '0x0000000000000000000000000000000000000000';

/** How many hops a chain of control may have before the rest is reported as unknown. */
export const MAX_DEPTH = 12;

/**
 * Follows the chain of control from a contract (proxy → admin → timelock → multisig → owners) to
 * the keys at its end: an address with no code is a plain key, the zero address is nobody, an
 * address already on the path is a cycle, and a contract no reader in `CONTROL_READERS`
 * recognises (or one past `MAX_DEPTH` hops) is an unknown contract.
 *
 * @example
 * const control = await followControl({ client, address: '0x…proxy' });
 * // { kind: 'proxy', admin: { kind: 'ownable', owner: { kind: 'timelock', … } } }
 */
export async function followControl(args: {
  client: PublicClient;
  address: string;
  fromBlock?: bigint;
}): Promise<ControlFact> {
  if (!/^0x[0-9a-fA-F]{40}$/.test(args.address))
    throw new DevolveError({
      code: 'chain/invalid-address',
      message: `'${args.address}' is not an address (0x and 40 hex digits)`,
      details: { address: args.address },
    });
  const { client } = args;
  const fromBlock = args.fromBlock ?? 0n;
  const visit = async (address: Address, path: readonly Address[]): Promise<ControlFact> => {
    if (address === ZERO) return { kind: 'nobody', address };
    if (path.includes(address)) return { kind: 'cycle', address };
    if (path.length >= MAX_DEPTH) return { kind: 'contract', address };
    let code: string | undefined;
    try {
      code = await client.getCode({ address });
    } catch (error) {
      throw rpcFailed(address, error);
    }
    if (code === undefined || code === '0x') return { kind: 'key', address };
    const next = [...path, address];
    const tryFrom = async (i: number): Promise<ControlFact | undefined> => {
      for (let j = i; j < CONTROL_READERS.length; j++) {
        const fact = await CONTROL_READERS[j]!.read({
          client,
          address,
          fromBlock,
          follow: (other) => visit(other.toLowerCase() as Address, next),
          rest: () => tryFrom(j + 1),
        });
        if (fact !== undefined) return fact;
      }
      return undefined;
    };
    return (await tryFrom(0)) ?? { kind: 'contract', address };
  };
  return visit(args.address.toLowerCase() as Address, []);
}
