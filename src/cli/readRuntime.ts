import type { OrgState } from '../core/state/OrgState.js';
import { type ReadOptions, resolveOrg } from './recordAction.js';
import { openTarget } from './serverClient.js';

/** The state of the organization a reading command names, from the local store or the server. */
export async function readRuntime(options: ReadOptions): Promise<OrgState> {
  const { target } = await openTarget({ server: options.server, data: options.data, mode: 'read' });
  try {
    return await target.readState({ org: await resolveOrg({ target, org: options.org }) });
  } finally {
    await target.close();
  }
}
