// One file (over 450 lines): the store is one closure over one database handle. Append, its
// checks, the projection and the readers share the per-organization lock, the transaction helper
// and the prepared shapes; split apart they would pass that state through every call. The rules
// themselves live in src/core (applyEvent, verifyLog); this file is their transaction, and the
// statements that write the log and its projection are in sqlWrites.ts.
import { checkCharterValue } from '../core/charter/checkCharterValue.js';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { SignedAction } from '../core/log/Action.js';
import { canonicalJson } from '../core/log/canonicalJson.js';
import type { LogEvent } from '../core/log/LogEvent.js';
import { sealEvent } from '../core/log/sealEvent.js';
import { verifyLog } from '../core/log/verifyLog.js';
import { applyEvent } from '../core/state/applyEvent.js';
import type { OrgState } from '../core/state/OrgState.js';
import { logCrypto } from '../identity/logCrypto.js';
import { sha256Hex } from '../identity/sha256.js';
import { verifyActionSignature } from '../identity/verifyActionSignature.js';
import { checkSignedAction, isIdentifier } from './checkSignedAction.js';
import { compareProjections } from './compareProjections.js';
import type {
  AppendResult,
  EventPage,
  EventStore,
  LogHead,
  OrganizationSummary,
  RebuildOutcome,
  RebuildReport,
} from './EventStore.js';
import { readEvidenceRows, recordEvidenceRows } from './evidenceTable.js';
import { createGroupQueue, type Settled } from './groupQueue.js';
import type { KeyRow, OrganizationRow, Projection, UnitRow } from './Projection.js';
import { projectState } from './projectState.js';
import { readRuntime, runtimeText } from './runtimeJson.js';
import { replayTail, snapshotDue } from './runtimeSnapshot.js';
import type { SqlDatabase, SqlExecutor } from './SqlDatabase.js';
import { type PendingAppend, refuse, sealGroup } from './sealGroup.js';
import { eventParams, INSERT_EVENT, lookUpGroup, recordEvents, writeRows } from './sqlWrites.js';

/** An action may be issued at most this far ahead of the store's clock (clocks drift). */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
/** Cached states are an optimization only (each is checked against the locked head row). */
const MAX_CACHED_STATES = 256;
/** At most this many appends to one organization are sealed and committed in one transaction. */
const MAX_GROUP = 256;

const ORGANIZATION_COLUMNS =
  'id, name, kind, seq, head, charter, created_at AS "createdAt", updated_at AS "updatedAt", runtime';
const UNIT_COLUMNS =
  'id, position, name, dimension, level, level_id AS "levelId", target, level_since AS "levelSince"';

export function notFound(org: string): DevolveError {
  return new DevolveError({
    code: 'organization/not-found',
    message: `there is no organization '${org}' in this store`,
    details: { org },
    hint: 'create it with `devolve apply`',
  });
}

function corrupt(org: string, message: string): DevolveError {
  return new DevolveError({
    code: 'store/corrupt',
    message: `the stored projection of '${org}' is damaged: ${message}`,
    details: { org },
    hint: 'run `devolve rebuild` to see what differs',
  });
}

/** A state as the store holds it: with the times `OrgState` lacks, and its projection rows. */
interface Loaded {
  readonly state: OrgState;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly projection: Projection;
  /** The event the stored runtime snapshot was written at (see `runtimeSnapshot.ts`). */
  readonly runtimeSeq: number;
}

/**
 * The one implementation of `EventStore`, over any `SqlDatabase` — the PGlite and PostgreSQL
 * adapters differ only in how they connect. Every write takes the organization's row lock
 * (`SELECT … FOR UPDATE`) first, so appends to one organization run one at a time and each is
 * sealed against the true head; the event, the new head and the projection rows commit together.
 *
 * States are cached by organization and reused only when the locked row still names the same
 * head, so several processes can share one PostgreSQL database safely.
 *
 * @example
 * const store = createSqlEventStore({ db });
 * await store.createOrganization({ signed: create, now: new Date() });
 */
