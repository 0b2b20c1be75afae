import { DevolveError } from '../../errors/DevolveError.js';
import type { MethodName } from '../../policy/MethodName.js';
import type { CountingModule } from '../counting/CountingModule.js';
import { countBallots } from './countBallots.js';
import { consultationEnd, GRACE_PERIOD_SECONDS, type Lifecycle, ms, type Settlement } from './Lifecycle.js';
import type { Proposal } from './Proposal.js';
import type { ProposalGate } from './ProposalGate.js';

/**
 * The base lifecycle of a decision method, before any extension wraps it.
 *
 * Every method: a draft until `openedAt`, then consultation while the policy's consultation
 * period runs. Then, by method:
 * - counted methods (majority, supermajority, approval, ranked choice, quadratic, weighted split):
 *   voting for the policy's period; when it ends the ballots are counted through the counting
 *   module, every gate (quorum, minimum voters) must be met, and a `passed` or `decided` count passes;
 *   `rejected` or `tied` rejects.
 * - consent: the same period is an objection window; the first reasoned objection rejects at
 *   once; with none, the proposal passes when the window ends.
 * - single owner: a decider decides; advice process: the proposer decides once every consulted
 *   party has given advice (consultation lasts until then). Undecided after the grace period,
 *   counted from the end of the consultation period, the proposal expires.
 * - optimistic: passes when consultation ends (the veto window that must wrap it may stop it).
 */
export function baseLifecycle(args: {
  readonly method: MethodName;
  readonly counted: boolean;
  readonly counting?: CountingModule;
  readonly gates: readonly ProposalGate[];
}): Lifecycle {
  const { method, counted, gates } = args;
  const describe = [method, ...gates.map((gate) => gate.describe)].join(' ');
  const votingEnd: Lifecycle['votingEnd'] = ({ proposal }) =>
    counted || method === 'consent' ? consultationEnd(proposal) + ms(proposal.policy.period ?? 0) : undefined;

  const settle: Lifecycle['settle'] = ({ proposal, now, self }) => {
    if (now < proposal.openedAt) return { kind: 'open', phase: 'draft', nextAt: proposal.openedAt };
    const start = consultationEnd(proposal);
    if (method === 'advice') return settleAdvice(proposal, now, start);
    if (now < start) return { kind: 'open', phase: 'consultation', nextAt: start };
    if (method === 'single-owner') return settleDecision(proposal, now, start);
    if (method === 'optimistic') return { kind: 'passed', passedAt: start, readyAt: start };
    const end = self.votingEnd({ proposal, self }) ?? start;
    if (method === 'consent') {
      const objection = proposal.objections.find((entry) => entry.at >= start && entry.at < end);
      if (objection !== undefined && objection.at <= now)
        return { kind: 'closed', phase: 'rejected', at: objection.at, reason: 'objection' };
      if (now < end) return { kind: 'open', phase: 'voting', nextAt: end };
      return { kind: 'passed', passedAt: end, readyAt: end };
    }
    if (now < end) return { kind: 'open', phase: 'voting', nextAt: end };
    if (args.counting === undefined)
      throw new DevolveError({
        code: 'proposal/counting-module-missing',
        message: `counting a ${method} proposal needs its counting module`,
        details: { method, proposal: proposal.id },
      });
    const count = countBallots({ proposal, counting: args.counting, before: end });
    for (const gate of gates) {
      const progress = gate.check({ ...count, total: proposal.electorate.total });
      if (!progress.met) return { kind: 'closed', phase: 'rejected', at: end, reason: gate.reason };
    }
    const outcome = count.tally.outcome;
    if (outcome === 'passed' || outcome === 'decided') return { kind: 'passed', passedAt: end, readyAt: end };
    return { kind: 'closed', phase: 'rejected', at: end, reason: outcome === 'tied' ? 'tied' : 'outcome' };
  };
  return { describe, votingEnd, settle };
}

function settleDecision(proposal: Proposal, now: number, start: number): Settlement {
  const decision = proposal.decision;
  if (decision !== undefined && decision.at <= now) {
    if (decision.outcome === 'passed') return { kind: 'passed', passedAt: decision.at, readyAt: decision.at };
    return { kind: 'closed', phase: 'rejected', at: decision.at, reason: 'decided-against' };
  }
  const deadline = start + ms(GRACE_PERIOD_SECONDS);
  if (now >= deadline) return { kind: 'closed', phase: 'expired', at: deadline, reason: 'undecided' };
  return { kind: 'open', phase: 'deciding', nextAt: deadline };
}

function settleAdvice(proposal: Proposal, now: number, start: number): Settlement {
  const settled = settleDecision(proposal, now, start);
  if (settled.kind !== 'open') return settled;
  return { ...settled, phase: allAdviceGiven(proposal, now) ? 'deciding' : 'consultation' };
}

/** Every consulted party has at least one piece of advice recorded by one of its members. */
export function allAdviceGiven(proposal: Proposal, now: number): boolean {
  return proposal.electorate.consulted.every((party) =>
    proposal.advice.some((entry) => entry.party === party.party && entry.at <= now),
  );
}
