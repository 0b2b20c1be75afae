import type { LogEvent } from '../core/log/LogEvent.js';
import type { Organization } from '../core/model/Organization.js';
import type { OrgState } from '../core/state/OrgState.js';
import type { EventStore } from '../store/EventStore.js';

/** A level as the charter wrote it: its id or its position on the ladder. */
type LevelRef = string | number;

/**
 * What one event changed, as the timeline tells it. `moved` is a slider move (a unit's level
 * changed), `retargeted` a new target, `added` / `removed` a unit, `amended` a charter amendment
 * that touched neither (its `changes` say where), `created` the organization's first event,
 * `decided` an executed proposal that moved no slider. An executed slider-move proposal is a
 * `moved`. Votes, key registrations and other acts along the way are not entries.
 */
export type TimelineChange =
  | { readonly kind: 'created' }
  | {
      readonly kind: 'moved' | 'retargeted';
      readonly unit: string;
      readonly from: LevelRef;
      readonly to: LevelRef;
    }
  | { readonly kind: 'added' | 'removed'; readonly unit: string }
  | { readonly kind: 'decided'; readonly unit: string; readonly proposal: string; readonly title: string }
  | { readonly kind: 'amended'; readonly changes: readonly string[] };

interface TimelineRecord {
  readonly seq: number;
  readonly recordedAt: string;
  readonly actor: string;
  readonly action: string;
  readonly change: TimelineChange;
}

/** A level named for a reader: resolved against the current charter when the unit still has it. */
export interface TimelineLevel {
  readonly index?: number;
  readonly id: string;
  readonly name: string;
}

export interface TimelineEntry {
  readonly seq: number;
  readonly recordedAt: string;
  readonly actor: string;
  /** The action kind that made the change (`org.create`, `charter.amend`, …). */
  readonly action: string;
  readonly kind: TimelineChange['kind'];
  readonly unit?: string;
  readonly unitName?: string;
  readonly from?: TimelineLevel;
  readonly to?: TimelineLevel;
  /** For `amended`: the charter sections or units that changed, e.g. `unit brand`, `members`. */
  readonly changes?: readonly string[];
  /** For an executed proposal: its id and title. */
  readonly proposal?: string;
  readonly title?: string;
}

export interface TimelineView {
  /** The log position the timeline reaches. */
  readonly seq: number;
  /** Entries newest first, at most the limit asked for (an event's changes are never split). */
  readonly entries: readonly TimelineEntry[];
  /** The `before` that reads the next, older page; null when this page reaches the log's start. */
  readonly next: number | null;
}

interface UnitSnapshot {
  readonly level: LevelRef;
  readonly target: LevelRef | undefined;
  readonly text: string;
}

interface CharterSnapshot {
  readonly units: Map<string, UnitSnapshot>;
  readonly sections: Map<string, string>;
}

/**
 * What a proposal act adds to the timeline: its execution, as a slider move or a decision. The
 * proposal is read from the state in force (which keeps every proposal with its subject), so an
 * execution tells its story without the events that opened it being read.
 */