export function createSqlEventStore(args: { db: SqlDatabase; onClose?: () => Promise<void> }): EventStore {
  const { db } = args;
  const cache = new Map<string, Loaded>();

  function remember(entry: Loaded): void {
    if (cache.size >= MAX_CACHED_STATES) cache.clear();
    cache.set(entry.state.id, entry);
  }

  /** The unit and key rows that complete an organization's row into its projection. */
  async function readRows(tx: SqlExecutor, organization: OrganizationRow): Promise<Projection> {
    const units = await tx.query<UnitRow>(
      `SELECT ${UNIT_COLUMNS} FROM units WHERE org = $1 ORDER BY position`,
      [organization.id],
    );
    const keys = await tx.query<KeyRow>(
      'SELECT member, key FROM member_keys WHERE org = $1 ORDER BY member',
      [organization.id],
    );
    return { organization, units, keys };
  }

  async function readProjection(tx: SqlExecutor, org: string): Promise<Projection | undefined> {
    const rows = await tx.query<OrganizationRow>(
      `SELECT ${ORGANIZATION_COLUMNS} FROM organizations WHERE id = $1`,
      [org],
    );
    return rows[0] === undefined ? undefined : readRows(tx, rows[0]);
  }

  /**
   * The state of `org` as stored, from the cache when its head still matches (unless `fresh`):
   * the runtime snapshot with the events after it replayed, over the charter, units and keys.
   */
  async function loadState(
    tx: SqlExecutor,
    org: string,
    lock: boolean,
    fresh = false,
  ): Promise<Loaded | undefined> {
    const rows = await tx.query<OrganizationRow & { runtimeSeq: number }>(
      `SELECT ${ORGANIZATION_COLUMNS}, runtime_seq AS "runtimeSeq" FROM organizations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [org],
    );
    const found = rows[0];
    if (found === undefined) return undefined;
    const { runtimeSeq, ...row } = found;
    const cached = cache.get(org);
    if (!fresh && cached !== undefined && cached.state.head === row.head && cached.state.seq === row.seq)
      return cached;
    const projection = await readRows(tx, row);
    let charter: unknown;
    try {
      charter = JSON.parse(row.charter);
    } catch {
      throw corrupt(org, 'its charter is not JSON');
    }
    const valid = checkCharterValue({ value: charter }).valid;
    if (valid === undefined) throw corrupt(org, 'its charter is not valid');
    const runtime = readRuntime(row.runtime);
    if (runtime === undefined) throw corrupt(org, 'its runtime state is not a JSON object');
    const state = await replayTail({
      tx,
      org,
      runtimeSeq,
      head: row,
      atSnapshot: {
        id: row.id,
        charter: valid.input,
        organization: valid.organization,
        keys: Object.fromEntries(projection.keys.map((k) => [k.member, k.key])),
        levels: Object.fromEntries(projection.units.map((u) => [u.id, u.level])),
        levelSince: Object.fromEntries(projection.units.map((u) => [u.id, u.levelSince])),
        ...runtime,
      },
    });
    if (typeof state === 'string') throw corrupt(org, state);
    const entry: Loaded = {
      state,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      projection,
      runtimeSeq,
    };
    if (!fresh) remember(entry);
    return entry;
  }

  /**
   * A state as the store will hold it. With `runtime` (the snapshot text already stored, when no
   * new snapshot is due) its runtime is not serialized again.
   */
  function loaded(args: {
    state: OrgState;
    createdAt: string;
    updatedAt: string;
    runtimeSeq: number;
    runtime?: string;
  }): Loaded {
    return { ...args, projection: projectState(args) };
  }

  /**
   * In one query: the event already recorded with this action's nonce, if any, and whether the
   * action's head is in the log. Run after taking the row lock, so it sees every append before.
   */
  async function lookUp(
    tx: SqlExecutor,
    signed: SignedAction,
  ): Promise<{ recorded?: LogEvent; headKnown: boolean }> {
    const { action } = signed;
    const rows = await tx.query<{ recorded: string | null; known: boolean }>(
      `SELECT (SELECT body FROM events WHERE org = $1 AND nonce = $2) AS recorded,
              EXISTS (SELECT 1 FROM events WHERE org = $1 AND hash = $3) AS known`,
      [action.org, action.nonce, action.head ?? ''],
    );
    const row = rows[0];
    const headKnown = row?.known === true;
    if (row?.recorded == null) return { headKnown };
    const recorded = JSON.parse(row.recorded) as LogEvent;
    if (recorded.signature === signed.signature && canonicalJson(recorded.action) === canonicalJson(action)) {
      return { recorded, headKnown };
    }
    throw refuse('nonce-reused', `another action with nonce ${action.nonce} is already in the log`, {
      nonce: action.nonce,
    });
  }

  /** Shape, signature and clock checks that need no database. */
  function admit(value: SignedAction, now: Date): SignedAction {
    const signed = checkSignedAction(value);
    if (!verifyActionSignature(signed)) {
      throw refuse(
        'bad-signature',
        `the signature does not match the action and the key ${signed.action.key}`,
        {
          actor: signed.action.actor,
        },
      );
    }
    if (Date.parse(signed.action.issuedAt) > now.getTime() + MAX_CLOCK_SKEW_MS) {
      throw refuse('issued-in-future', `the action was issued at ${signed.action.issuedAt}, in the future`, {
        issuedAt: signed.action.issuedAt,
      });
    }
    return signed;
  }

  /**
   * Appends a group of admitted actions to one organization in one transaction: the row lock,
   * one look-up, each action sealed (or refused alone) in order, then one write of the events and
   * the projection. Nothing is acknowledged before the transaction commits.
   */
  async function appendGroup(
    org: string,
    group: readonly PendingAppend[],
  ): Promise<readonly Settled<AppendResult>[]> {
    let next: Loaded | undefined;
    const outcomes = await db.transaction(async (tx): Promise<readonly Settled<AppendResult>[]> => {
      // The row lock: another process appending to this organization waits here.
      const current = await loadState(tx, org, true);
      if (current === undefined) return group.map(() => ({ ok: false, error: notFound(org) }));
      const sealed = sealGroup({
        state: current.state,
        updatedAt: current.updatedAt,
        group,
        lookUp: await lookUpGroup(tx, org, group),
      });
      if (sealed.events.length === 0) return sealed.outcomes;
      const fields = { state: sealed.state, createdAt: current.createdAt, updatedAt: sealed.updatedAt };
      // Projected once without the runtime, to see whether a snapshot is due.
      const stale = current.projection.organization.runtime;
      const draft = loaded({ ...fields, runtimeSeq: current.runtimeSeq, runtime: stale });
      const snapshot = snapshotDue({
        before: current.projection,
        next: draft.projection,
        runtimeSeq: current.runtimeSeq,
      });
      next = snapshot ? loaded({ ...fields, runtimeSeq: sealed.state.seq }) : draft;
      await recordEvents(
        tx,
        sealed.events,
        current.projection.organization,
        next.projection.organization,
        snapshot,
      );
      await writeRows(tx, current.projection, next.projection);
      return sealed.outcomes;
    });
    if (next !== undefined) remember(next);
    return outcomes;
  }

  const appends = createGroupQueue<PendingAppend, AppendResult>({ maxGroup: MAX_GROUP, run: appendGroup });

  const store: EventStore = {
    async createOrganization({ signed: value, now }): Promise<AppendResult> {
      const signed = admit(value, now);
      const { action } = signed;
      if (action.kind !== 'org.create') {
        throw refuse('not-org-create', `an organization is created by org.create, not ${action.kind}`, {
          kind: action.kind,
        });
      }
      if (action.head !== null) {
        throw refuse('unexpected-head', 'org.create starts a new log, so its head must be null');
      }
      const event = sealEvent({ signed, seq: 0, prev: null, recordedAt: now.toISOString(), sha256Hex });
      const next = loaded({
        state: applyEvent({ state: undefined, event }),
        createdAt: event.recordedAt,
        updatedAt: event.recordedAt,
        runtimeSeq: 0,
      });
      const row = next.projection.organization;
      const result = await db.transaction(async (tx): Promise<AppendResult> => {
        const taken = await tx.query<{ id: string }>(
          `INSERT INTO organizations (id, name, kind, seq, head, charter, created_at, updated_at, runtime, runtime_seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [
            row.id,
            row.name,
            row.kind,
            row.seq,
            row.head,
            row.charter,
            row.createdAt,
            row.updatedAt,
            row.runtime,
          ],
        );
        if (taken.length === 0) {
          const { recorded } = await lookUp(tx, signed).catch(() => ({ recorded: undefined }));
          if (recorded !== undefined && recorded.seq === 0) return { event: recorded, created: false };
          throw new DevolveError({
            code: 'organization/exists',
            message: `the organization '${action.org}' already exists`,
            details: { org: action.org },
            hint: 'amend its charter with charter.amend instead',
          });
        }
        await tx.query(INSERT_EVENT, eventParams(event));
        await writeRows(tx, undefined, next.projection);
        return { event, created: true };
      });
      if (result.created) remember(next);
      return result;
    },

    async append({ signed: value, now }): Promise<AppendResult> {
      if (value?.action?.kind === 'org.create') return store.createOrganization({ signed: value, now });
      const signed = admit(value, now);
      return appends.submit(signed.action.org, { signed, now });
    },

    async listOrganizations(): Promise<readonly OrganizationSummary[]> {
      return db.query<OrganizationSummary>(
        'SELECT id, name, kind, seq, head, created_at AS "createdAt", updated_at AS "updatedAt" FROM organizations ORDER BY id',
      );
    },

    async readState({ org }): Promise<OrgState> {
      if (!isIdentifier(org)) throw notFound(org);
      const cached = cache.get(org);
      const rows = await db.query<{ seq: number; head: string }>(
        'SELECT seq, head FROM organizations WHERE id = $1',
        [org],
      );
      const row = rows[0];
      if (row === undefined) throw notFound(org);
      if (cached !== undefined && cached.state.head === row.head && cached.state.seq === row.seq)
        return cached.state;
      const loaded = await db.transaction(async (tx) => {
        await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        return loadState(tx, org, false);
      });
      if (loaded === undefined) throw notFound(org);
      return loaded.state;
    },

    async readHead({ org }): Promise<LogHead> {
      if (!isIdentifier(org)) throw notFound(org);
      const rows = await db.query<LogHead>(
        'SELECT seq, head, updated_at AS "recordedAt" FROM organizations WHERE id = $1',
        [org],
      );
      const row = rows[0];
      if (row === undefined) throw notFound(org);
      return row;
    },

    async readEvents({ org, after, limit }): Promise<EventPage> {
      if (!isIdentifier(org)) throw notFound(org);
      const from = after ?? -1;
      const size = limit ?? DEFAULT_PAGE;
      if (!Number.isSafeInteger(from) || from < -1) {
        throw new DevolveError({
          code: 'request/bad-page',
          message: '`after` must be an integer ≥ -1',
          details: { after },
        });
      }
      if (!Number.isSafeInteger(size) || size < 1 || size > MAX_PAGE) {
        throw new DevolveError({
          code: 'request/bad-page',
          message: `\`limit\` must be an integer from 1 to ${MAX_PAGE}`,
          details: { limit },
        });
      }
      const rows = await db.query<{ body: string }>(
        'SELECT body FROM events WHERE org = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [org, Math.min(from, 2 ** 31 - 1), size],
      );
      const head = await store.readHead({ org });
      const events = rows.map((row) => JSON.parse(row.body) as LogEvent);
      const last = events[events.length - 1];
      return { events, next: last !== undefined && last.seq < head.seq ? last.seq : null };
    },

    exportLog({ org }): AsyncIterable<string> {
      return {
        async *[Symbol.asyncIterator]() {
          const head = await store.readHead({ org });
          let after = -1;
          while (after < head.seq) {
            const rows = await db.query<{ seq: number; body: string }>(
              'SELECT seq, body FROM events WHERE org = $1 AND seq > $2 AND seq <= $3 ORDER BY seq LIMIT 500',
              [org, after, head.seq],
            );
            if (rows.length === 0) break;
            for (const row of rows) yield row.body;
            after = rows[rows.length - 1]!.seq;
          }
        },
      };
    },

    async rebuild({ org }): Promise<RebuildReport> {
      const ids = org === undefined ? (await store.listOrganizations()).map((o) => o.id) : [org];
      const outcomes: RebuildOutcome[] = [];
      for (const id of ids) outcomes.push(await rebuildOne(id));
      return { organizations: outcomes, identical: outcomes.every((o) => o.identical) };
    },

    async close(): Promise<void> {
      cache.clear();
      await db.close();
      await args.onClose?.();
    },

    recordEvidence: ({ org, entries, now }) => recordEvidenceRows({ db, org, entries, now }),

    readEvidence: (read) => readEvidenceRows({ db, ...read }),
  };

  /**
   * The stored rows with the runtime as the store reads it — its snapshot with the events after
   * it replayed — which is what a full replay must reach. Rows the store cannot read are
   * compared as they are, so their damage is named.
   */
  async function withRuntimeAtHead(tx: SqlExecutor, rows: Projection): Promise<Projection> {
    let current: Loaded | undefined;
    try {
      current = await loadState(tx, rows.organization.id, false, true);
    } catch (error) {
      if (error instanceof DevolveError && error.code === 'store/corrupt') return rows;
      throw error;
    }
    if (current === undefined) return rows;
    return { ...rows, organization: { ...rows.organization, runtime: runtimeText(current.state) } };
  }

  /**
   * Replays one organization's log inside one read-only snapshot with `verifyLog` — the very
   * checks `devolve verify` runs on an export — then compares the projection it reaches with the
   * stored one. The `hash` column is checked against each stored event on the way.
   */
  async function rebuildOne(org: string): Promise<RebuildOutcome> {
    if (!isIdentifier(org)) throw notFound(org);
    return db.transaction(async (tx) => {
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
      const rows = await readProjection(tx, org);
      if (rows === undefined) throw notFound(org);
      const stored = await withRuntimeAtHead(tx, rows);
      let createdAt: string | undefined;
      let updatedAt = '';
      const columnProblems: string[] = [];
      async function* lines(): AsyncGenerator<string> {
        let after = -1;
        while (true) {
          const rows = await tx.query<{ seq: number; hash: string; body: string }>(
            'SELECT seq, hash, body FROM events WHERE org = $1 AND seq > $2 ORDER BY seq LIMIT 500',
            [org, after],
          );
          if (rows.length === 0) return;
          for (const row of rows) {
            let event: Partial<LogEvent> = {};
            try {
              event = JSON.parse(row.body) as Partial<LogEvent>;
            } catch {
              // verifyLog names the unparseable line.
            }
            if (event.hash !== undefined && event.hash !== row.hash) {
              columnProblems.push(`event ${row.seq}: the hash column differs from the stored event`);
            }
            if (typeof event.recordedAt === 'string') {
              createdAt ??= event.recordedAt;
              updatedAt = event.recordedAt;
            }
            yield row.body;
          }
          after = rows[rows.length - 1]!.seq;
        }
      }
      const result = await verifyLog({ lines: lines(), crypto: logCrypto });
      const differences = [...columnProblems];
      if (!result.ok) {
        differences.push(
          `event ${result.firstBad.index}: ${result.firstBad.reason} (${result.firstBad.code})`,
        );
      } else {
        const replayed = projectState({ state: result.state, createdAt: createdAt ?? '', updatedAt });
        differences.push(...compareProjections({ stored, replayed }));
      }
      return { org, events: result.events, identical: differences.length === 0, differences };
    });
  }

  return store;
}
