import type { LogEvent } from '../core/log/LogEvent.js';
import type { Organization } from '../core/model/Organization.js';
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
  /** Entries newest first, at most the limit asked for. */
  readonly entries: readonly TimelineEntry[];
  /** How many entries there are in all. */
  readonly total: number;
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

/** What the timeline keeps of a proposal until it is executed. */
interface ProposalNote {
  readonly unit: string;
  readonly kind: string;
  readonly title: string;
  /** For a slider move: the level it moves to. */
  readonly to: LevelRef | undefined;
}

interface OrgTimeline {
  seq: number;
  snapshot: CharterSnapshot | undefined;
  readonly records: TimelineRecord[];
  readonly proposals: Map<string, ProposalNote>;
  /** Each unit's level as executed moves left it (the charter declares only where it started). */
  readonly levels: Map<string, LevelRef>;
}

/** What a proposal act changes on the timeline: a move or a decision when executed, else nothing. */
function proposalChanges(timeline: OrgTimeline, event: LogEvent): TimelineChange[] {
  const { kind, payload } = event.action;
  if (!isObject(payload)) return [];
  if (kind === 'proposal.create') {
    const subject = payload['subject'];
    const to = isObject(subject) ? subject['to'] : undefined;
    if (typeof payload['id'] === 'string' && typeof payload['unit'] === 'string')
      timeline.proposals.set(payload['id'], {
        unit: payload['unit'],
        kind: String(payload['kind']),
        title: String(payload['title'] ?? payload['id']),
        to: isRef(to) ? to : undefined,
      });
    return [];
  }
  if (kind !== 'proposal.execute' || typeof payload['proposal'] !== 'string') return [];
  const id = payload['proposal'];
  const note = timeline.proposals.get(id);
  if (note === undefined) return [];
  if (note.kind === 'slider-move' && note.to !== undefined) {
    const from = timeline.levels.get(note.unit) ?? timeline.snapshot?.units.get(note.unit)?.level;
    timeline.levels.set(note.unit, note.to);
    return from === undefined ? [] : [{ kind: 'moved', unit: note.unit, from, to: note.to }];
  }
  return [{ kind: 'decided', unit: note.unit, proposal: id, title: note.title }];
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

/** Events read per page while catching up with the log (the store's own maximum). */
const PAGE = 1000;

/**
 * The timeline of slider moves and key decisions, derived from the log. Each event carries the
 * whole charter, so the first read of an organization replays its log once; after that only the
 * events past what was read are fetched — the timeline is a projection kept in memory, checked
 * against the log's head on every read (so several API processes each keep their own, and agree).
 *
 * @example
 * const timelines = createTimelines({ store });
 * await timelines.read({ org: 'lumen-protocol', organization, limit: 50 }) // { seq, total, entries: [...] }
 */
export function createTimelines(args: { store: EventStore }): {
  read(args: { org: string; organization: Organization; limit: number }): Promise<TimelineView>;
} {
  const { store } = args;
  const byOrg = new Map<string, OrgTimeline>();
  const pending = new Map<string, Promise<OrgTimeline>>();

  async function catchUp(org: string): Promise<OrgTimeline> {
    const head = await store.readHead({ org });
    let timeline = byOrg.get(org);
    // A log never shrinks; one that did (a database reset under a running server) is read afresh.
    if (timeline === undefined || timeline.seq > head.seq) {
      timeline = { seq: -1, snapshot: undefined, records: [], proposals: new Map(), levels: new Map() };
      byOrg.set(org, timeline);
    }
    while (timeline.seq < head.seq) {
      const page = await store.readEvents({ org, after: timeline.seq, limit: PAGE });
      for (const event of page.events) {
        const snapshot = snapshotOf(event);
        const changes: TimelineChange[] =
          timeline.snapshot === undefined
            ? [{ kind: 'created' }]
            : snapshot === undefined
              ? proposalChanges(timeline, event)
              : changesBetween(timeline.snapshot, snapshot);
        for (const change of changes) {
          timeline.records.push({
            seq: event.seq,
            recordedAt: event.recordedAt,
            actor: event.action.actor,
            action: event.action.kind,
            change,
          });
        }
        if (snapshot !== undefined) timeline.snapshot = snapshot;
        timeline.seq = event.seq;
      }
      if (page.events.length === 0) break;
    }
    return timeline;
  }

  return {
    async read({ org, organization, limit }) {
      // One catch-up per organization at a time: concurrent readers share it.
      let running = pending.get(org);
      if (running === undefined) {
        running = catchUp(org).finally(() => pending.delete(org));
        pending.set(org, running);
      }
      const timeline = await running;
      const newest = timeline.records.slice(-limit).reverse();
      return {
        seq: timeline.seq,
        total: timeline.records.length,
        entries: newest.map((record) => entryOf(record, organization)),
      };
    },
  };
}
