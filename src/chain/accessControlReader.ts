import { parseAbi } from 'viem';
import type { ControlFact } from '../core/observed/ControlFact.js';
import type { ControlReader } from './ControlReader.js';
import { roleMembers } from './roleMembers.js';
import { DEFAULT_ADMIN_ROLE } from './timelockReader.js';
import { tryCall } from './tryCall.js';

const ERC165_ABI = parseAbi(['function supportsInterface(bytes4) view returns (bool)']);
/** The ERC-165 id of IAccessControl. */
const ACCESS_CONTROL_ID = '0x7965db0b';

/** AccessControl (ERC-165 `IAccessControl`): holders of DEFAULT_ADMIN_ROLE, from events, are followed. */
export const accessControlReader: ControlReader = {
  kind: 'access-control',
  description: 'AccessControl: DEFAULT_ADMIN_ROLE members from RoleGranted / RoleRevoked events',
  async read({ client, address, follow, fromBlock }) {
    const supported = await tryCall({
      client,
      address,
      abi: ERC165_ABI,
      functionName: 'supportsInterface',
      args: [ACCESS_CONTROL_ID],
    });
    if (supported !== true) return undefined;
    const roles = await roleMembers({ client, address, fromBlock });
    const admins: ControlFact[] = [];
    for (const admin of roles.get(DEFAULT_ADMIN_ROLE) ?? []) admins.push(await follow(admin));
    return { kind: 'access-control', address, admins };
  },
};