function proposalChanges(state: OrgState, event: LogEvent): TimelineChange[] {
  const { kind, payload } = event.action;
  if (kind !== 'proposal.execute' || !isObject(payload) || typeof payload['proposal'] !== 'string') return [];
  const id = payload['proposal'];
  const proposal = state.proposals[id];
  if (!isObject(proposal) || typeof proposal['unit'] !== 'string') return [];
  const unit = proposal['unit'];
  const subject = isObject(proposal['subject']) ? proposal['subject'] : {};
  const from = subject['from'];
  const to = subject['to'];
  if (proposal['kind'] === 'slider-move' && isRef(from) && isRef(to))
    return [{ kind: 'moved', unit, from, to }];
  const title = typeof proposal['title'] === 'string' ? proposal['title'] : id;
  return [{ kind: 'decided', unit, proposal: id, title }];
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isRef = (value: unknown): value is LevelRef => typeof value === 'string' || typeof value === 'number';

/** The parts of a signed charter the timeline compares; an event without a charter changes nothing here. */
function snapshotOf(event: LogEvent): CharterSnapshot | undefined {
  const payload = event.action.payload;
  const charter = isObject(payload) ? payload['charter'] : undefined;
  if (!isObject(charter)) return undefined;
  const units = new Map<string, UnitSnapshot>();
  for (const unit of Array.isArray(charter['units']) ? charter['units'] : []) {
    if (!isObject(unit) || typeof unit['id'] !== 'string' || !isRef(unit['level'])) continue;
    const target = unit['target'];
    units.set(unit['id'], {
      level: unit['level'],
      target: isRef(target) ? target : undefined,
      text: JSON.stringify(unit),
    });
  }
  const sections = new Map<string, string>();
  for (const [key, value] of Object.entries(charter))
    if (key !== 'units') sections.set(key, JSON.stringify(value));
  return { units, sections };
}

/** The changes from one charter to the next, slider moves first. */
function changesBetween(before: CharterSnapshot, after: CharterSnapshot): TimelineChange[] {
  const moves: TimelineChange[] = [];
  const other: string[] = [];
  for (const [id, unit] of after.units) {
    const old = before.units.get(id);
    if (old === undefined) {
      moves.push({ kind: 'added', unit: id });
      continue;
    }
    if (old.level !== unit.level) moves.push({ kind: 'moved', unit: id, from: old.level, to: unit.level });
    if (old.target !== unit.target && unit.target !== undefined) {
      moves.push({ kind: 'retargeted', unit: id, from: old.target ?? old.level, to: unit.target });
    }
    if (old.level === unit.level && old.target === unit.target && old.text !== unit.text)
      other.push(`unit ${id}`);
  }
  for (const id of before.units.keys()) if (!after.units.has(id)) moves.push({ kind: 'removed', unit: id });
  const keys = new Set([...before.sections.keys(), ...after.sections.keys()]);
  for (const key of keys) if (before.sections.get(key) !== after.sections.get(key)) other.push(key);
  if (other.length > 0 || moves.length === 0) moves.push({ kind: 'amended', changes: other });
  return moves;
}

function nameLevel(organization: Organization, unitId: string, ref: LevelRef): TimelineLevel {
  const unit = organization.units.find((u) => u.id === unitId);
  const level =
    typeof ref === 'number' ? unit?.levels[ref] : unit?.levels.find((candidate) => candidate.id === ref);
  if (level === undefined) return { id: String(ref), name: String(ref) };
  return { index: level.index, id: level.id, name: level.name };
}

function entryOf(record: TimelineRecord, organization: Organization): TimelineEntry {
  const { change } = record;
  const base = { seq: record.seq, recordedAt: record.recordedAt, actor: record.actor, action: record.action };
  switch (change.kind) {
    case 'created':
      return { ...base, kind: change.kind };
    case 'amended':
      return { ...base, kind: change.kind, changes: change.changes };
    case 'decided': {
      const name = organization.units.find((u) => u.id === change.unit)?.name;
      return {
        ...base,
        kind: change.kind,
        unit: change.unit,
        ...(name === undefined ? {} : { unitName: name }),
        proposal: change.proposal,
        title: change.title,
      };
    }
    default: {
      const name = organization.units.find((u) => u.id === change.unit)?.name;
      const unit = { unit: change.unit, ...(name === undefined ? {} : { unitName: name }) };
      if (!('from' in change)) return { ...base, kind: change.kind, ...unit };
      return {
        ...base,
        kind: change.kind,
        ...unit,
        from: nameLevel(organization, change.unit, change.from),
        to: nameLevel(organization, change.unit, change.to),
      };
    }
  }
}

/** Events read per page going forward, and at most per page going back (the store's own maximum). */
const PAGE = 1000;

/**
 * An organization's timeline as far as it has been read: every event from `low` to `seq`. Reading
 * goes back from the head only as far as a page of entries needs, and forward as the log grows.
 */
interface OrgTimeline {
  readonly head: string;
  readonly seq: number;
  /** The lowest event read (`seq + 1` before any). */
  readonly low: number;
  /** Entries of the events read, oldest first, but for `waiting`'s. */
  readonly records: readonly TimelineRecord[];
  /** The oldest charter read, whose changes need the charter before it, not yet read. */
  readonly waiting: { readonly event: LogEvent; readonly snapshot: CharterSnapshot } | undefined;
  /** The newest charter read: what the next event is compared with. */
  readonly latest: CharterSnapshot | undefined;
}

/** A timeline of nothing yet, at the log's head. */
const fresh = (head: { seq: number; head: string }): OrgTimeline => ({
  head: head.head,
  seq: head.seq,
  low: head.seq + 1,
  records: [],
  waiting: undefined,
  latest: undefined,
});

/** Events from `low` on have all their entries. */
const knownFrom = (t: OrgTimeline) => (t.waiting === undefined ? t.low : t.waiting.event.seq + 1);

function recordsOf(event: LogEvent, changes: readonly TimelineChange[]): TimelineRecord[] {
  const base = {
    seq: event.seq,
    recordedAt: event.recordedAt,
    actor: event.action.actor,
    action: event.action.kind,
  };
  return changes.map((change) => ({ ...base, change }));
}

/** The timeline read forward over `events` (the ones just past `timeline.seq`, oldest first). */
function forward(
  timeline: OrgTimeline,
  events: readonly LogEvent[],
  state: OrgState,
  head: string,
): OrgTimeline {
  const records = [...timeline.records];
  let latest = timeline.latest;
  let waiting = timeline.waiting;
  for (const event of events) {
    const snapshot = snapshotOf(event);
    if (snapshot === undefined) records.push(...recordsOf(event, proposalChanges(state, event)));
    else if (latest !== undefined) records.push(...recordsOf(event, changesBetween(latest, snapshot)));
    else if (event.seq === 0) records.push(...recordsOf(event, [{ kind: 'created' }]));
    else waiting = { event, snapshot };
    if (snapshot !== undefined) latest = snapshot;
  }
  const seq = events.at(-1)?.seq ?? timeline.seq;
  return {
    ...timeline,
    head,
    seq,
    low: Math.min(timeline.low, events[0]?.seq ?? timeline.low),
    records,
    waiting,
    latest,
  };
}

/** The timeline read back over `events` (the ones just before `timeline.low`, oldest first). */
function backward(timeline: OrgTimeline, events: readonly LogEvent[], state: OrgState): OrgTimeline {
  const found: TimelineRecord[] = [];
  let { waiting, latest } = timeline;
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    const snapshot = snapshotOf(event);
    if (snapshot === undefined) {
      found.push(...recordsOf(event, proposalChanges(state, event)).reverse());
      continue;
    }
    latest ??= snapshot;
    if (waiting !== undefined)
      found.push(...recordsOf(waiting.event, changesBetween(snapshot, waiting.snapshot)).reverse());
    waiting = { event, snapshot };
    if (event.seq === 0) {
      found.push(...recordsOf(event, [{ kind: 'created' }]));
      waiting = undefined;
    }
  }
  // `found` is newest first, each event's changes reversed: turned round, the events' order and
  // their changes' order are both restored; a stable sort puts a resolved charter among the others.
  const records = [...found.reverse(), ...timeline.records].sort((a, b) => a.seq - b.seq);
  return { ...timeline, low: events[0]?.seq ?? timeline.low, records, waiting, latest };
}

