import type { Evidence } from '../core/evidence/Evidence.js';
import {
  type EvidenceEntry,
  type EvidenceRecord,
  entriesOf,
  entryAt,
  entrySubject,
  entryUnit,
  evidenceOfRecords,
  mergeEvidence,
} from '../core/evidence/EvidenceRecord.js';
import { signedAttestations } from '../core/evidence/withLogEvidence.js';
import { LOG_METRICS, logMetrics } from '../core/metrics/logMetrics.js';
import type { Organization, Unit } from '../core/model/Organization.js';
import { type ObservedSummary, observedSummary } from '../core/observed/describeObserved.js';
import { observeOrganization } from '../core/observed/observeOrganization.js';
import { TEAM_SHARE_WINDOW } from '../core/observed/teamShareRule.js';
import { describePolicy } from '../core/policy/describePolicy.js';
import type { OrgState } from '../core/state/OrgState.js';

export interface LevelView {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly summary?: string;
  /** The level's decision policy in one stable line (`describePolicy`). */
  readonly policy: string;
}

/** One piece of evidence about a unit, as its page lists it. */
export interface UnitEvidenceItem {
  readonly kind: EvidenceEntry['kind'];
  /** What it is about: the metric, the power over its contract, the checklist item. */
  readonly subject: string;
  /** What it says, in words: the value and its window, who holds the power, who attested. */
  readonly says: string;
  /** When it was observed or attested, epoch ms. */
  readonly at: number;
  /** Where it came from, in words: the command and file that recorded it, the evidence file, the log. */
  readonly origin: string;
  /** When the store recorded it (ISO-8601 UTC); absent for the evidence file and the log. */
  readonly recordedAt?: string;
  /** The link or URL it was read from, when it names one. */
  readonly source?: string;
  /** True for an attestation signed in the log. */
  readonly signed: boolean;
}

/** One metric computed from the log for a unit: over the observed window, and over all history. */
export interface UnitMetricView {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly unit: 'share' | 'count' | 'index' | 'seconds';
  /** Over the last `window` seconds; absent when there was nothing to measure. */
  readonly recent?: number;
  /** Over all the log's history; absent when there was nothing to measure. */
  readonly allTime?: number;
}

/** What the unit's own page adds: declared beside observed, the evidence behind it, its log metrics. */
export interface UnitEvidenceView {
  /** The clock the observation and the metrics were computed at, epoch ms. */
  readonly now: number;
  readonly observed: ObservedSummary;
  /** Newest first, at most `UNIT_EVIDENCE_ITEMS`. */
  readonly evidence: readonly UnitEvidenceItem[];
  /** How many pieces of evidence there are in all (the list shows the newest). */
  readonly evidenceCount: number;
  /** The window of `recent` metric values, seconds: the observed rules' 90 days. */
  readonly window: number;
  readonly metrics: readonly UnitMetricView[];
}

/** A unit as the API shows it: its slider, today's policy, and every level's policy. */
export interface UnitView {
  readonly id: string;
  readonly name: string;
  readonly dimension: string;
  readonly description?: string;
  readonly owners: readonly string[];
  readonly level: LevelView & { readonly since: string };
  readonly target: LevelView;
  readonly levels: readonly LevelView[];
  /** Given for one unit (`GET …/units/{unit}`), not in the listing. */
  readonly evidence?: UnitEvidenceView;
}

/** How many pieces of evidence a unit's view lists, newest first. */
export const UNIT_EVIDENCE_ITEMS = 20;

/**
 * The log metrics a unit's page shows: who proposes, votes and decides, and how concentrated.
 * The full catalogue (every measure of every activity) is `devolve metrics`'s to print.
 */
export const UNIT_METRICS: readonly string[] = [
  'decisions-count',
  'decisions-team-share',
  'proposals-count',
  'proposals-distinct',
  'votes-count',
  'votes-distinct',
  'votes-nakamoto',
  'votes-participation',
  'vetoes-count',
  'emergency-uses',
  'overrides',
];

function levelView(organization: Organization, unit: Unit, index: number): LevelView {
  const level = unit.levels[index]!;
  return {
    index: level.index,
    id: level.id,
    name: level.name,
    ...(level.summary === undefined ? {} : { summary: level.summary }),
    policy: describePolicy({ policy: level.policy, organization }),
  };
}

const DAY_SECONDS = 86_400;

function windowWords(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  return seconds % DAY_SECONDS === 0 ? ` over ${seconds / DAY_SECONDS} days` : ` over ${seconds} s`;
}

function says(entry: EvidenceEntry): string {
  if (entry.kind === 'observation') {
    const o = entry.observation;
    return `${o.value}${windowWords(o.window)}`;
  }
  if (entry.kind === 'control') {
    const holder = entry.control.holder;
    const chain = entry.control.chain === undefined ? '' : ` on chain ${entry.control.chain}`;
    return `held by ${holder.kind} ${holder.address}${chain}`;
  }
  const a = entry.attestation;
  const by = a.by === undefined ? 'attested' : `attested by ${a.by}`;
  const role = a.role === undefined ? '' : ` (${a.role})`;
  return `${by}${role}${a.note === undefined ? '' : `: ${a.note}`}`;
}

