import type { CharterInput } from '../charter/charterSchema.js';
import type { Infer } from '../schema/Schema.js';
import type { OrgState } from '../state/OrgState.js';
import { readCharter } from './charterPayload.js';
import type { ProposalSubjectKind } from './ProposalSubjectKind.js';
import type { commitmentSchema } from './proposalPayloadParts.js';
import { levelIndex, runtimeLevel, unitOf } from './proposalRuntime.js';
import { refuse } from './refuse.js';
import { replaceCharter, requireDecidedHighEnough } from './replaceCharter.js';

type CommitmentInput = Infer<ReturnType<typeof commitmentSchema>>;

export interface CommitmentSubject {
  readonly action: 'add' | 'extend' | 'cancel';
  readonly commitment: CommitmentInput;
}

/** The charter with the commitment change made to `unit`'s commitments, resolved. */
function changedCharter(state: OrgState, unitId: string, subject: CommitmentSubject) {
  const unit = unitOf(state, unitId);
  const { action, commitment } = subject;
  const index = unit.commitments.findIndex((c) => c.id === commitment.id);
  const existing = unit.commitments[index];
  const charter = structuredClone(state.charter) as CharterInput & {
    units: { id: string; commitments?: unknown[] }[];
  };
  const unitInput = charter.units.find((u) => u.id === unitId)!;
  const list = [...(unitInput.commitments ?? [])] as Record<string, unknown>[];
  if (action === 'add') {
    if (existing !== undefined)
      throw refuse('commitment-exists', `unit '${unitId}' already has commitment '${commitment.id}'`, {
        commitment: commitment.id,
      });
    if (commitment.level === undefined || commitment.by === undefined)
      throw refuse('invalid-commitment', 'a new commitment needs the level promised and the date by which', {
        commitment: commitment.id,
      });
    list.push({ ...commitment });
  } else {
    if (existing === undefined)
      throw refuse('unknown-commitment', `unit '${unitId}' has no commitment '${commitment.id}'`, {
        commitment: commitment.id,
        known: unit.commitments.map((c) => c.id),
      });
    if (action === 'cancel') list.splice(index, 1);
    else {
      const by = commitment.by === undefined ? Number.NaN : Date.parse(commitment.by);
      if (Number.isNaN(by) || (existing.by !== undefined && by <= existing.by))
        throw refuse('invalid-commitment', 'an extension names a date later than the one promised', {
          commitment: commitment.id,
        });
      list[index] = { ...list[index], id: commitment.id, by: commitment.by };
    }
  }
  (unitInput as { commitments?: unknown[] }).commitments = list;
  return { promised: existing?.level, resolved: readCharter(charter) };
}

/** Adding tightens (the current level decides); weakening a promise above it needs the promised level. */
function decidingLevel(
  state: OrgState,
  unit: string,
  action: CommitmentSubject['action'],
  promised: number | undefined,
): number {
  const current = runtimeLevel(state, unitOf(state, unit));
  return action === 'add' ? current : Math.max(current, promised ?? current);
}

/**
 * A commitment change: add a promise, extend its date, or cancel it. Adding tightens, decided
 * under the current policy; extending or cancelling weakens a promise, so it is decided under the
 * policy of the level promised when that is above the unit's current level.
 */
export const subjectCommitment: ProposalSubjectKind<CommitmentSubject> = {
  kind: 'commitment',
  key: 'action',
  open({ state, unit, subject }) {
    const { promised } = changedCharter(state, unit.id, subject);
    if (subject.action === 'add' && levelIndex(unit, subject.commitment.level!) === undefined)
      throw refuse('unknown-level', `unit '${unit.id}' has no level '${subject.commitment.level}'`, {
        unit: unit.id,
      });
    const level = decidingLevel(state, unit.id, subject.action, promised);
    return {
      policy: unit.levels[level]!.policy,
      level,
      subject: { action: subject.action, commitment: { ...subject.commitment } },
    };
  },
  execute({ state, event, proposal }) {
    const subject = proposal.subject as unknown as CommitmentSubject;
    const changed = changedCharter(state, proposal.unit, subject);
    requireDecidedHighEnough(proposal, decidingLevel(state, proposal.unit, subject.action, changed.promised));
    return replaceCharter(state, event, changed.resolved);
  },
};
