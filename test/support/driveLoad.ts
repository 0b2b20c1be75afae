import type { SignedAction } from '../../src/core/log/Action.js';
import type { LogEvent } from '../../src/core/log/LogEvent.js';
import type { DaoFixture } from './daoFixture.js';

export interface LoadResult {
  /** Every event the server acknowledged (201 or 200), in the order the answers came. */
  readonly acknowledged: readonly LogEvent[];
  /** Answers other than 201/200: status and problem code. */
  readonly refused: readonly { readonly status: number; readonly code: string }[];
  /** Actions sent whose answer never came (the connection failed): they may or may not be recorded. */
  readonly unanswered: readonly SignedAction[];
}

/**
 * Many clients appending signed actions to one organization over HTTP at once, the way members'
 * devices would: each client signs a founder-level `charter.amend` (rewording the brand unit)
 * against the last head it saw acknowledged, posts it, and goes on — `actionsPerClient` times,
 * or until its connection fails (a crashed server). Bounded: at most clients × actionsPerClient
 * requests.
 *
 * @example
 * const { acknowledged } = await driveLoad({ url, dao, head, clients: 50, actionsPerClient: 6 });
 */
export async function driveLoad(args: {
  url: string;
  /** The organization loaded; its `amendBrand` signs the actions unless `sign` is given. */
  dao: Pick<DaoFixture, 'org'> & Partial<Pick<DaoFixture, 'amendBrand'>>;
  /** A head already in the log, to make the first actions against. */
  head: string;
  clients: number;
  actionsPerClient: number;
  /** Called after each acknowledgement with the count so far (e.g. to crash the server mid-load). */
  onAcknowledged?: (count: number) => void;
  /** What client `client` signs as its `index`-th action (default: a founder rewording the brand). */
  sign?: (args: { head: string; client: number; index: number }) => SignedAction;
}): Promise<LoadResult> {
  const acknowledged: LogEvent[] = [];
  const refused: { status: number; code: string }[] = [];
  const unanswered: SignedAction[] = [];
  const endpoint = `${args.url}/api/orgs/${args.dao.org}/actions`;

  async function client(index: number): Promise<void> {
    let head = args.head;
    for (let i = 0; i < args.actionsPerClient; i++) {
      const signed =
        args.sign?.({ head, client: index, index: i }) ??
        args.dao.amendBrand!({
          head,
          description: `client ${index}, action ${i}`,
          actor: index % 2 === 0 ? 'mara' : 'jonas',
        });
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(signed),
        });
      } catch {
        unanswered.push(signed);
        return;
      }
      let body: { event?: LogEvent; code?: string };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        unanswered.push(signed);
        return;
      }
      if ((response.status === 201 || response.status === 200) && body.event !== undefined) {
        acknowledged.push(body.event);
        head = body.event.hash;
        args.onAcknowledged?.(acknowledged.length);
      } else {
        refused.push({ status: response.status, code: body.code ?? '' });
      }
    }
  }

  await Promise.all(Array.from({ length: args.clients }, (_, i) => client(i)));
  return { acknowledged, refused, unanswered };
}

/** Every event of an organization, read through the API page by page. */
export async function readAllEvents(args: { url: string; org: string }): Promise<LogEvent[]> {
  const events: LogEvent[] = [];
  let after = -1;
  for (let page = 0; page < 10_000; page++) {
    const response = await fetch(`${args.url}/api/orgs/${args.org}/events?after=${after}&limit=1000`);
    const body = (await response.json()) as { events: LogEvent[]; next: number | null };
    events.push(...body.events);
    if (body.next === null) break;
    after = body.next;
  }
  return events;
}

/**
 * What must hold after any load: the log is one chain — seq 0 … n in order, each `prev` the hash
 * of the event before — and each acknowledged event is in it exactly once, unchanged. Returns the
 * problems found (empty when sound), so a failing test shows them all.
 */
export function checkChain(args: {
  events: readonly LogEvent[];
  acknowledged: readonly LogEvent[];
}): string[] {
  const problems: string[] = [];
  const { events } = args;
  events.forEach((event, index) => {
    if (event.seq !== index) problems.push(`position ${index} holds seq ${event.seq}`);
    const prev = index === 0 ? null : events[index - 1]!.hash;
    if (event.prev !== prev) problems.push(`event ${event.seq}: prev does not link to event ${index - 1}`);
  });
  const byNonce = new Map<string, LogEvent[]>();
  for (const event of events)
    byNonce.set(event.action.nonce, [...(byNonce.get(event.action.nonce) ?? []), event]);
  for (const [nonce, found] of byNonce)
    if (found.length > 1) problems.push(`nonce ${nonce} recorded ${found.length} times`);
  for (const ack of args.acknowledged) {
    const found = byNonce.get(ack.action.nonce) ?? [];
    if (found.length !== 1) problems.push(`acknowledged event ${ack.seq} is present ${found.length} times`);
    else if (found[0]!.hash !== ack.hash) problems.push(`acknowledged event ${ack.seq} was changed`);
  }
  return problems;
}
