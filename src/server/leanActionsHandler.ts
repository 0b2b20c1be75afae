import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventStore } from '../store/EventStore.js';
import { appendSignedAction } from './appendSignedAction.js';
import { problemAnswer, type RouteAnswer } from './RouteAnswer.js';
import { MAX_BODY_BYTES } from './readJsonBody.js';

/**
 * Takes a request (and answers it) or leaves it alone (returns false, having touched nothing:
 * not the body, not the response), for the next handler to answer.
 */
export type LeanHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

/**
 * The path of the actions route with an organization id that reads the same to every URL parser:
 * no percent-encoding (Hono decodes it), no segment of dots (a WHATWG URL removes it), no query.
 */
const ACTIONS_PATH = /^\/api\/orgs\/([A-Za-z0-9_-][A-Za-z0-9._~-]*)\/actions$/;
/** A `host` that @hono/node-server takes as it is (its own test): any other, it parses or refuses. */
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;
/**
 * Loopback on a port from 60000, which the test above leaves out (a server on port 0 may get
 * one): the adapter parses it as a URL, which keeps it as it is while the port is at most 65535.
 */
const LOOPBACK_HIGH_PORT = /^(?:localhost|127\.0\.0\.1):(6[0-5]\d{3})$/;

function isPlainHost(host: string | undefined): boolean {
  if (host === undefined) return false;
  if (PLAIN_HOST.test(host)) return true;
  const port = LOOPBACK_HIGH_PORT.exec(host)?.[1];
  return port !== undefined && Number(port) <= 65535;
}

/** How `Request.text()` decodes a body: UTF-8, a leading BOM dropped, bad bytes replaced. */
const utf8 = new TextDecoder();

/** The client went away before its whole body arrived: there is no one to answer. */
class HungUp extends Error {}

/**
 * The organization a request for the lean path names, or undefined when Hono should answer it:
 * anything but a POST to the route's plain path, with a plain `host`, a declared length within
 * `MAX_BODY_BYTES` (a larger one is refused by Hono from the headers alone), no
 * `transfer-encoding` (chunked bodies are counted by Hono as they stream in), no `expect`, and
 * one `content-type` at most (Hono joins several into one value).
 */
function leanOrganization(request: IncomingMessage): string | undefined {
  if (request.method !== 'POST') return undefined;
  const org = ACTIONS_PATH.exec(request.url ?? '')?.[1];
  if (org === undefined) return undefined;
  const { headers } = request;
  const length = headers['content-length'];
  if (
    length === undefined ||
    Number(length) > MAX_BODY_BYTES ||
    headers['transfer-encoding'] !== undefined ||
    headers.expect !== undefined ||
    !isPlainHost(headers.host)
  ) {
    return undefined;
  }
  const raw = request.rawHeaders;
  let types = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    if (name.length === 12 && name.toLowerCase() === 'content-type') types += 1;
  }
  if (types > 1 || headers['content-type']?.includes('\0') === true) return undefined;
  return org;
}

/** The whole body as text, decoded as `Request.text()` decodes it; rejects with `HungUp` if it never ends. */
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(utf8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks))));
    request.on('error', () => reject(new HungUp()));
    request.on('close', () => {
      if (!request.complete) reject(new HungUp());
    });
  });
}

/**
 * Writes an answer as @hono/node-server writes the same answer from Hono, header for header and
 * in the same order: Hono hands one header over as a plain object, which the adapter writes with
 * node's own `Content-Length` after node's headers; two or more become a `Headers` object, which
 * it writes sorted by name, followed by a `Content-Length` of its own, before node's headers.
 */
function writeAnswer(response: ServerResponse, answer: RouteAnswer): void {
  const names = Object.keys(answer.headers);
  if (names.length > 1) {
    const headers: Record<string, string | number> = {};
    for (const name of names.sort()) headers[name] = answer.headers[name]!;
    headers['Content-Length'] = Buffer.byteLength(answer.body);
    response.writeHead(answer.status, headers);
  } else {
    response.statusCode = answer.status;
    for (const name of names) response.setHeader(name, answer.headers[name]!);
  }
  response.end(answer.body);
}

/**
 * Answers `POST /api/orgs/<org>/actions` — the write every vote, proposal and registration takes
 * — straight from node's request and response, in front of the Hono app: the answer is the
 * route's own (`appendSignedAction` decides it, for both), written as @hono/node-server would
 * write it, without the web `Request`, `Response` and `Headers` objects and body streams the
 * adapter builds for every request, which cost about as much as the store's work on a vote.
 * Whatever the lean path does not take (see `leanOrganization`: other routes and methods,
 * encoded or odd paths, chunked or oversized bodies) goes to Hono unchanged.
 *
 * One difference no client sees: a request whose client hangs up before its body arrives is
 * dropped here, where Hono answers the closed connection with a logged 500.
 *
 * @example
 * const lean = leanActionsHandler({ store, clock });
 * createServer((request, response) => lean(request, response) || hono(request, response));
 */
export function leanActionsHandler(args: { store: EventStore; clock?: () => Date }): LeanHandler {
  const { store } = args;
  const now = args.clock ?? (() => new Date());
  const answer = async (request: IncomingMessage, response: ServerResponse, org: string): Promise<void> => {
    let result: RouteAnswer;
    try {
      result = await appendSignedAction({
        store,
        now,
        org,
        contentType: request.headers['content-type'] ?? '',
        read: () => readBody(request),
      });
    } catch (error) {
      if (error instanceof HungUp) {
        response.destroy();
        return;
      }
      result = problemAnswer(error);
    }
    writeAnswer(response, result);
  };
  return (request, response) => {
    const org = leanOrganization(request);
    if (org === undefined) return false;
    answer(request, response, org).catch((error: unknown) => {
      // Only a bug in writing the answer gets here; the response is unusable by now.
      console.error(error);
      response.destroy();
    });
    return true;
  };
}
