import type { PublicClient } from 'viem';
import type { Address, ControlFact } from '../core/observed/ControlFact.js';

/** What a reader gets: the client, the contract, and how to read further along the chain. */
export interface ReadContext {
  readonly client: PublicClient;
  readonly address: Address;
  /** Reads who controls another address (the next hop), with cycle and depth guards. */
  follow(address: Address): Promise<ControlFact>;
  /** What the readers after this one make of the same address (a UUPS proxy's owner, say). */
  rest(): Promise<ControlFact | undefined>;
  /** First block to read role events from (default 0). */
  readonly fromBlock: bigint;
}

/**
 * One kind of on-chain control (Ownable, a Safe, a TimelockController …): `read` returns the
 * fact when the contract at `address` is of this kind, or undefined. Each reader is one file
 * exporting one record; `followControl` tries those in `CONTROL_READERS` in order.
 */
export interface ControlReader {
  readonly kind: ControlFact['kind'];
  readonly description: string;
  read(context: ReadContext): Promise<ControlFact | undefined>;
}
