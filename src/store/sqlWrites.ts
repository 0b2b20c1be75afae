/** The statements that write the log and its projection, each taking the transaction it runs in. */

import { eventLine, type LogEvent } from '../core/log/LogEvent.js';
import type { OrganizationRow, Projection, UnitRow } from './Projection.js';
import type { SqlExecutor } from './SqlDatabase.js';
import type { GroupLookUp, PendingAppend } from './sealGroup.js';

function sameUnitRow(a: UnitRow, b: UnitRow): boolean {
  return (
    a.position === b.position &&
    a.name === b.name &&
    a.dimension === b.dimension &&
    a.level === b.level &&
    a.levelId === b.levelId &&
    a.target === b.target &&
    a.levelSince === b.levelSince
  );
}

export const INSERT_EVENT_COLUMNS =
  'INSERT INTO events (org, seq, hash, prev, kind, actor, nonce, recorded_at, body)';
export const INSERT_EVENT = `${INSERT_EVENT_COLUMNS} VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

/** `INSERT_EVENT`'s parameters; `line` is the event's canonical JSON when the caller has it. */
export function eventParams(event: LogEvent, line: string = eventLine(event)): unknown[] {
  const { action } = event;
  return [
    action.org,
    event.seq,
    event.hash,
    event.prev,
    action.kind,
    action.actor,
    action.nonce,
    event.recordedAt,
    line,
  ];
}

/** `INSERT_EVENT`'s VALUES rows for `events`, their parameters appended to `params`. */
function eventRows(events: readonly LogEvent[], lines: readonly string[], params: unknown[]): string {
  return events
    .map((event, index) => {
      const first = params.length;
      params.push(...eventParams(event, lines[index]));
      // Typed, so that the rows also read as a plain VALUES list (`recordEventsOnHead`).
      return `($${first + 1}, $${first + 2}::integer, ${Array.from({ length: 7 }, (_, i) => `$${first + i + 3}`).join(', ')})`;
    })
    .join(', ');
}

/**
 * The organization row's columns an append moves, as `column = $n` with their parameters
 * appended to `params`: the head always, the runtime snapshot when one is due, the charter, name
 * and kind only when the group changed them.
 */
function movedColumns(
  before: OrganizationRow,
  next: OrganizationRow,
  snapshot: boolean,
  params: unknown[],
): string {
  const set: string[] = [];
  const column = (name: string, value: unknown) => {
    params.push(value);
    set.push(`${name} = $${params.length}`);
  };
  column('seq', next.seq);
  column('head', next.head);
  column('updated_at', next.updatedAt);
  if (snapshot) {
    column('runtime', next.runtime);
    column('runtime_seq', next.seq);
  }
  if (next.name !== before.name) column('name', next.name);
  if (next.kind !== before.kind) column('kind', next.kind);
  if (next.charter !== before.charter) column('charter', next.charter);
  return set.join(', ');
}

/**
 * Inserts a group's events (one multi-row INSERT) and moves the organization's row to the last
 * of them, in one statement: one round trip per group, which is most of an append's cost on
 * PGlite. The charter, name and kind are written only when the group changed them.
 */
export async function recordEvents(
  tx: SqlExecutor,
  events: readonly LogEvent[],
  lines: readonly string[],
  before: OrganizationRow,
  next: OrganizationRow,
  snapshot: boolean,
): Promise<void> {
  const params: unknown[] = [];
  const rows = eventRows(events, lines, params);
  const set = movedColumns(before, next, snapshot, params);
  params.push(next.id);
  await tx.query(
    `WITH recorded AS (${INSERT_EVENT_COLUMNS} VALUES ${rows})
     UPDATE organizations SET ${set} WHERE id = $${params.length}`,
    params,
  );
}

/**
 * The whole append of a group sealed on a head this process already knew, as one statement run
 * on its own (its own transaction): the organization's row moves from `before` to `next` only if
 * it still stands at `before`'s head — compare and set, under the row lock the UPDATE takes — and
 * the events are inserted only if it moved. True when it moved (all committed); false when the
 * head had moved on meanwhile (nothing written). A nonce already in the log fails the statement
 * on the `(org, nonce)` unique index, again with nothing written. Its parameters are built like
 * `recordEvents`'s, by design: the two statements differ only in the guard around them.
 */
export async function recordEventsOnHead(
  db: SqlExecutor,
  events: readonly LogEvent[],
  lines: readonly string[],
  before: OrganizationRow,
  next: OrganizationRow,
  snapshot: boolean,
): Promise<boolean> {
  const params: unknown[] = [];
  const rows = eventRows(events, lines, params);
  const set = movedColumns(before, next, snapshot, params);
  params.push(next.id, before.seq, before.head);
  const [id, seq, head] = [params.length - 2, params.length - 1, params.length];
  const moved = await db.query<{ moved: number }>(
    `WITH moved AS (
       UPDATE organizations SET ${set} WHERE id = $${id} AND seq = $${seq} AND head = $${head} RETURNING id
     ), recorded AS (
       ${INSERT_EVENT_COLUMNS} SELECT * FROM (VALUES ${rows}) AS sealed WHERE EXISTS (SELECT 1 FROM moved)
     )
     SELECT count(*)::integer AS moved FROM moved`,
    params,
  );
  return moved[0]?.moved === 1;
}

/**
 * Writes the unit and key rows of `next` that differ from `before` (all of them for a new
 * organization). The organization's own row is written with the event.
 */
export async function writeRows(
  tx: SqlExecutor,
  before: Projection | undefined,
  next: Projection,
): Promise<void> {
  const org = next.organization;
  const oldUnits = new Map((before?.units ?? []).map((u) => [u.id, u]));
  for (const unit of next.units) {
    const old = oldUnits.get(unit.id);
    oldUnits.delete(unit.id);
    if (old !== undefined && sameUnitRow(old, unit)) continue;
    await tx.query(
      `INSERT INTO units (org, id, position, name, dimension, level, level_id, target, level_since)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (org, id) DO UPDATE SET position = $3, name = $4, dimension = $5, level = $6, level_id = $7, target = $8, level_since = $9`,
      [
        org.id,
        unit.id,
        unit.position,
        unit.name,
        unit.dimension,
        unit.level,
        unit.levelId,
        unit.target,
        unit.levelSince,
      ],
    );
  }
  for (const id of oldUnits.keys())
    await tx.query('DELETE FROM units WHERE org = $1 AND id = $2', [org.id, id]);
  const oldKeys = new Map((before?.keys ?? []).map((k) => [k.member, k.key]));
  for (const { member, key } of next.keys) {
    const old = oldKeys.get(member);
    oldKeys.delete(member);
    if (old === key) continue;
    await tx.query(
      'INSERT INTO member_keys (org, member, key) VALUES ($1, $2, $3) ON CONFLICT (org, member) DO UPDATE SET key = $3',
      [org.id, member, key],
    );
  }
  for (const member of oldKeys.keys()) {
    await tx.query('DELETE FROM member_keys WHERE org = $1 AND member = $2', [org.id, member]);
  }
}

/**
 * In one query, under the row lock: the events already recorded with the group's nonces, and
 * which of the heads its actions name are in the log.
 */
export async function lookUpGroup(
  tx: SqlExecutor,
  org: string,
  group: readonly PendingAppend[],
): Promise<GroupLookUp> {
  const nonces = group.map((pending) => pending.signed.action.nonce);
  const heads = group.map((pending) => pending.signed.action.head ?? '');
  const rows = await tx.query<{ nonce: string | null; body: string | null; hash: string | null }>(
    `SELECT nonce, body, NULL AS hash FROM events WHERE org = $1 AND nonce = ANY($2::text[])
     UNION ALL SELECT NULL, NULL, hash FROM events WHERE org = $1 AND hash = ANY($3::text[])`,
    [org, nonces, [...new Set(heads)]],
  );
  const recorded = new Map<string, LogEvent>();
  const knownHeads = new Set<string>();
  for (const row of rows) {
    if (row.nonce !== null && row.body !== null) recorded.set(row.nonce, JSON.parse(row.body) as LogEvent);
    if (row.hash !== null) knownHeads.add(row.hash);
  }
  return { recorded, knownHeads };
}

/**
 * True when `next` changes anything `writeRows` or the organization's descriptive columns would
 * write — its charter, name or kind, a unit row or a key row — as opposed to only moving its
 * head (and perhaps its runtime snapshot).
 */
export function rowsChanged(before: Projection, next: Projection): boolean {
  const [a, b] = [before.organization, next.organization];
  return (
    a.charter !== b.charter ||
    a.name !== b.name ||
    a.kind !== b.kind ||
    (before.keys !== next.keys && JSON.stringify(before.keys) !== JSON.stringify(next.keys)) ||
    before.units.length !== next.units.length ||
    before.units.some(
      (unit, index) => unit.id !== next.units[index]!.id || !sameUnitRow(unit, next.units[index]!),
    )
  );
}

/** PostgreSQL's unique_violation, as both PGlite and node-postgres report it. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
