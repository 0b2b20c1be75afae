import type { OrgState } from '../core/state/OrgState.js';
import { organizationInForce } from '../core/state/organizationInForce.js';
import type { EventStore } from '../store/EventStore.js';

/**
 * An organization's state for the views that show "today" (the units, the board, the plan,
 * `explain`, the transparency page): its organization carries each unit at the level the log has
 * moved it to, not the level the charter first declared.
 */
export async function readStateInForce(args: { store: EventStore; org: string }): Promise<OrgState> {
  const state = await args.store.readState({ org: args.org });
  const organization = organizationInForce({ state });
  return organization === state.organization ? state : { ...state, organization };
}
