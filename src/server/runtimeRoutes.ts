import type { Hono } from 'hono';
import { DevolveError } from '../core/errors/DevolveError.js';
import { listProposals, proposalDetail } from '../core/governance/views/proposalView.js';
import type { OrgState } from '../core/state/OrgState.js';
import type { EventStore } from '../store/EventStore.js';
import { json } from './jsonResponse.js';

/**
 * The state as `GET /api/orgs/{org}/state` sends it: every projected field but the resolved
 * organization, which a reader rebuilds from `charter` exactly as `applyEvent` did.
 */
export function stateView(state: OrgState): Omit<OrgState, 'organization'> {
  const { organization: _organization, ...rest } = state;
  return rest;
}

/**
 * Reads of the governance runtime: the projected state (what a signing client needs), proposals
 * with their status and tally as they stand at the server's clock, and delegations. Every write
 * stays `POST /api/orgs/{org}/actions`.
 *
 * @example
 * registerRuntimeRoutes({ app, store, clock: () => new Date() });
 */
export function registerRuntimeRoutes(args: { app: Hono; store: EventStore; clock: () => Date }): void {
  const { app, store, clock } = args;

  app.get('/api/orgs/:org/state', async (c) =>
    json(c, stateView(await store.readState({ org: c.req.param('org') }))),
  );

  app.get('/api/orgs/:org/proposals', async (c) => {
    const state = await store.readState({ org: c.req.param('org') });
    return json(c, { proposals: listProposals({ state, now: clock().getTime() }) });
  });

  app.get('/api/orgs/:org/proposals/:proposal', async (c) => {
    const state = await store.readState({ org: c.req.param('org') });
    const id = c.req.param('proposal');
    const detail = proposalDetail({ state, id, now: clock().getTime() });
    if (detail === undefined) {
      throw new DevolveError({
        code: 'proposal/not-found',
        message: `${state.organization.name} has no proposal '${id}'`,
        details: { org: state.id, proposal: id },
      });
    }
    return json(c, detail);
  });

  app.get('/api/orgs/:org/delegations', async (c) => {
    const state = await store.readState({ org: c.req.param('org') });
    return json(c, { delegations: state.delegations });
  });
}