/**
 * Entries before `before`, newest first, at most `limit` — but an event's changes are never split
 * across pages (when its changes alone exceed the limit, they are all given). `next` is the `before`
 * of the following page, or null at the log's start.
 */
function pageOf(
  timeline: OrgTimeline,
  before: number,
  limit: number,
): { records: TimelineRecord[]; next: number | null } {
  const older = timeline.records.filter((r) => r.seq < before && r.seq >= knownFrom(timeline));
  let page = older.slice(-limit);
  const first = page[0];
  if (
    first !== undefined &&
    page.length < older.length &&
    older[older.length - page.length - 1]?.seq === first.seq
  ) {
    const whole = page.filter((r) => r.seq !== first.seq);
    page = whole.length > 0 ? whole : older.filter((r) => r.seq === first.seq);
  }
  const oldest = page[0]?.seq;
  const more = oldest !== undefined && (knownFrom(timeline) > 0 || older.length > page.length);
  return { records: page.reverse(), next: more ? oldest : null };
}

/**
 * The timeline of slider moves and key decisions, derived from the log. Each event carries the
 * whole charter, so a timeline is read lazily: back from the head only as far as the page asked
 * for needs (a page of entries costs a few dozen events, not the log), then forward as new events
 * arrive. It is a projection kept in memory, checked against the log's head (seq and hash) on
 * every read, so several API processes each keep their own, and agree; a log that is not the one
 * read (a database reset under a running server) is read afresh. Executions of proposals are told
 * from the proposals in the state in force.
 *
 * @example
 * const timelines = createTimelines({ store });
 * await timelines.read({ org: 'lumen-protocol', state, limit: 50 }) // { seq, next, entries: [...] }
 */
