import { explainPolicy, type PolicyExplanation } from '../../policy/describePolicy.js';
import type { OrgState } from '../../state/OrgState.js';
import type { TallyResult } from '../counting/CountingModule.js';
import { COUNTING_MODULE_BY_METHOD } from '../counting/countingModules.js';
import type { Phase } from '../lifecycle/Lifecycle.js';
import type { JsonObject, JsonValue, Proposal } from '../lifecycle/Proposal.js';
import type { GateProgress } from '../lifecycle/ProposalGate.js';
import { proposalFromJson } from '../lifecycle/proposalJson.js';
import { proposalStatus } from '../lifecycle/proposalStatus.js';

/** A proposal in the list: what it is and where it stands, with the next step and when. */
export interface ProposalSummary {
  readonly id: string;
  readonly unit: string;
  readonly kind: string;
  readonly title?: string;
  readonly proposer: string;
  readonly phase: Phase;
  /** When time alone moves it on, to which phase (ISO-8601 UTC), and in how many seconds from `now`. */
  readonly next?: { readonly phase: Phase; readonly at: string; readonly inSeconds: number };
  readonly executable: boolean;
  readonly openedAt: string;
}

/** One proposal in full: the summary, what is proposed, the ballot so far and the tally. */
export interface ProposalDetail extends ProposalSummary {
  readonly subject: JsonObject;
  readonly method: string;
  /** The policy the proposal runs under (the one in force when it opened), in plain words. */
  readonly policyWords: PolicyExplanation;
  readonly options: readonly string[];
  readonly lifecycle: string;
  readonly votingEnd?: string;
  readonly readyAt?: string;
  readonly closedAt?: string;
  readonly reason?: string;
  readonly tally?: TallyResult;
  readonly gates?: readonly GateProgress[];
  readonly ballots: readonly {
    readonly voter: string;
    readonly ballot: JsonValue;
    readonly reason?: string;
    readonly at: string;
  }[];
  readonly objections: readonly { readonly by: string; readonly reason: string; readonly at: string }[];
  readonly advice: readonly {
    readonly by: string;
    readonly party: string;
    readonly text: string;
    readonly at: string;
  }[];
  readonly vetoes: readonly {
    readonly by: string;
    readonly body: string;
    readonly reason?: string;
    readonly at: string;
  }[];
  readonly decision?: {
    readonly by: string;
    readonly outcome: string;
    readonly reason?: string;
    readonly at: string;
  };
  readonly executedAt?: string;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function proposalsOf(state: OrgState): Proposal[] {
  return Object.values(state.proposals)
    .map((json) => proposalFromJson(json))
    .sort((a, b) => a.openedAt - b.openedAt || a.id.localeCompare(b.id));
}

function summarize(proposal: Proposal, now: number) {
  const status = proposalStatus({
    proposal,
    now,
    counting: COUNTING_MODULE_BY_METHOD[proposal.policy.method],
  });
  const summary: ProposalSummary = {
    id: proposal.id,
    unit: proposal.unit,
    kind: proposal.kind,
    ...(proposal.title === undefined ? {} : { title: proposal.title }),
    proposer: proposal.proposer,
    phase: status.phase,
    ...(status.next === undefined
      ? {}
      : {
          next: {
            phase: status.next.phase,
            at: iso(status.next.at),
            inSeconds: Math.max(0, Math.ceil((status.next.at - now) / 1000)),
          },
        }),
    executable: status.executable,
    openedAt: iso(proposal.openedAt),
  };
  return { summary, status };
}

/**
 * Every proposal of an organization as it stands at `now` (epoch ms), oldest first: phase, next
 * step and countdown, derived by the lifecycle's `proposalStatus` — nothing stored is trusted
 * for the phase.
 *
 * @example
 * listProposals({ state, now: Date.now() })[0] // { id: 'p-1', phase: 'voting', next: { phase: 'timelock', at: '…', inSeconds: 3600 }, … }
 */
export function listProposals(args: { state: OrgState; now: number }): ProposalSummary[] {
  return proposalsOf(args.state).map((proposal) => summarize(proposal, args.now).summary);
}

/**
 * One proposal at `now` in full: the ballots with their reasons, objections, advice, vetoes, the
 * tally so far and its gates, and what happens next and when. Undefined when there is no such
 * proposal.
 *
 * @example
 * proposalDetail({ state, id: 'p-1', now: Date.now() })?.tally?.outcome // 'passed'
 */
export function proposalDetail(args: {
  state: OrgState;
  id: string;
  now: number;
}): ProposalDetail | undefined {
  const json = args.state.proposals[args.id];
  if (json === undefined) return undefined;
  const proposal = proposalFromJson(json);
  const { summary, status } = summarize(proposal, args.now);
  return {
    ...summary,
    subject: proposal.subject,
    method: proposal.policy.method,
    policyWords: explainPolicy({ policy: proposal.policy, organization: args.state.organization }),
    options: proposal.options,
    lifecycle: status.lifecycle,
    ...(status.votingEnd === undefined ? {} : { votingEnd: iso(status.votingEnd) }),
    ...(status.readyAt === undefined ? {} : { readyAt: iso(status.readyAt) }),
    ...(status.closedAt === undefined ? {} : { closedAt: iso(status.closedAt) }),
    ...(status.reason === undefined ? {} : { reason: status.reason }),
    ...(status.tally === undefined ? {} : { tally: status.tally }),
    ...(status.gates === undefined ? {} : { gates: status.gates }),
    ballots: proposal.ballots.map((b) => ({ ...b, at: iso(b.at) })),
    objections: proposal.objections.map((o) => ({ ...o, at: iso(o.at) })),
    advice: proposal.advice.map((a) => ({ ...a, at: iso(a.at) })),
    vetoes: proposal.vetoes.map((v) => ({ ...v, at: iso(v.at) })),
    ...(proposal.decision === undefined
      ? {}
      : { decision: { ...proposal.decision, at: iso(proposal.decision.at) } }),
    ...(proposal.executedAt === undefined ? {} : { executedAt: iso(proposal.executedAt) }),
  };
}
