import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { DevolveError } from '../core/errors/DevolveError.js';
import { NO_EVIDENCE } from '../core/evidence/Evidence.js';
import { checkSignedAction } from '../store/checkSignedAction.js';
import type { EventStore } from '../store/EventStore.js';
import { appendedAnswer, appendSignedAction } from './appendSignedAction.js';
import { type EvidenceSource, registerDashboardRoutes } from './dashboardRoutes.js';
import { registerEvidenceRoutes, storedEvidenceSource } from './evidenceRoutes.js';
import { json } from './jsonResponse.js';
import { openApiDocument } from './openApiDocument.js';
import { organizationView } from './organizationView.js';
import { paceCharterCheck } from './paceCharterCheck.js';
import { problemAnswer, sendAnswer } from './RouteAnswer.js';
import { MAX_BODY_BYTES, readJsonBody, tooLarge } from './readJsonBody.js';
import { readStateInForce } from './readStateInForce.js';
import { requestError } from './requestError.js';
import { registerRuntimeRoutes } from './runtimeRoutes.js';
import { DEFAULT_WEB_ROOT, readWebFile } from './serveWeb.js';
import { unitView } from './unitView.js';

// Where the API's tests (and its fuzzer) have always found it.
export { MAX_BODY_BYTES };

/** Every failure leaves through here, as an RFC 9457 problem with the status `problemFor` gives. */
const problemResponse = (c: Context, error: unknown): Response => sendAnswer(c, problemAnswer(error));

/** The request body as JSON: 415 unless it says it is JSON, 400 unless it is. */
const readJson = (c: Context): Promise<unknown> =>
  readJsonBody({ contentType: c.req.header('content-type') ?? '', read: () => c.req.text() });

/** An integer query parameter within bounds, or the fallback when absent. */
function integerQuery(c: Context, name: string, fallback: number, min: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  const value = /^-?\d{1,10}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw requestError('bad-query', `'${name}' must be a whole number from ${min} to ${max}`, {
      [name]: raw,
    });
  }
  return value;
}

/**
 * The Devolve HTTP API as a Hono app — no socket of its own, so tests call `app.request()` and
 * `devolve serve` hands it to @hono/node-server. Reads come from the store's projection; every
 * write is a signed action the store verifies and authorizes. `clock` stamps what the log
 * records.
 *
 * Every failure, wherever it is thrown, reaches the one `onError` handler and leaves as an RFC
 * 9457 problem (`application/problem+json`) with a stable `code`; statuses come from
 * `problemFor`. Bad input is always a 4xx: only a bug is a 500.
 *
 * @example
 * const app = createApp({ store, clock: () => new Date() });
 * const response = await app.request('/api/orgs');
 */
