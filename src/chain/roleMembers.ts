import { type PublicClient, parseAbiItem } from 'viem';
import type { Address } from '../core/observed/ControlFact.js';
import { rpcFailed } from './tryCall.js';

const ROLE_GRANTED = parseAbiItem(
  'event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)',
);
const ROLE_REVOKED = parseAbiItem(
  'event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)',
);

/**
 * The members of every role of an AccessControl contract, replayed from its RoleGranted and
 * RoleRevoked events in chain order (block, then log index): AccessControl keeps no list of
 * members, only `hasRole`. Keys of the map are role ids; members are lowercased, sorted.
 */
export async function roleMembers(args: {
  client: PublicClient;
  address: Address;
  fromBlock: bigint;
}): Promise<Map<string, Address[]>> {
  let logs: Awaited<ReturnType<typeof readLogs>>;
  const readLogs = () =>
    args.client.getLogs({
      address: args.address,
      events: [ROLE_GRANTED, ROLE_REVOKED],
      fromBlock: args.fromBlock,
      toBlock: 'latest',
    });
  try {
    logs = await readLogs();
  } catch (error) {
    throw rpcFailed(args.address, error);
  }
  const ordered = [...logs].sort((a, b) =>
    a.blockNumber === b.blockNumber
      ? (a.logIndex ?? 0) - (b.logIndex ?? 0)
      : (a.blockNumber ?? 0n) < (b.blockNumber ?? 0n)
        ? -1
        : 1,
  );
  const roles = new Map<string, Set<Address>>();
  for (const log of ordered) {
    const { role, account } = log.args;
    if (role === undefined || account === undefined) continue;
    const members = roles.get(role) ?? new Set<Address>();
    roles.set(role, members);
    const member = account.toLowerCase() as Address;
    if (log.eventName === 'RoleGranted') members.add(member);
    else members.delete(member);
  }
  return new Map([...roles].map(([role, members]) => [role, [...members].sort()]));
}
