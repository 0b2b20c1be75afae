import {
  type Abi,
  BaseError,
  type ContractFunctionArgs,
  type ContractFunctionName,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  type PublicClient,
} from 'viem';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { Address } from '../core/observed/ControlFact.js';

/**
 * Calls a view function; a revert or an empty answer (the contract has no such function) is
 * undefined, so readers can probe for a kind. Any other failure (the RPC is unreachable, a
 * malformed answer) is `chain/rpc-failed`: an unreachable node must never read as "no owner".
 */
export async function tryCall<const abi extends Abi, name extends ContractFunctionName<abi, 'view'>>(args: {
  client: PublicClient;
  address: Address;
  abi: abi;
  functionName: name;
  args?: ContractFunctionArgs<abi, 'view', name>;
}): Promise<unknown> {
  try {
    return await args.client.readContract(args as Parameters<PublicClient['readContract']>[0]);
  } catch (error) {
    if (
      error instanceof BaseError &&
      error.walk(
        (e) => e instanceof ContractFunctionRevertedError || e instanceof ContractFunctionZeroDataError,
      ) !== null
    )
      return undefined;
    if (error instanceof BaseError && /reverted|returned no data|execution reverted/i.test(error.message))
      return undefined;
    throw rpcFailed(args.address, error);
  }
}

export function rpcFailed(address: Address, cause: unknown): DevolveError {
  return new DevolveError({
    code: 'chain/rpc-failed',
    message: `reading ${address} failed: ${cause instanceof BaseError ? cause.shortMessage : String(cause)}`,
    details: { address },
    cause,
  });
}