export function createTimelines(args: { store: EventStore }): {
  read(args: { org: string; state: OrgState; limit: number; before?: number }): Promise<TimelineView>;
} {
  const { store } = args;
  const byOrg = new Map<string, OrgTimeline>();
  // One reader per organization at a time: a read extends the projection the next one uses.
  const queues = new Map<string, Promise<unknown>>();

  async function readOne(org: string, state: OrgState, limit: number, before: number): Promise<TimelineView> {
    // The log as far as the state in force reaches: every proposal it executes is in that state.
    const head = { seq: state.seq, head: state.head };
    let timeline = byOrg.get(org);
    const sameLog =
      timeline !== undefined &&
      (timeline.seq < head.seq || (timeline.seq === head.seq && timeline.head === head.head));
    if (timeline === undefined || !sameLog) timeline = fresh(head);
    while (timeline.seq < head.seq) {
      const page = await store.readEvents({ org, after: timeline.seq, limit: PAGE });
      const first = page.events[0];
      if (first === undefined) break;
      // Not the log read before (reset and grown again): read afresh, back from the head.
      if (first.prev !== timeline.head) {
        timeline = fresh(head);
        break;
      }
      timeline = forward(timeline, page.events, state, head.head);
    }
    // Back until the page is full, or the log's start; and at least to a charter, which later events are compared with.
    // A full page and the next entry take at least limit + 1 events, and the charter before the
    // oldest of them one more: when every event is an entry, one read back is enough.
    let size = limit + 2;
    const enough = (t: OrgTimeline) =>
      knownFrom(t) === 0 ||
      (t.latest !== undefined &&
        t.records.filter((r) => r.seq < before && r.seq >= knownFrom(t)).length > limit);
    while (!enough(timeline)) {
      const after = Math.max(-1, timeline.low - 1 - size);
      const page = await store.readEvents({ org, after, limit: timeline.low - 1 - after });
      if (page.events.length === 0) break;
      timeline = backward(timeline, page.events, state);
      size = Math.min(size * 2, PAGE);
    }
    byOrg.set(org, timeline);
    const { records, next } = pageOf(timeline, before, limit);
    return { seq: timeline.seq, next, entries: records.map((record) => entryOf(record, state.organization)) };
  }

  return {
    read({ org, state, limit, before }) {
      const previous = queues.get(org) ?? Promise.resolve();
      const running = previous.then(
        () => readOne(org, state, limit, before ?? Number.MAX_SAFE_INTEGER),
        () => readOne(org, state, limit, before ?? Number.MAX_SAFE_INTEGER),
      );
      queues.set(org, running);
      void running
        .finally(() => {
          if (queues.get(org) === running) queues.delete(org);
        })
        .catch(() => {});
      return running;
    },
  };
}