export function createApp(args: {
  store: EventStore;
  clock?: () => Date;
  /** The planner's evidence per organization; none by default (criteria that need it are unknown). */
  evidence?: EvidenceSource;
  /** The built dashboard served at `/`; `null` serves none. */
  webRoot?: string | null;
}): Hono {
  const { store } = args;
  const clock = args.clock ?? (() => new Date());
  const webRoot = args.webRoot === undefined ? DEFAULT_WEB_ROOT : args.webRoot;
  const app = new Hono();

  app.onError((error, c) => problemResponse(c, error));
  // Answered, not thrown: the 405 check below only looks at 404s that are not errors. What no
  // API route answers may be a page of the dashboard (or one of its assets).
  app.notFound(async (c) => {
    const { method, path } = c.req;
    if (webRoot !== null && (method === 'GET' || method === 'HEAD') && !path.startsWith('/api/')) {
      const file = await readWebFile({ root: webRoot, pathname: path });
      if (file !== undefined) return c.body(file.body as Uint8Array<ArrayBuffer>, 200, file.headers);
    }
    return problemResponse(c, requestError('not-found', 'there is nothing at this path; see /openapi.json'));
  });
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, allow) => {
        throw requestError(
          'method-not-allowed',
          `${c.req.method} is not allowed here (allowed: ${allow.join(', ')})`,
          {
            allow,
          },
        );
      },
    }),
  );
  const limitStreamedBody = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });
  app.use('/api/*', (c, next) => {
    // A declared length is checked from the headers alone: Hono's bodyLimit would touch the body
    // stream, which makes @hono/node-server build a full Request for every write — a good part
    // of what a signed vote over HTTP costs. (Node refuses a body longer than its length.)
    // Bodies of unknown length (chunked) are counted as they stream in.
    const { method } = c.req;
    if (method === 'GET' || method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
      return limitStreamedBody(c, next);
    }
    return Number.parseInt(length, 10) > MAX_BODY_BYTES ? tooLarge() : next();
  });

  app.get('/openapi.json', (c) => json(c, openApiDocument));

  app.get('/api/orgs', async (c) => json(c, { organizations: await store.listOrganizations() }));

  app.post('/api/orgs', async (c) => {
    const signed = checkSignedAction(await readJson(c));
    await paceCharterCheck({ signed });
    return sendAnswer(c, appendedAnswer(await store.createOrganization({ signed, now: clock() })));
  });

  app.get('/api/orgs/:org', async (c) => {
    const state = await readStateInForce({ store, org: c.req.param('org') });
    return json(c, organizationView({ state }));
  });

  app.get('/api/orgs/:org/head', async (c) => json(c, await store.readHead({ org: c.req.param('org') })));

  app.get('/api/orgs/:org/units', async (c) => {
    const state = await readStateInForce({ store, org: c.req.param('org') });
    return json(c, { units: state.organization.units.map((unit) => unitView({ state, unit })) });
  });

  app.get('/api/orgs/:org/units/:unit', async (c) => {
    const state = await readStateInForce({ store, org: c.req.param('org') });
    const id = c.req.param('unit');
    const unit = state.organization.units.find((u) => u.id === id);
    if (unit === undefined) {
      throw new DevolveError({
        code: 'unit/not-found',
        message: `${state.organization.name} has no unit '${id}'`,
        details: { org: state.id, unit: id },
      });
    }
    // Its page shows declared beside observed: the evidence file's and the store's evidence about it, now.
    const [file, records] = await Promise.all([
      args.evidence === undefined ? NO_EVIDENCE : args.evidence(state.id),
      store.readEvidence({ org: state.id, filter: { unit: id } }),
    ]);
    return json(c, unitView({ state, unit, evidence: { file, records, now: clock().getTime() } }));
  });

  app.get('/api/orgs/:org/events', async (c) => {
    const after = integerQuery(c, 'after', -1, -1, 2 ** 31 - 1);
    const limit = integerQuery(c, 'limit', 100, 1, 1000);
    return json(c, await store.readEvents({ org: c.req.param('org'), after, limit }));
  });

  app.get('/api/orgs/:org/export', async (c) => {
    const org = c.req.param('org');
    await store.readHead({ org }); // 404 before any byte is sent
    const lines = store.exportLog({ org })[Symbol.asyncIterator]();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await lines.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${next.value}\n`));
      },
      async cancel() {
        await lines.return?.();
      },
    });
    return c.body(body, 200, {
      'content-type': 'application/jsonl; charset=utf-8',
      'content-disposition': `attachment; filename="${org}.jsonl"`,
    });
  });

  // Also answered, for most requests, in front of Hono by leanActionsHandler.ts: both call
  // appendSignedAction, which alone decides what the route does.
  app.post('/api/orgs/:org/actions', async (c) =>
    sendAnswer(
      c,
      await appendSignedAction({
        store,
        now: clock,
        org: c.req.param('org'),
        contentType: c.req.header('content-type') ?? '',
        read: () => c.req.text(),
      }),
    ),
  );

  registerRuntimeRoutes({ app, store, clock });
  // Readiness weighs the evidence the store keeps beside any the caller gives (`demo`: its file).
  const evidence = storedEvidenceSource({
    store,
    ...(args.evidence === undefined ? {} : { file: args.evidence }),
  });
  registerDashboardRoutes({ app, store, clock, evidence, json, limit: integerQuery });
  registerEvidenceRoutes({ app, store, json, limit: integerQuery });

  return app;
}
