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
import { verifyActionSignatureOffThread } from '../identity/verifyActionSignatureOffThread.js';
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
import { type GroupLookUp, type PendingAppend, refuse, sealGroup } from './sealGroup.js';
import {
  eventParams,
  INSERT_EVENT,
  isUniqueViolation,
  lookUpGroup,
  recordEvents,
  recordEventsOnHead,
  rowsChanged,
  writeRows,
} from './sqlWrites.js';

/** An action may be issued at most this far ahead of the store's clock (clocks drift). */
const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
/** Cached states are an optimization only (each is checked against the locked head row). */
const MAX_CACHED_STATES = 256;
/** At most this many appends to one organization are sealed and committed in one transaction. */
const MAX_GROUP = 256;
/** Hashes remembered per organization as known to be in its log (see `learnHeads`). */
const MAX_KNOWN_HEADS = 4096;
const NOTHING_RECORDED: ReadonlyMap<string, LogEvent> = new Map();

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

/** The action's canonical JSON, or undefined when it cannot be encoded (its signature then fails). */
function canonicalActionText(signed: SignedAction): string | undefined {
  try {
    return canonicalJson(signed.action);
  } catch {
    return undefined;
  }
}

function corrupt(org: string, message: string): DevolveError {
  return new DevolveError({
    code: 'store/corrupt',
    message: `the stored projection of '${org}' is damaged: ${message}`,
    details: { org },
    hint: 'run `devolve rebuild` to see what differs',
  });
}

