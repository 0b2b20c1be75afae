import { accessControlReader } from './accessControlReader.js';
import type { ControlReader } from './ControlReader.js';
import { multisigReader } from './multisigReader.js';
import { ownableReader } from './ownableReader.js';
import { proxyReader } from './proxyReader.js';
import { timelockReader } from './timelockReader.js';

/**
 * Every on-chain control reader, tried in this order for each contract: the proxy first (its
 * slots say more than whatever its implementation answers), a timelock before AccessControl
 * (a timelock is one), Ownable last but one.
 */
export const CONTROL_READERS: readonly ControlReader[] = [
  proxyReader,
  multisigReader,
  timelockReader,
  ownableReader,
  accessControlReader,
];
