import type { ProposalSummary } from '../core/governance/views/proposalView.js';

/**
 * A countdown in words: `2d 4h`, `3h 5m`, `40s`.
 *
 * @example
 * countdown(93_600) // '1d 2h'
 */
export function countdown(seconds: number): string {
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m`;
  return `${seconds}s`;
}

/** What comes next for a proposal, in words: `timelock in 2d 4h (2026-03-04T12:00:00.000Z)`. */
export function nextStep(summary: ProposalSummary): string {
  if (summary.executable) return 'ready to execute';
  if (summary.next === undefined) return '—';
  return `${summary.next.phase} in ${countdown(summary.next.inSeconds)} (${summary.next.at})`;
}
