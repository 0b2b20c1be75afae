import { type CodeIn, type ErrorCode, isErrorCode } from '../errors/ErrorCode.js';
import { concentrationReport } from '../metrics/concentrationReport.js';
import type { Organization } from '../model/Organization.js';
import { unitCriteria } from '../readiness/collectCriteria.js';
import type { Path, SchemaIssue } from '../schema/Schema.js';
import { suggestionHint } from '../text/didYouMean.js';
import { parseDuration } from '../time/Duration.js';
import { parseInstant } from '../time/Instant.js';
import { byPosition, type PathIssue, parseLocatedYaml, type SourceIssue } from '../yaml/parseLocatedYaml.js';
import type { Attestation, Evidence, Observation, UnitEvidence } from './Evidence.js';
import { type EvidenceInput, evidenceSchema } from './evidenceSchema.js';

export type EvidenceLoad =
  | {
      readonly ok: true;
      readonly evidence: Evidence;
      readonly warnings: readonly SourceIssue[];
      /** The line each observation and attestation was written on, index for index. */
      readonly lines: EvidenceLines;
    }
  | {
      readonly ok: false;
      readonly errors: readonly SourceIssue[];
      readonly warnings: readonly SourceIssue[];
    };

/** Lines in the evidence file, index for index with `Evidence`'s lists (a snapshot's line for each of its `holder-*` observations). */
export interface EvidenceLines {
  readonly observations: readonly number[];
  readonly attestations: readonly number[];
}

const ms = (text: string) => {
  const parsed = parseInstant(text);
  return parsed.ok ? parsed.epochMs : 0;
};

/**
 * Parses and checks an evidence file against the organization it is evidence about: metrics,
 * units, checklist items, members and tokens must exist (with did-you-mean hints), every problem
 * with file, line and column, all in one run. Holdings snapshots become `holder-*` observations.
 *
 * @example
 * const load = loadEvidence({ text, file: 'evidence.yaml', organization });
 */
