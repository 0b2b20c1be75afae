import { keccak256, parseAbi, toHex } from 'viem';
import type { Address, ControlFact } from '../core/observed/ControlFact.js';
import type { ControlReader } from './ControlReader.js';
import { roleMembers } from './roleMembers.js';
import { tryCall } from './tryCall.js';

const TIMELOCK_ABI = parseAbi(['function getMinDelay() view returns (uint256)']);

export const DEFAULT_ADMIN_ROLE = `0x${'0'.repeat(64)}`;
const role = (name: string) => keccak256(toHex(name));

/**
 * OpenZeppelin TimelockController: `getMinDelay()` and its proposer, executor, canceller and
 * admin roles from RoleGranted / RoleRevoked events. Proposers and admins other than the timelock
 * itself are followed; executors and cancellers are listed.
 */
export const timelockReader: ControlReader = {
  kind: 'timelock',
  description: 'TimelockController: minimum delay and proposer, executor, canceller, admin roles',
  async read({ client, address, follow, fromBlock }) {
    const delay = (await tryCall({ client, address, abi: TIMELOCK_ABI, functionName: 'getMinDelay' })) as
      | bigint
      | undefined;
    if (delay === undefined) return undefined;
    const roles = await roleMembers({ client, address, fromBlock });
    const members = (id: string) => roles.get(id) ?? [];
    const followAll = async (list: readonly Address[]) => {
      const facts: ControlFact[] = [];
      for (const member of list) facts.push(await follow(member));
      return facts;
    };
    return {
      kind: 'timelock',
      address,
      minDelay: Number(delay),
      proposers: await followAll(members(role('PROPOSER_ROLE'))),
      admins: await followAll(members(DEFAULT_ADMIN_ROLE).filter((a) => a !== address)),
      executors: members(role('EXECUTOR_ROLE')),
      cancellers: members(role('CANCELLER_ROLE')),
    };
  },
};
