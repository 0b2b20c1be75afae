import { balancesSchema, instantSchema } from '../charter/charterSchema.js';
import { COUNTING_MODULE_BY_METHOD } from '../governance/counting/countingModules.js';
import { openProposal } from '../governance/lifecycle/openProposal.js';
import { type JsonObject, PROPOSAL_KINDS, type Proposal } from '../governance/lifecycle/Proposal.js';
import type { Policy } from '../model/Organization.js';
import { type Infer, s } from '../schema/Schema.js';
import type { WeightSnapshot } from '../state/OrgState.js';
import { parseInstant } from '../time/Instant.js';
import type { ActionRecord } from './ActionRecord.js';
import { proposalIdSchema, subjectSchema } from './proposalPayloadParts.js';
import { delegationsOf, unitOf, withProposal } from './proposalRuntime.js';
import { PROPOSAL_SUBJECTS } from './proposalSubjects.js';
import { refuse } from './refuse.js';

export const proposalCreatePayloadSchema = s
  .object(
    {
      id: proposalIdSchema(),
      unit: s.string({ minLength: 1, maxLength: 64 }).describe('The unit the proposal concerns.'),
      kind: s.enum(PROPOSAL_KINDS, 'proposal kind'),
      title: s.string({ minLength: 1, maxLength: 200 }).describe('One line naming the proposal.'),
      body: s.optional(s.string({ maxLength: 20_000 }).describe('The full text: context and reasoning.')),
      subject: subjectSchema(),
      snapshot: s.optional(
        s
          .object(
            {
              at: instantSchema().describe(
                'The instant the balances stand at (not after the proposal opens).',
              ),
              balances: balancesSchema().describe(
                'Holder (member id or 0x address) → balance in base units, as a decimal string.',
              ),
            },
            'holdings snapshot',
          )
          .describe(
            'The token balances the vote is weighed by, when the policy weighs by a token: recorded in the log so anyone can recompute the tally.',
          ),
      ),
      options: s.optional(
        s
          .array(s.string({ minLength: 1, maxLength: 200 }), { minItems: 2 })
          .describe('Named options, for multi-option methods.'),
      ),
    },
    'proposal',
  )
  .describe('Open a proposal on a unit, decided under the policy of its current level.');

type Payload = Infer<typeof proposalCreatePayloadSchema>;

/**
 * `proposal.create` opens a proposal on a unit. Its kind picks the policy it is decided under
 * (`PROPOSAL_SUBJECTS`: the unit's current level, or the level the ratchet names for a move down
 * or a loosening change), and the actor must be among that policy's proposers at the action's
 * time, role terms honoured (`openProposal`). The electorate — weights, delegations in force, veto
 * bodies, consulted parties — is fixed now and stored with the proposal; a token-weighted policy
 * needs the payload's holdings `snapshot`, which is recorded under the proposal's id.
 */
/**
 * The holdings a token-weighted policy counts, from the payload's snapshot: refused when it stands
 * after the proposal opens. Other weights take none (a snapshot given to them is not recorded).
 */
function snapshotOf(
  policy: Policy,
  snapshot: Payload['snapshot'],
  at: number,
): { holdings: Map<string, bigint>; recorded: WeightSnapshot } | undefined {
  if (policy.weight.kind !== 'token' || snapshot === undefined) return undefined;
  const instant = parseInstant(snapshot.at);
  const when = instant.ok ? instant.epochMs : Number.NaN;
  if (!(when <= at))
    throw refuse(
      'snapshot-after-opening',
      'the holdings snapshot must stand at or before the proposal opens',
      {
        at: snapshot.at,
      },
    );
  return {
    holdings: new Map(
      Object.entries(snapshot.balances).map(([holder, balance]) => [holder, BigInt(balance)]),
    ),
    recorded: {
      token: policy.weight.token,
      at: new Date(when).toISOString(),
      balances: { ...snapshot.balances },
    },
  };
}

export const proposalCreate: ActionRecord<
  Payload,
  { proposal: Proposal; snapshot: WeightSnapshot | undefined }
> = {
  kind: 'proposal.create',
  summary:
    'Open a proposal on a unit under the policy of its current level (the ratchet picks the level for moves down and loosening changes).',
  payload: proposalCreatePayloadSchema,
  signer: 'member',
  authorize({ state, event, payload, at }) {
    if (state.proposals[payload.id] !== undefined)
      throw refuse('proposal-exists', `there is already a proposal '${payload.id}'`, {
        proposal: payload.id,
      });
    const unit = unitOf(state, payload.unit);
    const kind = PROPOSAL_SUBJECTS[payload.kind];
    if (!Object.hasOwn(payload.subject, kind.key))
      throw refuse('wrong-subject', `a ${payload.kind} proposal's subject needs '${kind.key}'`, {
        kind: payload.kind,
        key: kind.key,
      });
    const actor = event.action.actor;
    const opened = kind.open({ state, unit, subject: payload.subject, at, actor });
    const snapshot = snapshotOf(opened.policy, payload.snapshot, at);
    const proposal = openProposal({
      id: payload.id,
      organization: state.organization,
      unit: unit.id,
      kind: payload.kind,
      subject: {
        ...opened.subject,
        level: opened.level,
        ...(payload.body === undefined ? {} : { body: payload.body }),
      } as JsonObject,
      title: payload.title,
      proposer: actor,
      policy: opened.policy,
      ...(payload.options === undefined ? {} : { options: payload.options }),
      now: at,
      delegations: delegationsOf(state),
      counting: COUNTING_MODULE_BY_METHOD[opened.policy.method],
      ...(snapshot === undefined ? {} : { holdings: snapshot.holdings }),
    });
    return { proposal, snapshot: snapshot?.recorded };
  },
  apply({ state, event }, { proposal, snapshot }) {
    const next = withProposal(state, event, proposal);
    return snapshot === undefined
      ? next
      : { ...next, snapshots: { ...next.snapshots, [proposal.id]: snapshot } };
  },
};
