import type { Proposal } from './Proposal.js';

/**
 * Where a proposal stands. `deciding` waits for a proposer (advice process) or an owner
 * (single owner) to decide; `passed` means passed and executable now.
 */
export const PHASES = [
  'draft',
  'consultation',
  'voting',
  'deciding',
  'veto-window',
  'timelock',
  'passed',
  'rejected',
  'vetoed',
  'executed',
  'expired',
] as const;
export type Phase = (typeof PHASES)[number];

/**
 * What the lifecycle makes of a proposal at an instant, before execution and expiry are applied:
 * still open (in `phase` until `nextAt`, if time alone moves it on), passed (executable from
 * `readyAt`), or closed for good.
 */
export type Settlement =
  | { readonly kind: 'open'; readonly phase: Phase; readonly nextAt?: number }
  | { readonly kind: 'passed'; readonly passedAt: number; readonly readyAt: number }
  | {
      readonly kind: 'closed';
      readonly phase: 'rejected' | 'vetoed' | 'expired';
      readonly at: number;
      readonly reason: ClosedReason;
    };

export type ClosedReason =
  | 'outcome'
  | 'tied'
  | 'quorum'
  | 'min-voters'
  | 'objection'
  | 'decided-against'
  | 'vetoed'
  | 'undecided';

/**
 * A proposal lifecycle as a record of named hooks, in the spirit of OpenZeppelin's Governor: the
 * base lifecycle of a method provides them, and extensions (veto window, timelock, late-quorum)
 * wrap them, each returning a new lifecycle that calls the one it wraps. `settle` receives the
 * outermost lifecycle as `self`, so a base reads the voting end an extension moved.
 */
export interface Lifecycle {
  /** One stable line naming the composition, e.g. `majority quorum=1/10 late-quorum=86400s veto=604800s timelock=172800s`. */
  readonly describe: string;
  /** When voting (or the objection window) ends, epoch ms; undefined for methods without one. */
  votingEnd(args: { proposal: Proposal; self: Lifecycle }): number | undefined;
  settle(args: { proposal: Proposal; now: number; self: Lifecycle }): Settlement;
}

/** How long a decision may wait to be taken, and a passed proposal to be executed, before it expires. */
export const GRACE_PERIOD_SECONDS = 14 * 86_400;

/** Seconds to milliseconds, for the policy's durations against epoch-ms instants. */
export function ms(seconds: number): number {
  return seconds * 1000;
}

/** When consultation ends and voting (or deciding) starts: opening plus the consultation period. */
export function consultationEnd(proposal: Proposal): number {
  return proposal.openedAt + ms(proposal.policy.consultation?.period ?? 0);
}
