import { DevolveError } from '../core/errors/DevolveError.js';
import { checkSignedAction } from '../store/checkSignedAction.js';
import type { AppendResult, EventStore } from '../store/EventStore.js';
import { paceCharterCheck } from './paceCharterCheck.js';
import { jsonAnswer, type RouteAnswer } from './RouteAnswer.js';
import { readJsonBody } from './readJsonBody.js';

/**
 * The answer to a signed action the store took: 201 with the event when it is new, 200 with the
 * event already in the log when the action was sent before (a retry), and where to read it.
 *
 * @example
 * appendedAnswer(await store.append({ signed, now })) // { status: 201, … location: '/api/orgs/…' }
 */
export function appendedAnswer(result: AppendResult): RouteAnswer {
  return jsonAnswer({ event: result.event, created: result.created }, result.created ? 201 : 200, {
    location: `/api/orgs/${result.event.action.org}/events?after=${result.event.seq - 1}&limit=1`,
  });
}

/**
 * What `POST /api/orgs/:org/actions` does, in one place for both ways a request reaches it (the
 * Hono route in createApp.ts and the lean path in leanActionsHandler.ts): the body read as JSON
 * (415, 413, 400), its form checked (`checkSignedAction`), its organization compared with the
 * path's (403), a charter it carries checked in paced steps, then the store appends it — the
 * store verifies the signature and authorizes the action. Throws on any refusal; the caller
 * answers it with `problemAnswer`.
 *
 * @example
 * const answer = await appendSignedAction({ store, now: clock, org, contentType, read: () => c.req.text() });
 */
export async function appendSignedAction(args: {
  store: EventStore;
  now: () => Date;
  /** The organization the path names, decoded. */
  org: string;
  /** The request's `content-type`, '' when it has none. */
  contentType: string;
  /** The body as text. */
  read: () => Promise<string>;
}): Promise<RouteAnswer> {
  const signed = checkSignedAction(await readJsonBody({ contentType: args.contentType, read: args.read }));
  const { org } = args;
  if (signed.action.org !== org) {
    throw new DevolveError({
      code: 'action/wrong-organization',
      message: `the action is signed for '${signed.action.org}', not for '${org}'`,
      details: { org, actionOrg: signed.action.org },
    });
  }
  await paceCharterCheck({ signed });
  return appendedAnswer(await args.store.append({ signed, now: args.now() }));
}
