import type { Organization } from '../model/Organization.js';
import { findingSentence } from '../observed/describeObserved.js';
import type { ObservedUnit } from '../observed/observeOrganization.js';
import type { CommitmentView, Recommendation } from '../planner/makePlan.js';
import type { CriterionStatus } from '../readiness/evaluateCriterion.js';

/**
 * Words the published reports (Markdown and HTML) share, so the two say the same thing about
 * the same plan.
 */
export const MOVE_STATUS_WORDS: Record<Recommendation['status'], string> = {
  ready: 'ready',
  blocked: 'blocked',
  'not-ready': 'not ready',
  unknown: 'evidence missing',
};

export const CRITERION_STATUS_WORDS: Record<CriterionStatus, string> = {
  met: 'met',
  unmet: 'unmet',
  unknown: 'unknown',
};

/** A slider as glyphs: `●` passed, `◆` today, `○` to go, `◎` target, `·` beyond it. */
export function sliderGlyphs(levels: number, level: number, target: number): string {
  return Array.from({ length: levels }, (_, i) =>
    i === level ? '◆' : i < level ? '●' : i === target ? '◎' : i < target ? '○' : '·',
  ).join('');
}

export const SLIDER_LEGEND = '● passed · ◆ today · ○ to go · ◎ target';

/** The board's "next move" cell: `Consultative: not ready (1/2 met)`, or `at target`. */
export function nextMoveText(move: Recommendation | undefined): string {
  if (move === undefined) return 'at target';
  const counts = move.counts.total === 0 ? '' : ` (${move.counts.met}/${move.counts.total} met)`;
  return `${move.to.name}: ${MOVE_STATUS_WORDS[move.status]}${counts}`;
}

/** A commitment's statement with its escape clause, or `—`. */
export function commitmentText(commitment: CommitmentView): string {
  const parts = [
    commitment.statement,
    commitment.unless === undefined ? undefined : `Unless ${commitment.unless}.`,
  ];
  return parts.filter((s) => s !== undefined).join(' ') || '—';
}

/** Days left for a commitment, or `—` once met or when it has no date. */
export function daysLeftText(commitment: CommitmentView): string {
  return commitment.daysLeft === undefined || commitment.status === 'met' ? '—' : String(commitment.daysLeft);
}

/** One row of a report's "Declared vs observed" table: unit name, declared, observed, evidence. */
export function observedRows(
  organization: Organization,
  observed: readonly ObservedUnit[],
): [string, string, string, string][] {
  return observed.map((u) => [
    organization.units.find((unit) => unit.id === u.unit)?.name ?? u.unit,
    u.declared.id,
    u.observed?.id ?? 'not observed',
    u.findings.length > 0
      ? u.findings.map(findingSentence).join(' ')
      : u.observed === undefined
        ? 'no control fact recorded, no decisions in the last 90 days'
        : 'consistent with what is declared',
  ]);
}
