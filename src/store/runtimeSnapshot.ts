import type { LogEvent } from '../core/log/LogEvent.js';
import { applyEvent } from '../core/state/applyEvent.js';
import type { OrgState } from '../core/state/OrgState.js';
import type { Projection } from './Projection.js';
import type { SqlExecutor } from './SqlDatabase.js';

/**
 * The runtime column is a snapshot, rewritten at most every this many events: between two
 * snapshots an append writes only its events and the organization's head, so its cost does not
 * grow with the proposals and ballots the organization holds.
 */
export const SNAPSHOT_EVERY = 256;

/**
 * A larger runtime is rewritten less often: once per this many characters of the last snapshot's
 * text in events. Rewriting it costs in proportion to its length (encoding it, the database
 * storing it), so spacing snapshots by that length keeps each event's share of the cost the same
 * however many ballots the organization holds — at 660 KB (6,000 ballots) a snapshot every 256
 * events was a fifth of an append's cost, and it grew with every vote. Reading an organization
 * cold replays at most that many events after its snapshot (2,600 at 660 KB: tens of
 * milliseconds).
 */
export const SNAPSHOT_CHARS_PER_EVENT = 256;

/** The number of events after which a snapshot whose text is `runtimeChars` long is rewritten. */
export function snapshotInterval(runtimeChars: number): number {
  return Math.max(SNAPSHOT_EVERY, Math.ceil(runtimeChars / SNAPSHOT_CHARS_PER_EVENT));
}

/** Compares rows by their JSON text: rows of one projection have their fields in one order. */
function sameRows(a: readonly object[], b: readonly object[]): boolean {
  return (
    a === b || (a.length === b.length && a.every((row, i) => JSON.stringify(row) === JSON.stringify(b[i])))
  );
}

/**
 * Whether the runtime snapshot must be written with the group that moves `before` to `next`.
 * It must when the group changed the charter, a unit row or a key — the tail replayed over a
 * snapshot is replayed over today's charter, units and keys, so it may hold no event that changed
 * them — and it is when `snapshotInterval` events have passed since the last one (`before`'s
 * runtime is the last snapshot's text).
 */
export function snapshotDue(args: { before: Projection; next: Projection; runtimeSeq: number }): boolean {
  const { before, next } = args;
  return (
    next.organization.seq - args.runtimeSeq >= snapshotInterval(before.organization.runtime.length) ||
    next.organization.charter !== before.organization.charter ||
    next.organization.name !== before.organization.name ||
    next.organization.kind !== before.organization.kind ||
    !sameRows(before.units, next.units) ||
    !sameRows(before.keys, next.keys)
  );
}

/**
 * The state at the head from the state at the snapshot (`atSnapshot`, whose seq and head are
 * those of event `runtimeSeq`): the events after it replayed through `applyEvent`, each checked
 * to link to the one before. Returns a reason instead when the stored rows do not fit together.
 */
export async function replayTail(args: {
  tx: SqlExecutor;
  org: string;
  atSnapshot: Omit<OrgState, 'seq' | 'head'>;
  runtimeSeq: number;
  head: { readonly seq: number; readonly head: string };
}): Promise<OrgState | string> {
  const { runtimeSeq, head } = args;
  if (runtimeSeq === head.seq) return { ...args.atSnapshot, seq: head.seq, head: head.head };
  if (!Number.isSafeInteger(runtimeSeq) || runtimeSeq < 0 || runtimeSeq > head.seq) {
    return `its runtime snapshot is at event ${runtimeSeq}, past the head`;
  }
  const rows = await args.tx.query<{ seq: number; hash: string; body: string }>(
    'SELECT seq, hash, body FROM events WHERE org = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq',
    [args.org, runtimeSeq, head.seq],
  );
  if (rows.length !== head.seq - runtimeSeq + 1 || rows[0]!.seq !== runtimeSeq) {
    return `events ${runtimeSeq} to ${head.seq} are not all there`;
  }
  let state: OrgState = { ...args.atSnapshot, seq: runtimeSeq, head: rows[0]!.hash };
  for (const row of rows.slice(1)) {
    let event: LogEvent;
    try {
      event = JSON.parse(row.body) as LogEvent;
    } catch {
      return `event ${row.seq} is not JSON`;
    }
    if (event.seq !== state.seq + 1 || event.prev !== state.head || event.hash !== row.hash) {
      return `event ${row.seq} does not link to the event before it`;
    }
    try {
      state = applyEvent({ state, event });
    } catch (error) {
      return `event ${row.seq} does not apply: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return state.head === head.head ? state : 'its head is not the last event of its log';
}
