import type { CountingModule } from '../governance/counting/CountingModule.js';
import type { Proposal } from '../governance/lifecycle/Proposal.js';
import type { Schema } from '../schema/Schema.js';
import type { ActionRecord } from './ActionRecord.js';
import { countingOf, proposalOf, withProposal } from './proposalRuntime.js';

/** What an act on a proposal is given: the proposal as recorded, who acts, when (`recordedAt`), its method. */
export interface ActInput<Payload> {
  readonly proposal: Proposal;
  readonly payload: Payload;
  readonly actor: string;
  readonly at: number;
  readonly counting: CountingModule;
}

/**
 * The record of an action that acts on one proposal (vote, object, advise, decide, veto): it reads
 * the proposal named in the payload and hands it to the lifecycle's act, which checks who may act
 * in which phase (`checkAct`, the one place for those rules) and returns the proposal with the act
 * recorded; `apply` stores it. The phase is derived at the event's `recordedAt`, never from the
 * client's `issuedAt`.
 */
export function proposalActRecord<Payload extends { readonly proposal: string }>(args: {
  kind: string;
  summary: string;
  payload: Schema<Payload>;
  act(input: ActInput<Payload>): Proposal;
}): ActionRecord<Payload, Proposal> {
  return {
    kind: args.kind,
    summary: args.summary,
    payload: args.payload,
    signer: 'member',
    authorize({ state, event, payload, at }) {
      const proposal = proposalOf(state, payload.proposal);
      return args.act({ proposal, payload, actor: event.action.actor, at, counting: countingOf(proposal) });
    },
    apply({ state, event }, proposal) {
      return withProposal(state, event, proposal);
    },
  };
}
