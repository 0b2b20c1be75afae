import type { JsonObject, Proposal, ProposalKind } from '../governance/lifecycle/Proposal.js';
import type { LogEvent } from '../log/LogEvent.js';
import type { Policy, Unit } from '../model/Organization.js';
import type { OrgState } from '../state/OrgState.js';

/** What opening a proposal of a kind settles: the policy it is decided under and what is stored. */
export interface OpenedSubject {
  readonly policy: Policy;
  /** The ladder position whose policy decides it (the ratchet may pick one above the current level). */
  readonly level: number;
  /** The subject as stored on the proposal (`level` is added to it). */
  readonly subject: JsonObject;
}

/**
 * One kind of proposal (decision, slider-move, charter-change, commitment): the payload key that
 * marks its subject, how it is opened (checks, and the policy the ratchet picks) and what executing
 * it does to the organization. `proposal.create` and `proposal.execute` read these from
 * `PROPOSAL_SUBJECTS`, one file each.
 */
export interface ProposalSubjectKind<Subject = unknown> {
  readonly kind: ProposalKind;
  /** The key that tells this kind's subject apart in a `proposal.create` payload. */
  readonly key: string;
  open(args: { state: OrgState; unit: Unit; subject: Subject; at: number; actor: string }): OpenedSubject;
  /** The state once the passed proposal is carried out, checked again against the state now. */
  execute(args: { state: OrgState; event: LogEvent; proposal: Proposal; at: number }): OrgState;
}
