import { isLogMetric, logMetrics } from '../metrics/logMetrics.js';
import type { Organization } from '../model/Organization.js';
import { unitCriteria } from '../readiness/collectCriteria.js';
import type { OrgState } from '../state/OrgState.js';
import type { Attestation, Evidence, Observation } from './Evidence.js';

/** The source log metrics' observations carry. */
export const LOG_SOURCE = 'log';

/** The signed attestations in force in the state, as readiness evidence (`signed: true`). */
export function signedAttestations(state: OrgState): Attestation[] {
  return (state.attestations ?? []).map((a) => ({
    checklist: a.checklist,
    unit: a.unit,
    by: a.by,
    at: Date.parse(a.at),
    signed: true,
    role: a.role,
    ...(a.evidence === undefined ? {} : { evidence: a.evidence }),
    ...(a.note === undefined ? {} : { note: a.note }),
  }));
}

/** The (metric, unit, window) of every metric criterion that names a built-in log metric. */
function logMetricAsks(organization: Organization): { metric: string; unit: string; window?: number }[] {
  const builtIn = new Set(
    organization.metrics.filter((m) => m.builtIn && isLogMetric(m.id)).map((m) => m.id),
  );
  const asks = new Map<string, { metric: string; unit: string; window?: number }>();
  for (const unit of organization.units)
    for (const c of unitCriteria(unit))
      if (c.kind === 'metric' && builtIn.has(c.metric))
        asks.set(`${c.metric} ${c.unit} ${c.window}`, {
          metric: c.metric,
          unit: c.unit,
          ...(c.window === undefined ? {} : { window: c.window }),
        });
  return [...asks.values()];
}

/**
 * Evidence with what the log itself knows added: its signed attestations (beside the file's,
 * which stay and read as unsigned), and, for every metric criterion the charter declares on a
 * metric computed from the log (`emergency-uses`, `votes-nakamoto` …), that metric of the
 * criterion's unit over the criterion's window ending at `now`. The log's value replaces any other
 * observation of the same metric and unit, so neither a file nor a payload can overstate it.
 * Nothing is added for metrics no criterion names: a charter that names none reads the same.
 *
 * @example
 * const evidence = withLogEvidence({ evidence: fileEvidence, state, now: Date.parse(event.recordedAt) });
 */
export function withLogEvidence(args: { evidence: Evidence; state: OrgState; now: number }): Evidence {
  const { evidence, state, now } = args;
  const asks = logMetricAsks(state.organization);
  const attestations = signedAttestations(state);
  if (asks.length === 0 && attestations.length === 0) return evidence;
  const replaced = new Set(asks.map((a) => `${a.metric} ${a.unit}`));
  const observations: Observation[] = evidence.observations.filter(
    (o) =>
      !(
        replaced.has(`${o.metric} ${o.unit}`) ||
        (o.unit === undefined && asks.some((a) => a.metric === o.metric))
      ),
  );
  const computed = new Map<string, ReturnType<typeof logMetrics>>();
  for (const ask of asks) {
    const key = `${ask.unit} ${ask.window}`;
    let values = computed.get(key);
    if (values === undefined) {
      values = logMetrics({ state, unit: ask.unit, window: ask.window, now });
      computed.set(key, values);
    }
    const value = values[ask.metric];
    if (value === undefined) continue;
    observations.push({
      metric: ask.metric,
      unit: ask.unit,
      value: value.value,
      ...(value.exact === undefined ? {} : { exact: value.exact }),
      ...(ask.window === undefined ? {} : { window: ask.window }),
      at: now,
      source: LOG_SOURCE,
    });
  }
  return { ...evidence, observations, attestations: [...evidence.attestations, ...attestations] };
}