export function loadEvidence(args: { text: string; file: string; organization: Organization }): EvidenceLoad {
  const parsed = parseLocatedYaml({
    text: args.text,
    file: args.file,
    emptyHint: 'start from a template’s sample: devolve init writes evidence.yaml beside devolve.yaml',
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  const schemaIssues: SchemaIssue[] = [];
  const valid = evidenceSchema.validate(parsed.value, [], schemaIssues);
  // The schema's codes are shared with charters (`charter/missing-key` …); here they speak of evidence.
  const issues: PathIssue[] = schemaIssues.map((issue) => ({
    ...issue,
    code: evidenceCodeOf(issue.code),
    severity: 'error',
  }));
  // References are checked even when some entries fail the schema, as for charters: the entries
  // that failed are skipped, the others still get their unknown-name errors, all in one run.
  const input = valid ? (parsed.value as EvidenceInput) : wellFormedPart(parsed.value, schemaIssues);
  if (input !== undefined) issues.push(...checkReferences(input, args.organization));
  const located = issues.map(parsed.locate);
  const errors = located.filter((i) => i.severity === 'error').sort(byPosition);
  const warnings = [...parsed.warnings, ...located.filter((i) => i.severity === 'warning')].sort(byPosition);
  if (!valid || errors.length > 0) return { ok: false, errors, warnings };
  const lineAt = (path: Path) =>
    parsed.locate({ path, code: 'evidence/invalid', message: '', severity: 'warning' }).line;
  const evidence = toEvidence(input!);
  const holdingLines = (input!.holdings ?? []).flatMap((_, i) =>
    Array.from({ length: HOLDER_METRICS }, () => lineAt(['holdings', i])),
  );
  const lines: EvidenceLines = {
    observations: [
      ...(input!.observations ?? []).map((_, i) => lineAt(['observations', i])),
      ...holdingLines,
    ],
    attestations: (input!.attestations ?? []).map((_, i) => lineAt(['attestations', i])),
  };
  return { ok: true, evidence, warnings, lines };
}

/** A schema issue speaks of the evidence file: `charter/wrong-type` becomes `evidence/wrong-type`. */
function evidenceCodeOf(code: ErrorCode): ErrorCode {
  const twin = code.replace(/^charter\//, 'evidence/');
  return isErrorCode(twin) ? twin : code;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The entries of an evidence file that passed the schema, in place: an entry with any schema
 * issue becomes a hole (so the others keep their index, and their errors their path), a list or
 * map that is itself malformed is dropped. Undefined when the document is not even a mapping.
 */
function wellFormedPart(value: unknown, issues: readonly SchemaIssue[]): EvidenceInput | undefined {
  if (!isMapping(value)) return undefined;
  const bad = new Map<string, Set<string | number> | 'all'>();
  for (const { path } of issues) {
    const [head, entry] = path;
    if (typeof head !== 'string') continue;
    const known = bad.get(head);
    if (entry === undefined) bad.set(head, 'all');
    else if (known !== 'all') bad.set(head, (known ?? new Set()).add(entry));
  }
  const part: Record<string, unknown> = {};
  for (const key of ['observations', 'attestations', 'holdings'] as const) {
    const list = value[key];
    const holes = bad.get(key);
    if (list === undefined || holes === 'all' || !Array.isArray(list)) continue;
    part[key] = list.map((entry, i) => (holes?.has(i) ? undefined : entry));
  }
  const units = value['units'];
  if (isMapping(units) && bad.get('units') !== 'all') {
    // A unit entry whose facts are malformed still names a unit, which is checked.
    part['units'] = Object.fromEntries(Object.keys(units).map((id) => [id, {}]));
  }
  return part as EvidenceInput;
}

/** What an evidence file may name, each with its code. */
const EVIDENCE_UNKNOWN = {
  metric: 'evidence/unknown-metric',
  unit: 'evidence/unknown-unit',
  member: 'evidence/unknown-member',
  'checklist item': 'evidence/unknown-checklist',
  token: 'evidence/unknown-token',
} as const satisfies Record<string, CodeIn<'evidence'>>;
type EvidenceNoun = keyof typeof EVIDENCE_UNKNOWN;

function checkReferences(input: EvidenceInput, organization: Organization): PathIssue[] {
  const issues: PathIssue[] = [];
  // Codes are machine-readable: one word after `unknown-` (the checklist item's is `unknown-checklist`).
  const unknown = (path: Path, noun: EvidenceNoun, name: string, candidates: readonly string[]) =>
    issues.push({
      path,
      severity: 'error',
      code: EVIDENCE_UNKNOWN[noun],
      message: `unknown ${noun} '${name}'`,
      hint: suggestionHint({ input: name, candidates, noun }),
    });
  const unitIds = organization.units.map((u) => u.id);
  const metricIds = organization.metrics.map((m) => m.id);
  const memberIds = organization.members.map((m) => m.id);
  const checklists = new Map<string, string[]>(); // checklist id → units declaring it
  for (const unit of organization.units) {
    for (const leaf of unitCriteria(unit)) {
      if (leaf.kind !== 'checklist') continue;
      const owners = checklists.get(leaf.id) ?? [];
      if (!owners.includes(unit.id)) owners.push(unit.id);
      checklists.set(leaf.id, owners);
    }
  }
  (input.observations ?? []).forEach((observation, i) => {
    if (observation === undefined) return; // failed the schema: reported there
    const path = ['observations', i];
    if (!metricIds.includes(observation.metric))
      unknown([...path, 'metric'], 'metric', observation.metric, metricIds);
    if (observation.unit !== undefined && !unitIds.includes(observation.unit)) {
      unknown([...path, 'unit'], 'unit', observation.unit, unitIds);
    }
  });
  (input.attestations ?? []).forEach((attestation, i) => {
    if (attestation === undefined) return;
    const path = ['attestations', i];
    if (attestation.by !== undefined && !memberIds.includes(attestation.by)) {
      unknown([...path, 'by'], 'member', attestation.by, memberIds);
    }
    if (attestation.unit !== undefined && !unitIds.includes(attestation.unit)) {
      unknown([...path, 'unit'], 'unit', attestation.unit, unitIds);
      return;
    }
    const owners = checklists.get(attestation.checklist);
    const scoped = attestation.unit === undefined ? owners : owners?.filter((u) => u === attestation.unit);
    if (scoped === undefined || scoped.length === 0) {
      const candidates =
        attestation.unit === undefined
          ? [...checklists.keys()]
          : organization.units
              .filter((u) => u.id === attestation.unit)
              .flatMap((u) => unitCriteria(u).flatMap((c) => (c.kind === 'checklist' ? [c.id] : [])));
      unknown([...path, 'checklist'], 'checklist item', attestation.checklist, candidates);
    }
  });
  for (const unitId of Object.keys(input.units ?? {})) {
    if (!unitIds.includes(unitId)) {
      issues.push({
        path: ['units', unitId],
        onKey: true,
        severity: 'error',
        code: 'evidence/unknown-unit',
        message: `unknown unit '${unitId}'`,
        hint: suggestionHint({ input: unitId, candidates: unitIds, noun: 'unit' }),
      });
    }
  }
  const symbols = organization.tokens.map((t) => t.symbol);
  (input.holdings ?? []).forEach((snapshot, i) => {
    if (snapshot === undefined) return;
    if (!symbols.includes(snapshot.token))
      unknown(['holdings', i, 'token'], 'token', snapshot.token, symbols);
    if (Object.keys(snapshot.balances).length === 0) {
      issues.push({
        path: ['holdings', i, 'balances'],
        severity: 'warning',
        code: 'evidence/empty-holdings',
        message: 'the snapshot lists no balances',
      });
    }
  });
  return issues;
}

function toEvidence(input: EvidenceInput): Evidence {
  const observations: Observation[] = (input.observations ?? []).map((o) => {
    const window = o.window === undefined ? undefined : parseDuration(o.window);
    return {
      metric: o.metric,
      ...(o.unit === undefined ? {} : { unit: o.unit }),
      value: o.value,
      ...(window?.ok ? { window: window.seconds } : {}),
      at: ms(o.at),
      ...(o.source === undefined ? {} : { source: o.source }),
    };
  });
  for (const snapshot of input.holdings ?? []) {
    observations.push(
      ...holdingsObservations({
        balances: Object.values(snapshot.balances).map(BigInt),
        at: ms(snapshot.at),
        source: snapshot.source ?? `${snapshot.token} holdings`,
      }),
    );
  }
  const attestations: Attestation[] = (input.attestations ?? []).map((a) => ({
    checklist: a.checklist,
    ...(a.unit === undefined ? {} : { unit: a.unit }),
    ...(a.by === undefined ? {} : { by: a.by }),
    at: ms(a.at),
    unsigned: true,
    ...(a.evidence === undefined ? {} : { evidence: a.evidence }),
    ...(a.note === undefined ? {} : { note: a.note }),
  }));
  const units: Record<string, UnitEvidence> = {};
  for (const [unitId, facts] of Object.entries(input.units ?? {})) {
    units[unitId] = {
      ...(facts.since === undefined ? {} : { since: ms(facts.since) }),
      ...(facts.decisionsAtLevel === undefined ? {} : { decisionsAtLevel: facts.decisionsAtLevel }),
    };
  }
  return { observations, attestations, units };
}

/** How many observations `holdingsObservations` makes of one snapshot. */
const HOLDER_METRICS = 5;

/**
 * The organization-wide `holder-*` observations of one holdings snapshot, exact where the metric
 * is rational (Gini, HHI, top-10 share).
 *
 * @example
 * holdingsObservations({ balances: [1n, 2n, 3n, 4n], at, source: 'LUM holdings' })
 * // [{ metric: 'holder-gini', value: 0.25, exact: { num: 1n, den: 4n }, at, source }, …]
 */
export function holdingsObservations(args: {
  balances: readonly bigint[];
  at: number;
  source: string;
}): Observation[] {
  const report = concentrationReport({ holdings: args.balances });
  const base = { at: args.at, source: args.source };
  return [
    { metric: 'holder-gini', value: report.gini.value, exact: report.gini.ratio, ...base },
    { metric: 'holder-nakamoto', value: report.nakamoto.count, ...base },
    { metric: 'holder-hhi', value: report.herfindahl.value, exact: report.herfindahl.ratio, ...base },
    { metric: 'holder-top10-share', value: report.topShare.value, exact: report.topShare.ratio, ...base },
    { metric: 'holder-entropy', value: report.entropy, ...base },
  ];
}
