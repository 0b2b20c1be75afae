import {
  type EvidenceFilter,
  type EvidenceOrigin,
  type EvidenceRecord,
  type EvidenceToRecord,
  entryAt,
  entryFromJson,
  entrySubject,
  entryUnit,
} from '../core/evidence/EvidenceRecord.js';
import { formatInstant } from '../core/time/Instant.js';
import { isIdentifier } from './checkSignedAction.js';
// A function, called only once both modules are loaded: the import cycle is harmless.
import { notFound } from './createSqlEventStore.js';
import type { SqlDatabase, SqlExecutor } from './SqlDatabase.js';

/** Rows per INSERT: far below PostgreSQL's 65,535 parameters at 8 per row. */
const BATCH = 500;

interface EvidenceRow {
  readonly id: string;
  readonly body: string;
  readonly origin: string;
  readonly recordedAt: string;
}

/** Bigints (an observation's exact value) as decimal strings, as everywhere in Devolve. */
const toJson = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

async function assertOrganization(tx: SqlExecutor, org: string): Promise<void> {
  const found = isIdentifier(org)
    ? await tx.query<{ id: string }>('SELECT id FROM organizations WHERE id = $1', [org])
    : [];
  if (found.length === 0) throw notFound(org);
}

/**
 * Records evidence for an organization in one transaction (all entries or none), in order. The
 * organization must exist; the entries are not log events and change no projection.
 *
 * @example
 * await recordEvidenceRows({ db, org: 'acme', entries: [{ entry, origin: { command: 'observe' } }], now })
 */
export async function recordEvidenceRows(args: {
  db: SqlDatabase;
  org: string;
  entries: readonly EvidenceToRecord[];
  now: Date;
}): Promise<EvidenceRecord[]> {
  const { org, entries } = args;
  const recordedAt = args.now.toISOString();
  return args.db.transaction(async (tx) => {
    await assertOrganization(tx, org);
    const records: EvidenceRecord[] = [];
    for (let start = 0; start < entries.length; start += BATCH) {
      const batch = entries.slice(start, start + BATCH);
      const params: unknown[] = [];
      const tuples = batch.map(({ entry, origin }) => {
        const n = params.length;
        params.push(
          org,
          entry.kind,
          entryUnit(entry) ?? null,
          entrySubject(entry),
          formatInstant(entryAt(entry)),
          toJson(entry),
          toJson(origin),
          recordedAt,
        );
        return `(${Array.from({ length: 8 }, (_, i) => `$${n + i + 1}`).join(', ')})`;
      });
      const ids = await tx.query<{ id: string }>(
        `INSERT INTO evidence (org, kind, unit, subject, at, body, origin, recorded_at) VALUES ${tuples.join(', ')} RETURNING id::text AS id`,
        params,
      );
      batch.forEach(({ entry, origin }, i) => {
        records.push({ id: Number(ids[i]!.id), org, entry, origin, recordedAt });
      });
    }
    return records;
  });
}

/**
 * An organization's stored evidence in recording order: all of it, or that recorded after the
 * record `after`, narrowed by `filter` (a unit filter keeps organization-wide observations).
 */
export async function readEvidenceRows(args: {
  db: SqlDatabase;
  org: string;
  after?: number;
  filter?: EvidenceFilter;
}): Promise<EvidenceRecord[]> {
  const { db, org, filter = {} } = args;
  await assertOrganization(db, org);
  const rows = await db.query<EvidenceRow>(
    `SELECT id::text AS id, body, origin, recorded_at AS "recordedAt" FROM evidence
     WHERE org = $1 AND id > $2 AND ($3::text IS NULL OR kind = $3) AND ($4::text IS NULL OR unit IS NULL OR unit = $4)
     ORDER BY evidence.id`,
    [org, args.after ?? 0, filter.kind ?? null, filter.unit ?? null],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    org,
    entry: entryFromJson(JSON.parse(row.body)),
    origin: JSON.parse(row.origin) as EvidenceOrigin,
    recordedAt: row.recordedAt,
  }));
}
