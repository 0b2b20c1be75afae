import { execute } from '../governance/lifecycle/execute.js';
import type { Proposal } from '../governance/lifecycle/Proposal.js';
import { type Infer, s } from '../schema/Schema.js';
import type { OrgState } from '../state/OrgState.js';
import type { ActionRecord } from './ActionRecord.js';
import { proposalIdSchema } from './proposalPayloadParts.js';
import { countingOf, proposalOf, withProposal } from './proposalRuntime.js';
import { PROPOSAL_SUBJECTS } from './proposalSubjects.js';

export const proposalExecutePayloadSchema = s
  .object({ proposal: proposalIdSchema() }, 'execution')
  .describe('Carry out a passed proposal once every window and timelock is over.');

/**
 * `proposal.execute` carries out a passed proposal: allowed only in the `passed` phase at the
 * event's `recordedAt` — after voting, the veto window and the timelock — by any member. Its
 * effect is its kind's (`PROPOSAL_SUBJECTS`): a level changed, a charter replaced, a commitment
 * changed, or the decision recorded; each checked again against the state now.
 */
export const proposalExecute: ActionRecord<
  Infer<typeof proposalExecutePayloadSchema>,
  { proposal: Proposal; changed: OrgState }
> = {
  kind: 'proposal.execute',
  summary: 'Execute a passed proposal: its effect on the organization happens now.',
  payload: proposalExecutePayloadSchema,
  signer: 'member',
  authorize({ state, event, payload, at }) {
    const proposal = proposalOf(state, payload.proposal);
    const executed = execute({ proposal, by: event.action.actor, now: at, counting: countingOf(proposal) });
    // The effect is worked out before anything is recorded: a stale effect refuses the action.
    const changed = PROPOSAL_SUBJECTS[proposal.kind].execute({ state, event, proposal, at });
    return { proposal: executed, changed };
  },
  apply({ event }, { proposal, changed }) {
    return withProposal(changed, event, proposal);
  },
};
