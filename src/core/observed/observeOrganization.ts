import type { ControlObservation, Evidence } from '../evidence/Evidence.js';
import { latestControl } from '../evidence/EvidenceRecord.js';
import { logMetrics } from '../metrics/logMetrics.js';
import type { Organization } from '../model/Organization.js';
import type { OrgState } from '../state/OrgState.js';
import type { RuleVerdict, TeamShare } from './ObservedRule.js';
import { type LevelRef, type ObservedFinding, observeEvidence } from './observeUnit.js';
import { TEAM_SHARE_WINDOW } from './teamShareRule.js';

/** The power whose control fact the observed level reads. */
export const OBSERVED_POWER = 'upgrade';

/** A finding as shown everywhere: declared, observed, and its evidence in words. */
export interface FindingSummary {
  readonly code: ObservedFinding['code'];
  readonly declared: LevelRef;
  readonly observed: LevelRef;
  /** One sentence per rule or requirement that holds the unit below what it declares. */
  readonly evidence: readonly string[];
}

/**
 * Declared beside observed for one unit of an organization. `observed` is absent when there is
 * no evidence to observe by (no control fact, no decisions in the window): "not observed", with
 * no finding.
 */
export interface ObservedUnit {
  readonly unit: string;
  readonly declared: LevelRef;
  readonly observed?: LevelRef;
  /** The latest control fact of the unit's `upgrade` power, if any. */
  readonly control?: ControlObservation;
  readonly teamShare?: TeamShare;
  /** The verdicts of the rules that applied. */
  readonly rules: readonly RuleVerdict[];
  readonly findings: readonly FindingSummary[];
}

/** A finding's evidence in words: the reason of each verdict or requirement behind it. */
export function summarizeFinding(finding: ObservedFinding): FindingSummary {
  return {
    code: finding.code,
    declared: finding.declared,
    observed: finding.observed,
    evidence: finding.evidence.map((e) => e.reason),
  };
}

/**
 * Every unit of `organization` observed from stored evidence and the log: the latest control fact
 * recorded for its `upgrade` power at or before `now`, and (given `state`) the team's share of its
 * decisions over the last 90 days ending at `now`, judged by `OBSERVED_RULES`.
 *
 * @example
 * observeOrganization({ organization, evidence, state, now }).find((u) => u.unit === 'upgrades')?.findings
 */
export function observeOrganization(args: {
  organization: Organization;
  evidence: Evidence;
  state?: OrgState;
  now: number;
}): ObservedUnit[] {
  const { organization, evidence, state, now } = args;
  return organization.units.map((unit) => {
    const control = latestControl({ evidence, unit: unit.id, power: OBSERVED_POWER, now });
    const teamShare = state === undefined ? undefined : teamShareOf({ state, unit: unit.id, now });
    const declared = { index: unit.level, id: unit.levels[unit.level]?.id ?? String(unit.level) };
    if (control === undefined && teamShare === undefined)
      return { unit: unit.id, declared, rules: [], findings: [] };
    const seen = observeEvidence({
      unit,
      ...(control === undefined ? {} : { control: control.holder }),
      ...(teamShare === undefined ? {} : { teamShare }),
    });
    return {
      unit: unit.id,
      declared,
      observed: seen.observed,
      ...(control === undefined ? {} : { control }),
      ...(teamShare === undefined ? {} : { teamShare }),
      rules: seen.rules.filter((r) => r.ceiling !== undefined || r.evidence.length > 0 || r.teamShare),
      findings: seen.findings.map(summarizeFinding),
    };
  });
}

function teamShareOf(args: { state: OrgState; unit: string; now: number }): TeamShare | undefined {
  const metrics = logMetrics({ ...args, window: TEAM_SHARE_WINDOW });
  const share = metrics['decisions-team-share'];
  if (share === undefined) return undefined;
  return {
    value: share.value,
    ...(share.exact === undefined ? {} : { exact: share.exact }),
    decisions: metrics['decisions-count']?.value ?? 0,
    window: TEAM_SHARE_WINDOW,
  };
}
