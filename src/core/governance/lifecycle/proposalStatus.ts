import { METHOD_RULES } from '../../policy/methodRules.js';
import type { CountingModule, TallyResult } from '../counting/CountingModule.js';
import { composeLifecycle } from './composeLifecycle.js';
import { countBallots } from './countBallots.js';
import {
  type ClosedReason,
  consultationEnd,
  GRACE_PERIOD_SECONDS,
  type Lifecycle,
  ms,
  type Phase,
} from './Lifecycle.js';
import { minVotersGate } from './minVotersGate.js';
import type { Proposal } from './Proposal.js';
import type { GateProgress } from './ProposalGate.js';
import { quorumGate } from './quorumGate.js';

export interface ProposalStatus {
  readonly phase: Phase;
  /** The composition in force, in one stable line. */
  readonly lifecycle: string;
  /** When time alone moves the proposal on, and to which phase (assuming no further acts). */
  readonly next?: { readonly phase: Phase; readonly at: number };
  /** Whether `execute` would be accepted now. */
  readonly executable: boolean;
  /** When voting (or the objection window) ends, late-quorum extension included. */
  readonly votingEnd?: number;
  /** Counted methods: the tally of the ballots so far (or at the close, once voting has ended). */
  readonly tally?: TallyResult;
  /** Counted methods: each gate (quorum, minimum voters) with what is needed and what there is. */
  readonly gates?: readonly GateProgress[];
  readonly passedAt?: number;
  /** When execution may start (after veto window and timelock). */
  readonly readyAt?: number;
  readonly closedAt?: number;
  readonly reason?: ClosedReason;
}

/**
 * Where a proposal stands at `now` (epoch ms), derived from its policy, its recorded acts and the
 * time alone — nothing about the phase is stored, so replaying the same acts gives the same answer.
 *
 * After the lifecycle (base method, gates, late-quorum, veto window, timelock) says a proposal is
 * ready at R, it is executable until R + 14 days; executed once `executedAt` is recorded; expired
 * after that. `counting` is the policy method's counting module; counted methods need it.
 *
 * @example
 * proposalStatus({ proposal, now: Date.parse('2026-03-02T12:00:00Z'), counting: majority })
 * // { phase: 'voting', next: { phase: 'timelock', at: … }, tally: {…}, gates: [{ gate: 'quorum', … }], executable: false, … }
 */
export function proposalStatus(args: {
  readonly proposal: Proposal;
  readonly now: number;
  readonly counting?: CountingModule;
}): ProposalStatus {
  const { proposal, counting } = args;
  const lifecycle = composeLifecycle({
    policy: proposal.policy,
    ...(counting === undefined ? {} : { counting }),
  });
  const here = statusAt(proposal, lifecycle, args.now, counting);
  if (here.nextAt === undefined) return here.status;
  const later = statusAt(proposal, lifecycle, here.nextAt, undefined);
  return { ...here.status, next: { phase: later.status.phase, at: here.nextAt } };
}

/** Only the phase of `proposalStatus`, without looking ahead to what comes next. */
export function proposalPhase(args: {
  readonly proposal: Proposal;
  readonly now: number;
  readonly counting?: CountingModule;
}): Phase {
  const lifecycle = composeLifecycle({
    policy: args.proposal.policy,
    ...(args.counting === undefined ? {} : { counting: args.counting }),
  });
  // No tally so far and no status: deciding an act needs the phase only, and a vote must not
  // cost a count.
  const settled = lifecycle.settle({ proposal: args.proposal, now: args.now, self: lifecycle });
  return settled.kind === 'passed' ? passedPhase(args.proposal, settled, args.now) : settled.phase;
}

/** The phase of a proposal that passed: executed, expired past its grace period, or passed. */
function passedPhase(
  proposal: Proposal,
  settled: { readonly readyAt: number },
  now: number,
): 'executed' | 'expired' | 'passed' {
  if (proposal.executedAt !== undefined) return 'executed';
  return now >= settled.readyAt + ms(GRACE_PERIOD_SECONDS) ? 'expired' : 'passed';
}

function statusAt(
  proposal: Proposal,
  lifecycle: Lifecycle,
  now: number,
  /** Given, the tally so far is included; the lifecycle holds its own module for settling. */
  counting: CountingModule | undefined,
): { status: ProposalStatus; nextAt?: number } {
  const settled = lifecycle.settle({ proposal, now, self: lifecycle });
  const votingEnd = lifecycle.votingEnd({ proposal, self: lifecycle });
  const base = {
    lifecycle: lifecycle.describe,
    ...(votingEnd === undefined ? {} : { votingEnd }),
    ...countSoFar(proposal, now, votingEnd, counting),
  };
  if (settled.kind === 'open')
    return {
      status: { ...base, phase: settled.phase, executable: false },
      ...(settled.nextAt === undefined ? {} : { nextAt: settled.nextAt }),
    };
  if (settled.kind === 'closed')
    return {
      status: {
        ...base,
        phase: settled.phase,
        executable: false,
        closedAt: settled.at,
        reason: settled.reason,
      },
    };
  const timing = { passedAt: settled.passedAt, readyAt: settled.readyAt };
  const expiry = settled.readyAt + ms(GRACE_PERIOD_SECONDS);
  const phase = passedPhase(proposal, settled, now);
  if (phase === 'executed')
    return {
      status: { ...base, ...timing, phase, executable: false, closedAt: proposal.executedAt! },
    };
  if (phase === 'expired')
    return { status: { ...base, ...timing, phase, executable: false, closedAt: expiry } };
  return { status: { ...base, ...timing, phase, executable: true }, nextAt: expiry };
}

function countSoFar(
  proposal: Proposal,
  now: number,
  votingEnd: number | undefined,
  counting: CountingModule | undefined,
): { tally?: TallyResult; gates?: GateProgress[] } {
  const policy = proposal.policy;
  if (!METHOD_RULES[policy.method].counted || counting === undefined || votingEnd === undefined) return {};
  if (now < consultationEnd(proposal)) return {};
  const count = countBallots({ proposal, counting, before: Math.min(now + 1, votingEnd) });
  const input = { ...count, total: proposal.electorate.total };
  const gates: GateProgress[] = [];
  if (policy.quorum !== undefined) gates.push(quorumGate(policy.quorum).check(input));
  if (policy.minVoters !== undefined) gates.push(minVotersGate(policy.minVoters).check(input));
  return { tally: count.tally, gates };
}
