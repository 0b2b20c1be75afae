/**
 * The store's schema, as an ordered list of migrations shared by PGlite and PostgreSQL. A
 * migration is never edited once released; a change is a new entry. `runMigrations` applies the
 * ones a database lacks, in order, and records each in `devolve_migrations`.
 *
 * Tables:
 * - `organizations` — one row per organization: the projection's head (seq, hash, time of the
 *   last event) and the charter as last applied, as canonical JSON. Appends lock this row
 *   (`SELECT … FOR UPDATE`), which serializes them per organization.
 * - `events` — the log: one row per event, `body` being the exact canonical JSON that was hashed,
 *   so exports are byte-exact. `(org, hash)` and `(org, nonce)` are unique: an action is made
 *   against a known head and recorded at most once.
 * - `units`, `member_keys` — the rest of the projection: each unit's runtime level (which only
 *   executed slider moves change, not the charter) and since when, and each registered key,
 *   including those of members who have left the charter.
 * - `organizations.runtime` (migration 2) — the rest of the runtime state as canonical JSON:
 *   pending key rotations, proposals, delegations, weight snapshots and emergency-power uses.
 * - `organizations.runtime_seq` (migration 3) — the event the runtime column was written at: it
 *   is a snapshot, rewritten every 256 events (further apart as it grows: `snapshotInterval`)
 *   and whenever a group of appends changes the charter, units or keys; a cold read replays the
 *   events after it. So an append writes its events and the head, not the whole runtime state.
 * - `evidence` (migration 4) — measurements, not decisions, so outside the log: observations,
 *   control facts and unsigned attestations per organization, each with where it came from
 *   (`origin`: command, file or URL, line) and when it was recorded. `body` is the entry as JSON;
 *   `kind`, `unit`, `subject` and `at` repeat what listings filter and sort on.
 *
 * Appends to one organization that arrive together are sealed in order and committed in one
 * transaction (group commit, at most 256); each is refused on its own, and none is acknowledged
 * before its group has committed. A group sealed on the head a process cached commits in one
 * statement that moves the row only from that head (`recordEventsOnHead`); the unique indexes
 * refuse what the cache could not know (a nonce already recorded, a seq taken).
 *
 * Times are ISO-8601 UTC text, exactly as hashed; seq is `integer` (2^31 events per organization).
 */
export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'event log and projection',
    sql: `
CREATE TABLE organizations (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL,
  seq integer NOT NULL,
  head text NOT NULL,
  charter text NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE TABLE events (
  org text NOT NULL REFERENCES organizations (id),
  seq integer NOT NULL CHECK (seq >= 0),
  hash text NOT NULL,
  prev text,
  kind text NOT NULL,
  actor text NOT NULL,
  nonce text NOT NULL,
  recorded_at text NOT NULL,
  body text NOT NULL,
  PRIMARY KEY (org, seq),
  UNIQUE (org, hash),
  UNIQUE (org, nonce)
);
CREATE TABLE units (
  org text NOT NULL REFERENCES organizations (id),
  id text NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  dimension text NOT NULL,
  level integer NOT NULL,
  level_id text NOT NULL,
  target integer NOT NULL,
  level_since text NOT NULL,
  PRIMARY KEY (org, id)
);
CREATE TABLE member_keys (
  org text NOT NULL REFERENCES organizations (id),
  member text NOT NULL,
  key text NOT NULL,
  PRIMARY KEY (org, member)
);
`,
  },
  {
    id: 2,
    name: 'runtime state',
    sql: `
ALTER TABLE organizations ADD COLUMN runtime text NOT NULL DEFAULT '{}';
`,
  },
  {
    id: 3,
    name: 'runtime snapshots',
    sql: `
ALTER TABLE organizations ADD COLUMN runtime_seq integer;
UPDATE organizations SET runtime_seq = seq;
ALTER TABLE organizations ALTER COLUMN runtime_seq SET NOT NULL, ALTER COLUMN runtime_seq SET DEFAULT 0;
`,
  },
  {
    id: 4,
    name: 'evidence',
    sql: `
CREATE TABLE evidence (
  org text NOT NULL REFERENCES organizations (id),
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  unit text,
  subject text NOT NULL,
  at text NOT NULL,
  body text NOT NULL,
  origin text NOT NULL,
  recorded_at text NOT NULL
);
CREATE INDEX evidence_by_org ON evidence (org, id);
`,
  },
];
