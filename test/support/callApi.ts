/**
 * The one way tests call the HTTP API: in process through a Hono app's `request()` (no socket),
 * or over the network to a running server's URL. Every answer comes back read — status, headers,
 * the body as text and, when it parses, as JSON — so a test can assert on any of them.
 */

/** Where the API is: an app answering `request()` (Hono's), or the base URL of a running server. */
export type ApiTarget = string | { request(path: string, init: RequestInit): Response | Promise<Response> };

export interface ApiAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The body parsed as JSON (undefined when it is not JSON), typed loosely for assertions. */
  readonly json: Record<string, unknown>;
}

/**
 * @example
 * const { status, json } = await callApi(app, 'POST', '/api/orgs', dao.create());
 * const head = await callApi(server.url, 'GET', `/api/orgs/${org}/head`);
 */
export async function callApi(
  target: ApiTarget,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json', ...headers } };
  // A string body is sent as it is (malformed JSON, a wrong media type); anything else as JSON.
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response =
    typeof target === 'string' ? await fetch(`${target}${path}`, init) : await target.request(path, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json: json as Record<string, unknown> };
}
