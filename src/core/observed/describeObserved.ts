import type { FindingSummary, ObservedUnit } from './observeOrganization.js';

/** What a unit with no evidence to observe by is shown as. */
export const NOT_OBSERVED = 'not observed (no control fact recorded, no decisions in the last 90 days)';

/**
 * A finding in one sentence: declared, observed, and the evidence behind it.
 *
 * @example
 * findingSentence(f) // 'declared delegated, observed consultative: the team made 100% of 3 decisions …'
 */
export function findingSentence(finding: FindingSummary): string {
  return `declared ${finding.declared.id}, observed ${finding.observed.id}: ${finding.evidence.join('; ')}`;
}

/** A unit's observed level in words: `observed founder`, or not observed. */
export function observedWords(unit: ObservedUnit): string {
  return unit.observed === undefined ? NOT_OBSERVED : `observed ${unit.observed.id}`;
}

/** A unit's observation as a small JSON value (board, `status --json`, `plan --json`). */
export interface ObservedSummary {
  readonly declared: string;
  /** Null when the unit is not observed. */
  readonly observed: string | null;
  /** The team's share of decisions over the last 90 days, and how many, when there were any. */
  readonly teamShare?: { readonly value: number; readonly decisions: number };
  /** Upgrade control as recorded: who holds it, as of when (epoch ms). */
  readonly control?: { readonly subject: string; readonly observedAt: number };
  readonly findings: readonly {
    readonly declared: string;
    readonly observed: string;
    readonly evidence: readonly string[];
  }[];
}

export function observedSummary(unit: ObservedUnit): ObservedSummary {
  return {
    declared: unit.declared.id,
    observed: unit.observed?.id ?? null,
    ...(unit.teamShare === undefined
      ? {}
      : { teamShare: { value: unit.teamShare.value, decisions: unit.teamShare.decisions } }),
    ...(unit.control === undefined
      ? {}
      : { control: { subject: unit.control.subject, observedAt: unit.control.observedAt } }),
    findings: unit.findings.map((f) => ({
      declared: f.declared.id,
      observed: f.observed.id,
      evidence: f.evidence,
    })),
  };
}

/** Every unit's summary, by unit id. */
export function observedByUnit(units: readonly ObservedUnit[]): Record<string, ObservedSummary> {
  return Object.fromEntries(units.map((u) => [u.unit, observedSummary(u)]));
}
