import { DevolveError } from '../../errors/DevolveError.js';
import type { ProblemIn } from '../../errors/ErrorCode.js';
import { METHOD_RULES } from '../../policy/methodRules.js';
import type { SchemaIssue } from '../../schema/Schema.js';
import type { CountingModule } from '../counting/CountingModule.js';
import { potentialWeight } from '../electorate/applyDelegations.js';
import type { Phase } from './Lifecycle.js';
import type { Proposal } from './Proposal.js';
import type { ProposalAct } from './ProposalAct.js';
import { proposalPhase } from './proposalStatus.js';

/**
 * The one place that says who may do what to a proposal, and when. Returns the refusal as a
 * `DevolveError` (code `proposal/…`), or undefined when the act is allowed. Acts then only record.
 *
 * Rules, by act (the phase is `proposalStatus` at `now`):
 * 1. vote — phase `voting` of a counted method; the voter carries weight, their own or delegated
 *    to them; the ballot has the counting module's shape and passes its `checkBallot`. Voting
 *    again before the close replaces the voter's earlier ballot.
 * 2. object — phase `voting` of a consent decision; by a decider; a reason is always required.
 * 3. advise — phase `consultation` (or, for the advice process, `deciding` too); by a member of
 *    the consulted party the advice answers for; the advice has text.
 * 4. decide — phase `deciding`; single owner: by a decider; advice process: by the proposer alone.
 * 5. veto — phase `veto-window`; by a member of the veto body; once per member and body.
 * 6. execute — phase `passed` (every window and timelock is over); by anyone who signs.
 * 7. expire — phase `expired` and not yet recorded; by anyone who signs.
 * Where the policy requires a rationale, votes, decisions and vetoes must carry a reason.
 */
export function checkAct(args: {
  readonly proposal: Proposal;
  readonly act: ProposalAct;
  readonly now: number;
  readonly counting?: CountingModule;
}): DevolveError | undefined {
  const { proposal, act, now } = args;
  // Votes are by far the most frequent act: checked without making the helpers below.
  if (act.kind === 'vote') return checkVote(proposal, act, now, args.counting);
  const policy = proposal.policy;
  const refuse = (code: ProblemIn<'proposal'>, message: string, details: Record<string, unknown> = {}) =>
    refusal(proposal, act, code, message, details);
  // The phase is derived only when a rule needs it, after the method rules: a counted proposal
  // past its close needs its counting module to say whether it passed.
  const phaseNow = (): Phase =>
    proposalPhase({ proposal, now, ...(args.counting === undefined ? {} : { counting: args.counting }) });
  const wrongPhase = (allowed: readonly Phase[]) => {
    const phase = phaseNow();
    return allowed.includes(phase)
      ? undefined
      : refuse('wrong-phase', `cannot ${act.kind} while the proposal is in ${phase}`, { phase, allowed });
  };
  const wrongMethod = (methods: readonly string[]) =>
    methods.includes(policy.method)
      ? undefined
      : refuse('wrong-method', `a ${policy.method} proposal takes no ${act.kind}`, { method: policy.method });
  const rationale = (reason: string | undefined) =>
    policy.rationale === 'required' && isBlank(reason)
      ? refuse('reason-required', `the policy requires a reason to ${act.kind}`)
      : undefined;

  switch (act.kind) {
    case 'object':
      return (
        wrongMethod(['consent']) ??
        wrongPhase(['voting']) ??
        (proposal.electorate.deciders.includes(act.by)
          ? undefined
          : refuse('not-a-decider', `${act.by} is not among those who decide by consent`)) ??
        (isBlank(act.reason) ? refuse('reason-required', 'an objection must give its reason') : undefined)
      );
    case 'advise': {
      const party = consultedParty(proposal, act.by, act.party);
      return (
        wrongPhase(policy.method === 'advice' ? ['consultation', 'deciding'] : ['consultation']) ??
        (party === undefined
          ? refuse(
              'not-consulted',
              `${act.by} is not consulted${act.party === undefined ? '' : ` for ${act.party}`}`,
            )
          : undefined) ??
        (isBlank(act.text) ? refuse('advice-empty', 'advice needs some text') : undefined)
      );
    }
    case 'decide':
      return (
        wrongMethod(['single-owner', 'advice']) ??
        wrongPhase(['deciding']) ??
        (policy.method === 'advice'
          ? act.by === proposal.proposer
            ? undefined
            : refuse('not-proposer', 'in the advice process only the proposer decides')
          : proposal.electorate.deciders.includes(act.by)
            ? undefined
            : refuse('not-a-decider', `${act.by} may not decide this proposal`)) ??
        rationale(act.reason)
      );
    case 'veto': {
      const body = vetoBody(proposal, act.by, act.body);
      return (
        wrongPhase(['veto-window']) ??
        (body === undefined ? refuse('not-a-vetoer', `${act.by} may not veto this proposal`) : undefined) ??
        (proposal.vetoes.some((veto) => veto.by === act.by && veto.body === body)
          ? refuse('duplicate-veto', `${act.by} has already vetoed this proposal`)
          : undefined) ??
        rationale(act.reason)
      );
    }
    case 'execute':
      return wrongPhase(['passed']);
    case 'expire':
      return (
        wrongPhase(['expired']) ??
        (proposal.expiredAt === undefined
          ? undefined
          : refuse('wrong-phase', 'the expiry is already recorded'))
      );
  }
}

