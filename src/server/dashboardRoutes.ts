import type { Context, Hono } from 'hono';
import { type Evidence, NO_EVIDENCE } from '../core/evidence/Evidence.js';
import { buildBoard } from '../core/explain/buildBoard.js';
import { explainUnit } from '../core/explain/explainUnit.js';
import { makePlan } from '../core/planner/makePlan.js';
import type { EventStore } from '../store/EventStore.js';
import { createTimelines } from './timelineView.js';
import { transparencyView } from './transparencyView.js';

/** Where the planner's evidence comes from, per organization (today: the evidence file `demo` reads). */
export type EvidenceSource = (org: string) => Promise<Evidence>;

/** Timeline entries returned when the client does not say. */
const DEFAULT_TIMELINE = 50;
const MAX_TIMELINE = 500;

/**
 * The read-only views the dashboard draws, registered on the API app: the plan with structured
 * readiness, every unit explained in plain words, the timeline of slider moves, and the public
 * transparency view. They derive everything from the log's projection, the evidence and the
 * clock; none of them writes. `json` and `limit` are the app's own response and query helpers,
 * so these routes answer and fail exactly as the rest of the API.
 */
export function registerDashboardRoutes(args: {
  app: Hono;
  store: EventStore;
  clock: () => Date;
  evidence: EvidenceSource | undefined;
  json: (c: Context, value: unknown) => Response;
  limit: (c: Context, name: string, fallback: number, min: number, max: number) => number;
}): void {
  const { app, store, clock, json, limit } = args;
  const evidenceFor = args.evidence ?? (async () => NO_EVIDENCE);
  const timelines = createTimelines({ store });

  const planOf = async (org: string) => {
    const state = await store.readState({ org });
    const evidence = await evidenceFor(org);
    return {
      state,
      evidence,
      plan: makePlan({ organization: state.organization, evidence, now: clock().getTime() }),
    };
  };

  app.get('/api/orgs/:org/plan', async (c) => {
    const { state, plan } = await planOf(c.req.param('org'));
    return json(c, {
      seq: state.seq,
      head: state.head,
      board: buildBoard({ organization: state.organization }),
      plan,
    });
  });

  app.get('/api/orgs/:org/explain', async (c) => {
    const { organization } = await store.readState({ org: c.req.param('org') });
    return json(c, { units: organization.units.map((unit) => explainUnit({ organization, unit: unit.id })) });
  });

  app.get('/api/orgs/:org/units/:unit/explain', async (c) => {
    const { organization } = await store.readState({ org: c.req.param('org') });
    return json(c, explainUnit({ organization, unit: c.req.param('unit') }));
  });

  app.get('/api/orgs/:org/timeline', async (c) => {
    const count = limit(c, 'limit', DEFAULT_TIMELINE, 1, MAX_TIMELINE);
    const org = c.req.param('org');
    const { organization } = await store.readState({ org });
    return json(c, await timelines.read({ org, organization, limit: count }));
  });

  app.get('/api/orgs/:org/transparency', async (c) => {
    const { state, plan, evidence } = await planOf(c.req.param('org'));
    return json(c, transparencyView({ state, plan, evidence }));
  });
}