function sourceOf(entry: EvidenceEntry): string | undefined {
  if (entry.kind === 'observation') return entry.observation.source;
  if (entry.kind === 'control') return entry.control.source;
  return entry.attestation.evidence;
}

function item(entry: EvidenceEntry, origin: string, recordedAt?: string): UnitEvidenceItem {
  const source = sourceOf(entry);
  return {
    kind: entry.kind,
    subject: entrySubject(entry),
    says: says(entry),
    at: entryAt(entry),
    origin,
    ...(recordedAt === undefined ? {} : { recordedAt }),
    ...(source === undefined ? {} : { source }),
    signed: entry.kind === 'attestation' && entry.attestation.signed === true,
  };
}

function recordOrigin(record: EvidenceRecord): string {
  const { command, from, line } = record.origin;
  if (from === undefined) return `devolve ${command}`;
  return `devolve ${command} from ${from}${line === undefined ? '' : `, line ${line}`}`;
}

/**
 * One unit's evidence and what it supports: the level observed from the latest `upgrade` control
 * fact and the log's team share (as the board and the public page observe it), every piece of
 * evidence about the unit with where it came from, and its log metrics.
 */
function unitEvidenceView(args: {
  state: OrgState;
  unit: Unit;
  file: Evidence;
  records: readonly EvidenceRecord[];
  now: number;
}): UnitEvidenceView {
  const { state, unit, file, records, now } = args;
  const mine = (entry: EvidenceEntry) => {
    const about = entryUnit(entry);
    return about === undefined || about === unit.id;
  };
  const stored = records.filter((r) => mine(r.entry));
  const evidence = mergeEvidence(file, evidenceOfRecords(stored));
  // One unit observed alone: its rules read only its own control facts and its own decisions.
  const [observed] = observeOrganization({
    organization: { ...state.organization, units: [unit] },
    evidence,
    state,
    now,
  });
  const items = [
    ...stored.map((r) => item(r.entry, recordOrigin(r), r.recordedAt)),
    ...entriesOf(file)
      // entriesOf marks the file's attestations unsigned, as the store keeps them.
      .filter(mine)
      .map((entry) => item(entry, 'the evidence file')),
    ...signedAttestations(state)
      .filter((a) => a.unit === unit.id)
      .map((attestation) => item({ kind: 'attestation', attestation }, 'signed in the log')),
  ]
    .filter((i) => i.at <= now)
    .sort((x, y) => y.at - x.at);
  const recent = logMetrics({ state, unit: unit.id, window: TEAM_SHARE_WINDOW, now });
  const allTime = logMetrics({ state, unit: unit.id, window: undefined, now });
  const metrics = LOG_METRICS.filter((m) => UNIT_METRICS.includes(m.id)).map((m) => ({
    id: m.id,
    name: m.name,
    description: m.description,
    unit: m.unit,
    ...(recent[m.id] === undefined ? {} : { recent: recent[m.id]!.value }),
    ...(allTime[m.id] === undefined ? {} : { allTime: allTime[m.id]!.value }),
  }));
  return {
    now,
    observed: observedSummary(observed!),
    evidence: items.slice(0, UNIT_EVIDENCE_ITEMS),
    evidenceCount: items.length,
    window: TEAM_SHARE_WINDOW,
    metrics,
  };
}

/**
 * One unit of a projected state, with the policy of each level rendered as its one-line
 * description — what a client needs to show who decides what today, and at the next notch. Given
 * `evidence` (the evidence file's, the store's records and the clock), it adds declared beside
 * observed, the evidence behind it and the unit's log metrics (`UnitEvidenceView`).
 *
 * @example
 * unitView({ state, unit }).level // { index: 0, id: 'founder', name: 'Founder-controlled', policy: 'propose: …', since: '…' }
 * unitView({ state, unit, evidence: { file, records, now } }).evidence?.observed // { declared: 'delegated', observed: 'consultative', … }
 */
export function unitView(args: {
  state: OrgState;
  unit: Unit;
  evidence?: { file: Evidence; records: readonly EvidenceRecord[]; now: number };
}): UnitView {
  const { state, unit } = args;
  const { organization } = state;
  // Built like organizationView.ts's view, by design: each view copies the fields it shows and leaves absent
  // ones out.
  return {
    id: unit.id,
    name: unit.name,
    dimension: unit.dimension,
    ...(unit.description === undefined ? {} : { description: unit.description }),
    owners: unit.owners,
    level: { ...levelView(organization, unit, unit.level), since: state.levelSince[unit.id] ?? '' },
    target: levelView(organization, unit, unit.target),
    levels: unit.levels.map((_, index) => levelView(organization, unit, index)),
    ...(args.evidence === undefined ? {} : { evidence: unitEvidenceView({ state, unit, ...args.evidence }) }),
  };
}
