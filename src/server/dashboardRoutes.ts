import type { Context, Hono } from 'hono';
import { type Evidence, NO_EVIDENCE } from '../core/evidence/Evidence.js';
import { withLogEvidence } from '../core/evidence/withLogEvidence.js';
import { buildBoard } from '../core/explain/buildBoard.js';
import { explainUnit } from '../core/explain/explainUnit.js';
import { observeOrganization } from '../core/observed/observeOrganization.js';
import { makePlan, type Plan } from '../core/planner/makePlan.js';
import type { EventStore } from '../store/EventStore.js';
import { boardView } from './boardView.js';
import { type JsonBody, jsonBody, sendJson } from './compressedJson.js';
import { readStateInForce } from './readStateInForce.js';
import { createTimelines } from './timelineView.js';
import { transparencyView } from './transparencyView.js';

/** Where the planner's evidence comes from, per organization (today: the evidence file `demo` reads). */
export type EvidenceSource = (org: string) => Promise<Evidence>;

/**
 * How long a computed plan is reused while the log stands still: readiness moves with the clock
 * only by whole days (time at level, deadlines), and the board asks again on every event.
 */
const PLAN_REUSE_MS = 60_000;

/** Timeline entries returned when the client does not say. */
const DEFAULT_TIMELINE = 50;
const MAX_TIMELINE = 500;
/** Timeline entries the board's answer carries. */
const BOARD_TIMELINE = 25;

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

  // The last plan per organization, reused for the same log head and evidence within PLAN_REUSE_MS.
  const plans = new Map<
    string,
    { head: string; source: Evidence; evidence: Evidence; at: number; plan: Plan }
  >();
  const planOf = async (org: string) => {
    const state = await readStateInForce({ store, org });
    const source = await evidenceFor(org);
    const now = clock().getTime();
    const cached = plans.get(org);
    const fresh =
      cached !== undefined &&
      cached.head === state.head &&
      cached.source === source &&
      now >= cached.at &&
      now - cached.at < PLAN_REUSE_MS;
    if (fresh) return { state, evidence: cached.evidence, plan: cached.plan };
    // The log's signed attestations and the metrics criteria name count beside the evidence given.
    const evidence = withLogEvidence({ evidence: source, state, now });
    const plan = makePlan({ organization: state.organization, evidence, now });
    plans.set(org, { head: state.head, source, evidence, at: now, plan });
    return { state, evidence, plan };
  };

  // Views of one plan (so of one head, evidence and day) are computed and serialized once.
  const planBodies = new WeakMap<Plan, JsonBody>();
  const boardBodies = new WeakMap<Plan, JsonBody>();
  const transparencyBodies = new WeakMap<Plan, JsonBody>();
  const once = (bodies: WeakMap<Plan, JsonBody>, plan: Plan, make: () => unknown): JsonBody => {
    let body = bodies.get(plan);
    if (body === undefined) {
      body = jsonBody(make());
      bodies.set(plan, body);
    }
    return body;
  };

  app.get('/api/orgs/:org/plan', async (c) => {
    const { state, plan } = await planOf(c.req.param('org'));
    const body = once(planBodies, plan, () => ({
      seq: state.seq,
      head: state.head,
      board: buildBoard({ organization: state.organization }),
      plan,
    }));
    return sendJson(c, body);
  });

  // The board in one request: sliders, readiness counts, commitments, next moves and the
  // timeline's newest page, made once per plan.
  app.get('/api/orgs/:org/board', async (c) => {
    const org = c.req.param('org');
    const { state, plan, evidence } = await planOf(org);
    let body = boardBodies.get(plan);
    if (body === undefined) {
      const timeline = await timelines.read({ org, state, limit: BOARD_TIMELINE });
      const board = buildBoard({ organization: state.organization });
      // Declared beside observed: stored control facts and the log's team share, as of the plan.
      const observed = observeOrganization({
        organization: state.organization,
        evidence,
        state,
        now: plan.now,
      });
      body = jsonBody(boardView({ seq: state.seq, head: state.head, board, plan, timeline, observed }));
      boardBodies.set(plan, body);
    }
    return sendJson(c, body);
  });

  app.get('/api/orgs/:org/explain', async (c) => {
    const { organization } = await readStateInForce({ store, org: c.req.param('org') });
    return json(c, { units: organization.units.map((unit) => explainUnit({ organization, unit: unit.id })) });
  });

  app.get('/api/orgs/:org/units/:unit/explain', async (c) => {
    const { organization } = await readStateInForce({ store, org: c.req.param('org') });
    return json(c, explainUnit({ organization, unit: c.req.param('unit') }));
  });

  app.get('/api/orgs/:org/timeline', async (c) => {
    const count = limit(c, 'limit', DEFAULT_TIMELINE, 1, MAX_TIMELINE);
    const before = limit(c, 'before', Number.MAX_SAFE_INTEGER, 0, 2 ** 31 - 1);
    const org = c.req.param('org');
    const state = await readStateInForce({ store, org });
    return sendJson(c, jsonBody(await timelines.read({ org, state, limit: count, before })));
  });

  app.get('/api/orgs/:org/transparency', async (c) => {
    const { state, plan, evidence } = await planOf(c.req.param('org'));
    return sendJson(
      c,
      once(transparencyBodies, plan, () => transparencyView({ state, plan, evidence })),
    );
  });
}
