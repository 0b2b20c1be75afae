import type { Attestation, ControlObservation, Evidence, Observation } from './Evidence.js';

// A tagged union like Proposal.ts's DelegationScope, by design: each union names its own kinds.
/**
 * One piece of evidence as kept in the store: a measurement, not a decision, so it is not a log
 * event and nobody signs it. Attestations kept this way come from files and stay unsigned.
 */
export type EvidenceEntry =
  | { readonly kind: 'observation'; readonly observation: Observation }
  | { readonly kind: 'control'; readonly control: ControlObservation }
  | { readonly kind: 'attestation'; readonly attestation: Attestation };

/** Where a stored entry came from. */
export interface EvidenceOrigin {
  /** The command that recorded it: `evidence add`, `import holdings`, `observe`. */
  readonly command: string;
  /** The file or URL it was read from. */
  readonly from?: string;
  /** The line of `from` it was read from, where lines mean something. */
  readonly line?: number;
}

/** A stored entry with its origin and when it was recorded (ISO-8601 UTC). */
export interface EvidenceRecord {
  /** Increasing in recording order within a store. */
  readonly id: number;
  readonly org: string;
  readonly entry: EvidenceEntry;
  readonly origin: EvidenceOrigin;
  readonly recordedAt: string;
}

/** What a listing may be narrowed to: one kind, one unit (organization-wide entries included). */
export interface EvidenceFilter {
  readonly kind?: EvidenceEntry['kind'];
  readonly unit?: string;
}

/** The unit an entry is about; undefined for an organization-wide observation. */
export function entryUnit(entry: EvidenceEntry): string | undefined {
  if (entry.kind === 'observation') return entry.observation.unit;
  if (entry.kind === 'control') return entry.control.unit;
  return entry.attestation.unit;
}

/** When an entry was observed or attested, epoch ms. */
export function entryAt(entry: EvidenceEntry): number {
  if (entry.kind === 'observation') return entry.observation.at;
  if (entry.kind === 'control') return entry.control.observedAt;
  return entry.attestation.at;
}

/** What an entry is about, in one word: the metric, the power over its contract, the checklist item. */
export function entrySubject(entry: EvidenceEntry): string {
  if (entry.kind === 'observation') return entry.observation.metric;
  if (entry.kind === 'control') return `${entry.control.power}@${entry.control.subject}`;
  return entry.attestation.checklist;
}

/** Whether a record passes a filter; an organization-wide entry passes every unit filter. */
export function matchesFilter(record: EvidenceRecord, filter: EvidenceFilter): boolean {
  if (filter.kind !== undefined && record.entry.kind !== filter.kind) return false;
  const unit = entryUnit(record.entry);
  return filter.unit === undefined || unit === undefined || unit === filter.unit;
}

/**
 * The entries of an evidence file or import, to be stored: observations, attestations (unsigned)
 * and control facts. A unit's `since` and `decisionsAtLevel` stay in the file: they are facts
 * about the log, which the store already holds.
 */
export function entriesOf(evidence: Evidence): EvidenceEntry[] {
  return [
    ...evidence.observations.map((observation) => ({ kind: 'observation' as const, observation })),
    ...evidence.attestations.map((a) => ({
      kind: 'attestation' as const,
      attestation: { ...a, unsigned: true },
    })),
    ...(evidence.controls ?? []).map((control) => ({ kind: 'control' as const, control })),
  ];
}

/** The evidence stored records give the planner; their attestations are unsigned. */
export function evidenceOfRecords(records: readonly EvidenceRecord[]): Evidence {
  const observations: Observation[] = [];
  const attestations: Attestation[] = [];
  const controls: ControlObservation[] = [];
  for (const { entry } of records) {
    if (entry.kind === 'observation') observations.push(entry.observation);
    else if (entry.kind === 'attestation') attestations.push({ ...entry.attestation, unsigned: true });
    else controls.push(entry.control);
  }
  return { observations, attestations, units: {}, controls };
}

/**
 * Stored evidence and the evidence file together: every observation, attestation and control fact
 * of both (criteria then take the newest that applies), and the file's facts about units.
 *
 * @example
 * mergeEvidence(fileEvidence, evidenceOfRecords(records))
 */
export function mergeEvidence(a: Evidence, b: Evidence): Evidence {
  return {
    observations: [...a.observations, ...b.observations],
    attestations: [...a.attestations, ...b.attestations],
    units: { ...b.units, ...a.units },
    controls: [...(a.controls ?? []), ...(b.controls ?? [])],
  };
}

type Json = Record<string, unknown>;

/**
 * An entry read back from JSON (the store's column, the API's answer), where bigints are decimal
 * strings: an observation's exact value is made exact again. The JSON was written by Devolve, so
 * its shape is trusted; only the numbers are revived.
 */
export function entryFromJson(value: unknown): EvidenceEntry {
  const entry = value as Json;
  if (entry['kind'] !== 'observation') return entry as unknown as EvidenceEntry;
  const observation = entry['observation'] as Json;
  const exact = observation['exact'] as { num: string; den: string } | undefined;
  return {
    kind: 'observation',
    observation: {
      ...(observation as unknown as Observation),
      ...(exact === undefined ? {} : { exact: { num: BigInt(exact.num), den: BigInt(exact.den) } }),
    },
  };
}

/** The latest control fact recorded for a unit's power, if any. */
export function latestControl(args: {
  evidence: Evidence;
  unit: string;
  power: string;
  now: number;
}): ControlObservation | undefined {
  return (args.evidence.controls ?? [])
    .filter((c) => c.unit === args.unit && c.power === args.power && c.observedAt <= args.now)
    .sort((x, y) => y.observedAt - x.observedAt)[0];
}

/** One entry to record and where it came from. */
export interface EvidenceToRecord {
  readonly entry: EvidenceEntry;
  readonly origin: EvidenceOrigin;
}