function refusal(
  proposal: Proposal,
  act: ProposalAct,
  code: ProblemIn<'proposal'>,
  message: string,
  details: Record<string, unknown> = {},
): DevolveError {
  return new DevolveError({
    code: `proposal/${code}`,
    message,
    details: { proposal: proposal.id, act: act.kind, by: act.by, ...details },
  });
}

/** Rule 1 of `checkAct`: a vote. */
function checkVote(
  proposal: Proposal,
  act: Extract<ProposalAct, { kind: 'vote' }>,
  now: number,
  counting: CountingModule | undefined,
): DevolveError | undefined {
  const policy = proposal.policy;
  if (!METHOD_RULES[policy.method].counted)
    return refusal(proposal, act, 'wrong-method', `a ${policy.method} proposal takes no votes`, {
      method: policy.method,
    });
  if (counting === undefined)
    return refusal(
      proposal,
      act,
      'counting-module-missing',
      `voting on a ${policy.method} proposal needs its counting module`,
    );
  const weight = potentialWeight({
    weights: proposal.electorate.weights,
    delegations: proposal.delegations,
    voter: act.by,
  });
  const phase = proposalPhase({ proposal, now, counting });
  if (phase !== 'voting')
    return refusal(proposal, act, 'wrong-phase', `cannot vote while the proposal is in ${phase}`, {
      phase,
      allowed: ['voting'],
    });
  if (weight <= 0n)
    return refusal(proposal, act, 'not-in-electorate', `${act.by} has no vote on this proposal`);
  return (
    ballotRefusal(proposal, act, counting) ??
    (policy.rationale === 'required' && isBlank(act.reason)
      ? refusal(proposal, act, 'reason-required', 'the policy requires a reason to vote')
      : undefined)
  );
}

/**
 * `checkAct`, throwing the refusal: what every act function calls before it records anything.
 * `counting` may be given as undefined (an act on a method that counts no ballots).
 */
export function requireAct(args: {
  readonly proposal: Proposal;
  readonly act: ProposalAct;
  readonly now: number;
  readonly counting?: CountingModule | undefined;
}): void {
  // checkAct reads an absent and an undefined `counting` alike, so args pass as they are.
  const refusal = checkAct(args as Parameters<typeof checkAct>[0]);
  if (refusal !== undefined) throw refusal;
}

/** The consulted party an adviser answers for: the one named, or the first that lists them. */
export function consultedParty(
  proposal: Proposal,
  by: string,
  named: string | undefined,
): string | undefined {
  return proposal.electorate.consulted.find(
    (party) => (named === undefined || party.party === named) && party.members.includes(by),
  )?.party;
}

/** The veto body a veto counts for: the one named, or the first that lists the member. */
export function vetoBody(proposal: Proposal, by: string, named: string | undefined): string | undefined {
  return proposal.electorate.vetoBodies.find(
    (body) => (named === undefined || body.party === named) && body.members.includes(by),
  )?.party;
}

/** The refusal of a vote whose ballot has not its counting module's shape, or that `checkBallot` refuses. */
function ballotRefusal(
  proposal: Proposal,
  act: Extract<ProposalAct, { kind: 'vote' }>,
  counting: CountingModule,
): DevolveError | undefined {
  const issues: SchemaIssue[] = [];
  if (!counting.ballot.validate(act.ballot, [], issues))
    return refusal(
      proposal,
      act,
      'invalid-ballot',
      `not a ${counting.method} ballot: ${issues[0]?.message ?? 'wrong shape'}`,
      {
        issues,
      },
    );
  const reason = counting.checkBallot({ ballot: act.ballot, options: proposal.options });
  return reason === undefined ? undefined : refusal(proposal, act, 'invalid-ballot', reason);
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