/** An action queued for its organization's next group, its signature being checked meanwhile. */
interface Arriving {
  readonly signed: SignedAction;
  readonly now: Date;
  /** The action's canonical JSON: made once, for the signature, the hash and the stored line. */
  readonly actionText: string | undefined;
  readonly signatureValid: Promise<boolean>;
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
    if (cache.size >= MAX_CACHED_STATES) {
      cache.clear();
      knownHeads.clear();
    }
    cache.set(entry.state.id, entry);
  }

  /** A cached state is the stored one while the row still names its head and snapshot. */
  function isCurrent(cached: Loaded, row: { seq: number; head: string; runtimeSeq: number }): boolean {
    return (
      cached.state.head === row.head && cached.state.seq === row.seq && cached.runtimeSeq === row.runtimeSeq
    );
  }

  /**
   * Per organization, hashes this process has seen committed in its log. The log only grows, so
   * a hash once in it stays in it: an action naming one of these as its head needs no look-up.
   */
  const knownHeads = new Map<string, Set<string>>();

  function learnHeads(org: string, hashes: Iterable<string>): void {
    let known = knownHeads.get(org) ?? new Set<string>();
    for (const hash of hashes) {
      known.delete(hash); // re-added last: the most recently named heads are kept longest
      known.add(hash);
    }
    // Trimmed to the newest MAX_KNOWN_HEADS once a quarter more have come: deleting the oldest
    // one at a time makes a Set skip ever more deleted entries to find its first.
    if (known.size > MAX_KNOWN_HEADS + MAX_KNOWN_HEADS / 4)
      known = new Set([...known].slice(-MAX_KNOWN_HEADS));
    knownHeads.set(org, known);
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
    const cached = cache.get(org);
    if (lock && !fresh && cached !== undefined) {
      // The lock with a narrow read: when the head is the cached one, the charter and runtime
      // columns (the largest) are not read at all.
      const locked = await tx.query<{ seq: number; head: string; runtimeSeq: number }>(
        'SELECT seq, head, runtime_seq AS "runtimeSeq" FROM organizations WHERE id = $1 FOR UPDATE',
        [org],
      );
      const row = locked[0];
      if (row === undefined) return undefined;
      if (isCurrent(cached, row)) return cached;
    }
    const rows = await tx.query<OrganizationRow & { runtimeSeq: number }>(
      `SELECT ${ORGANIZATION_COLUMNS}, runtime_seq AS "runtimeSeq" FROM organizations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [org],
    );
    const found = rows[0];
    if (found === undefined) return undefined;
    const { runtimeSeq, ...row } = found;
    if (!fresh && cached !== undefined && isCurrent(cached, { ...row, runtimeSeq })) return cached;
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
    if (!fresh) {
      remember(entry);
      learnHeads(org, [state.head]);
    }
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
    /** The state it follows, whose unchanged rows it reuses. */
    previous?: Loaded;
  }): Loaded {
    const { previous, ...fields } = args;
    return {
      ...fields,
      projection: projectState(previous === undefined ? fields : { ...fields, previous }),
    };
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

  /**
   * The signature and clock checks of an action whose shape `checkSignedAction` accepted, given
   * the outcome of its signature check (`verifyActionSignatureOffThread`, started when it arrived).
   */
  function admitted(signed: SignedAction, now: Date, signatureValid: boolean): SignedAction {
    if (!signatureValid) {
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

  /** Shape, signature and clock checks that need no database (the signature off the event loop). */
  async function admit(value: SignedAction, now: Date): Promise<SignedAction> {
    const signed = checkSignedAction(value);
    return admitted(signed, now, await verifyActionSignatureOffThread(signed));
  }

  /**
   * Appends a group of actions to one organization, in the order they arrived: each waits for
   * its signature check (started on arrival, so the group's checks ran on the thread pool while
   * the group before it was written) and is refused alone if it fails; the rest are appended on
   * the cached head in one statement when possible (`appendOnCachedHead`), otherwise under the
   * row lock (`appendLocked`). Nothing is acknowledged before what it names is committed.
   */
  async function appendGroup(
    org: string,
    group: readonly Arriving[],
  ): Promise<readonly Settled<AppendResult>[]> {
    const checks = await Promise.all(
      group.map(async ({ signed, now, actionText, signatureValid }): Promise<Settled<PendingAppend>> => {
        try {
          const value = { signed: admitted(signed, now, await signatureValid), now };
          return { ok: true, value: actionText === undefined ? value : { ...value, actionText } };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    const ready = checks.flatMap((check) => (check.ok ? [check.value] : []));
    let appended: readonly Settled<AppendResult>[] = [];
    try {
      if (ready.length > 0)
        appended = (await appendOnCachedHead(org, ready)) ?? (await appendLocked(org, ready));
    } catch (error) {
      // None of them took effect (the statement or transaction failed); the refused keep their reason.
      appended = ready.map(() => ({ ok: false, error }));
    }
    let next = 0;
    return checks.map((check) => (check.ok ? appended[next++]! : check));
  }

  /**
   * The common case in one round trip: the group is sealed on the state this process cached,
   * every head it names is one this process saw committed, every action is accepted, and no unit
   * or key row changes (a run of votes). Then the events and the moved head are written in one
   * statement that commits only if the organization still stands at the cached head. Undefined —
   * nothing written — when any of that does not hold, when another writer moved the head
   * meanwhile, or when a nonce is already in the log (a retried action); the caller then appends
   * under the lock, where each of those cases has its answer.
   */
  async function appendOnCachedHead(
    org: string,
    group: readonly PendingAppend[],
  ): Promise<readonly Settled<AppendResult>[] | undefined> {
    const current = cache.get(org);
    const known = knownHeads.get(org);
    if (current === undefined || known === undefined) return undefined;
    if (!group.every(({ signed }) => signed.action.head !== null && known.has(signed.action.head)))
      return undefined;
    const sealed = sealGroup({
      state: current.state,
      updatedAt: current.updatedAt,
      group,
      lookUp: { recorded: NOTHING_RECORDED, knownHeads: known },
    });
    // A refusal is decided under the lock, against the state as stored.
    if (sealed.events.length === 0 || !sealed.outcomes.every((outcome) => outcome.ok)) return undefined;
    const stale = current.projection.organization.runtime;
    const fields = { state: sealed.state, createdAt: current.createdAt, updatedAt: sealed.updatedAt };
    const draft = loaded({ ...fields, runtimeSeq: current.runtimeSeq, runtime: stale, previous: current });
    if (rowsChanged(current.projection, draft.projection)) return undefined;
    const snapshot = snapshotDue({
      before: current.projection,
      next: draft.projection,
      runtimeSeq: current.runtimeSeq,
    });
    const next = snapshot ? loaded({ ...fields, runtimeSeq: sealed.state.seq, previous: current }) : draft;
    let moved: boolean;
    try {
      moved = await recordEventsOnHead(
        db,
        sealed.events,
        sealed.lines,
        current.projection.organization,
        next.projection.organization,
        snapshot,
      );
    } catch (error) {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    }
    if (!moved) {
      cache.delete(org);
      return undefined;
    }
    remember(next);
    learnHeads(
      org,
      sealed.events.map((event) => event.hash),
    );
    return sealed.outcomes;
  }

  /**
   * Appends a group of admitted actions to one organization in one transaction: the row lock,
   * one look-up, each action sealed (or refused alone) in order, then one write of the events and
   * the projection. Nothing is acknowledged before the transaction commits.
   */
  async function appendLocked(
    org: string,
    group: readonly PendingAppend[],
  ): Promise<readonly Settled<AppendResult>[]> {
    let next: Loaded | undefined;
    let seen: GroupLookUp | undefined;
    const outcomes = await db.transaction(async (tx): Promise<readonly Settled<AppendResult>[]> => {
      // The row lock: another process appending to this organization waits here.
      const current = await loadState(tx, org, true);
      if (current === undefined) return group.map(() => ({ ok: false, error: notFound(org) }));
      seen = await lookUpGroup(tx, org, group);
      const sealed = sealGroup({ state: current.state, updatedAt: current.updatedAt, group, lookUp: seen });
      if (sealed.events.length === 0) return sealed.outcomes;
      const fields = { state: sealed.state, createdAt: current.createdAt, updatedAt: sealed.updatedAt };
      // Projected once without the runtime, to see whether a snapshot is due.
      const stale = current.projection.organization.runtime;
      const draft = loaded({ ...fields, runtimeSeq: current.runtimeSeq, runtime: stale, previous: current });
      const snapshot = snapshotDue({
        before: current.projection,
        next: draft.projection,
        runtimeSeq: current.runtimeSeq,
      });
      next = snapshot ? loaded({ ...fields, runtimeSeq: sealed.state.seq, previous: current }) : draft;
      await recordEvents(
        tx,
        sealed.events,
        sealed.lines,
        current.projection.organization,
        next.projection.organization,
        snapshot,
      );
      await writeRows(tx, current.projection, next.projection);
      return sealed.outcomes;
    });
    // Heads read from the log are in it whatever became of this transaction; new events only
    // once it committed.
    if (seen !== undefined) learnHeads(org, seen.knownHeads);
    if (next !== undefined) {
      remember(next);
      learnHeads(
        org,
        outcomes.flatMap((outcome) =>
          outcome.ok && outcome.value.created ? [outcome.value.event.hash] : [],
        ),
      );
    }
    return outcomes;
  }

  const appends = createGroupQueue<Arriving, AppendResult>({ maxGroup: MAX_GROUP, run: appendGroup });

  const store: EventStore = {
    async createOrganization({ signed: value, now }): Promise<AppendResult> {
      const signed = await admit(value, now);
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
      const signed = checkSignedAction(value);
      const actionText = canonicalActionText(signed);
      // Queued at once, so appends keep their order; the signature is checked meanwhile.
      const signatureValid = verifyActionSignatureOffThread(
        signed,
        ...(actionText === undefined ? [] : [{ actionText }]),
      );
      return appends.submit(signed.action.org, { signed, now, actionText, signatureValid });
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
