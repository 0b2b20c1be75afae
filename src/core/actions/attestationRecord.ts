import { idSchema } from '../charter/charterSchema.js';
import { linkSchema } from '../evidence/evidenceSchema.js';
import type { Criterion, Organization, Unit } from '../model/Organization.js';
import { unitCriteria } from '../readiness/collectCriteria.js';
import { type Infer, s } from '../schema/Schema.js';
import type { OrgState, RecordedAttestation } from '../state/OrgState.js';
import { roleMembersAt } from '../state/roleMembersAt.js';
import type { ActionRecord } from './ActionRecord.js';
import { refuse } from './refuse.js';

const itemShape = {
  unit: idSchema().describe('The unit whose checklist item is attested.'),
  checklist: idSchema().describe("The checklist item's id, as the unit's readiness or requirements name it."),
};

export const attestationRecordPayloadSchema = s
  .object(
    {
      ...itemShape,
      evidence: s.optional(
        linkSchema().describe('A link to the evidence (required where the item says so).'),
      ),
      note: s.optional(s.string({ minLength: 1, maxLength: 2_000 }).describe('What the attester checked.')),
    },
    'attestation',
  )
  .describe(
    "Attest, as a member entitled to, that a unit's checklist item holds; replaces the actor's earlier attestation of it.",
  );

export const attestationWithdrawPayloadSchema = s
  .object(itemShape, 'attestation withdrawal')
  .describe("Withdraw the actor's own attestation of a unit's checklist item.");

type ChecklistCriterion = Extract<Criterion, { kind: 'checklist' }>;

/** The unit's declarations of checklist item `id` (it may appear at several levels). */
function declarationsOf(unit: Unit, id: string): ChecklistCriterion[] {
  return unitCriteria(unit).filter((c): c is ChecklistCriterion => c.kind === 'checklist' && c.id === id);
}

/** The roles that may attest a declaration: the ones it names, else the unit's owners. */
export function attesterRoles(unit: Unit, declaration: ChecklistCriterion): readonly string[] {
  return declaration.attesters ?? unit.owners;
}

/**
 * Who may attest checklist item `checklist` of `unit`, in one place: the item must be declared by
 * the unit (`action/unknown-checklist`); the actor must hold, at `at` (terms honoured), a role one
 * of its declarations names as `attesters` — the unit's owners where a declaration names none
 * (`action/not-an-attester`); and where any declaration requires evidence, the attestation must
 * link to it (`action/evidence-required`). Returns the role that entitles the actor.
 *
 * @example
 * checkAttester({ organization, unit: 'bridge', checklist: 'audit', actor: 'priya', at, evidence: 'https://…' }) // 'security'
 */
export function checkAttester(args: {
  organization: Organization;
  unit: string;
  checklist: string;
  actor: string;
  at: number;
  evidence: string | undefined;
}): string {
  const { organization, checklist, actor, at } = args;
  const unit = organization.units.find((u) => u.id === args.unit);
  if (unit === undefined)
    throw refuse('unknown-checklist', `there is no unit '${args.unit}' in ${organization.name}`, {
      unit: args.unit,
      checklist,
    });
  const declarations = declarationsOf(unit, checklist);
  if (declarations.length === 0)
    throw refuse('unknown-checklist', `unit '${unit.id}' has no checklist item '${checklist}'`, {
      unit: unit.id,
      checklist,
      known: [...new Set(unitCriteria(unit).flatMap((c) => (c.kind === 'checklist' ? [c.id] : [])))],
    });
  const roles = [...new Set(declarations.flatMap((d) => attesterRoles(unit, d)))];
  const role = roles.find((r) => roleMembersAt({ organization, roles: [r], at }).has(actor));
  if (role === undefined)
    throw refuse(
      'not-an-attester',
      `'${actor}' may not attest '${checklist}' of unit '${unit.id}': only current members of ${roles.join(', ')} may`,
      { unit: unit.id, checklist, actor, roles },
    );
  if (args.evidence === undefined && declarations.some((d) => d.evidenceRequired))
    throw refuse(
      'evidence-required',
      `checklist item '${checklist}' of unit '${unit.id}' needs an evidence link`,
      { unit: unit.id, checklist },
      'give the link with --evidence <url>',
    );
  return role;
}

const sameItem = (a: RecordedAttestation, unit: string, checklist: string, by: string) =>
  a.unit === unit && a.checklist === checklist && a.by === by;

/** The state after an attestation action: `attestations` in force. */
function withAttestations(
  { state, event }: { state: OrgState; event: { seq: number; hash: string } },
  attestations: readonly RecordedAttestation[],
): OrgState {
  return { ...state, seq: event.seq, head: event.hash, attestations };
}

/**
 * `attestation.record`: a member signs that a unit's checklist item holds, with the link to the
 * evidence and a note. Only members entitled by the charter at that moment may (`checkAttester`).
 * The signed attestation is what readiness counts as met (file attestations count too, but are
 * shown as unsigned). It replaces the actor's own earlier attestation of the same item.
 */
export const attestationRecord: ActionRecord<
  Infer<typeof attestationRecordPayloadSchema>,
  RecordedAttestation[]
> = {
  // Declared like charterAmend.ts and every action record, by design: one record per action kind holds its
  // rule.
  kind: 'attestation.record',
  summary: 'Attest, signed, that a checklist item of a unit holds, with its evidence link.',
  payload: attestationRecordPayloadSchema,
  signer: 'member',
  authorize({ state, event, payload, at }) {
    const by = event.action.actor;
    const role = checkAttester({
      organization: state.organization,
      unit: payload.unit,
      checklist: payload.checklist,
      actor: by,
      at,
      evidence: payload.evidence,
    });
    const recorded: RecordedAttestation = {
      unit: payload.unit,
      checklist: payload.checklist,
      by,
      role,
      ...(payload.evidence === undefined ? {} : { evidence: payload.evidence }),
      ...(payload.note === undefined ? {} : { note: payload.note }),
      seq: event.seq,
      at: event.recordedAt,
    };
    const others = (state.attestations ?? []).filter(
      (a) => !sameItem(a, payload.unit, payload.checklist, by),
    );
    return [...others, recorded];
  },
  apply: withAttestations,
};

/** `attestation.withdraw`: a member withdraws their own signed attestation of an item. */
export const attestationWithdraw: ActionRecord<
  Infer<typeof attestationWithdrawPayloadSchema>,
  RecordedAttestation[]
> = {
  kind: 'attestation.withdraw',
  summary: 'Withdraw the actor’s own signed attestation of a checklist item.',
  payload: attestationWithdrawPayloadSchema,
  signer: 'member',
  authorize({ state, event, payload }) {
    const by = event.action.actor;
    const all = state.attestations ?? [];
    const remaining = all.filter((a) => !sameItem(a, payload.unit, payload.checklist, by));
    if (remaining.length === all.length)
      throw refuse(
        'no-attestation',
        `'${by}' has no attestation of '${payload.checklist}' of unit '${payload.unit}' to withdraw`,
        { unit: payload.unit, checklist: payload.checklist, actor: by },
      );
    return remaining;
  },
  apply: withAttestations,
};
