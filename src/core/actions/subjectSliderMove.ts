import { NO_EVIDENCE } from '../evidence/Evidence.js';
import type { EvidenceInput } from '../evidence/evidenceSchema.js';
import { loadEvidence } from '../evidence/loadEvidence.js';
import { withLogEvidence } from '../evidence/withLogEvidence.js';
import type { JsonObject } from '../governance/lifecycle/Proposal.js';
import { policyForMove } from '../governance/lifecycle/policyForMove.js';
import type { Unit } from '../model/Organization.js';
import { assessMove, type MoveAssessment } from '../readiness/assessMove.js';
import type { CriterionResult } from '../readiness/evaluateCriterion.js';
import type { OrgState } from '../state/OrgState.js';
import type { ProposalSubjectKind } from './ProposalSubjectKind.js';
import { levelIndex, proposalOf, runtimeLevel } from './proposalRuntime.js';
import { refuse } from './refuse.js';

export interface SliderMoveSubject {
  readonly to: string | number;
  readonly evidence?: EvidenceInput;
  readonly override?: string;
}

/**
 * Decisions taken at the unit's current level, from the log: executed proposals on the unit,
 * other than slider moves, opened since it reached the level.
 */
export function decisionsAtLevel(state: OrgState, unit: string): number {
  const since = Date.parse(state.levelSince[unit] ?? '');
  let count = 0;
  for (const id of Object.keys(state.proposals)) {
    const proposal = proposalOf(state, id);
    if (proposal.unit !== unit || proposal.kind === 'slider-move' || proposal.executedAt === undefined)
      continue;
    if (Number.isNaN(since) || proposal.openedAt >= since) count++;
  }
  return count;
}

/** The texts of the criteria and dependencies that keep a move from being ready. */
function unmetOf(assessment: MoveAssessment): string[] {
  const leaves = (result: CriterionResult | undefined): CriterionResult[] =>
    result === undefined
      ? []
      : result.children === undefined || result.children.length === 0
        ? [result]
        : result.children.flatMap(leaves);
  return [
    ...assessment.dependencies.filter((d) => !d.met).map((d) => d.text),
    ...[...leaves(assessment.readiness), ...leaves(assessment.requirements)]
      .filter((leaf) => leaf.status !== 'met')
      .map((leaf) => `${leaf.text} (${leaf.status}: ${leaf.reason})`),
  ];
}

/**
 * Readiness of a move up, checked when the proposal opens: `assessMove` against the evidence the
 * payload carries plus what only the log knows — how long the unit has been at its level
 * (`levelSince`), how many decisions it executed there, its signed attestations and the log
 * metrics its criteria name (`withLogEvidence`) — which the payload cannot overstate.
 */
function readiness(state: OrgState, unit: Unit, to: number, subject: SliderMoveSubject, at: number) {
  let evidence = NO_EVIDENCE;
  if (subject.evidence !== undefined) {
    const load = loadEvidence({
      text: JSON.stringify(subject.evidence),
      file: 'subject.evidence',
      organization: state.organization,
    });
    if (!load.ok) {
      const first = load.errors[0];
      throw refuse(
        'invalid-evidence',
        `the evidence is not valid${first === undefined ? '' : `: ${first.message}`}`,
        {
          errors: load.errors.map((e) => e.message),
        },
      );
    }
    evidence = load.evidence;
  }
  // What the log signed or measured (attestations, metrics a criterion names) beats the payload.
  evidence = withLogEvidence({ evidence, state, now: at });
  const since = Date.parse(state.levelSince[unit.id] ?? '');
  evidence = {
    ...evidence,
    units: {
      ...evidence.units,
      [unit.id]: {
        ...(Number.isNaN(since) ? {} : { since }),
        decisionsAtLevel: decisionsAtLevel(state, unit.id),
      },
    },
  };
  return assessMove({
    organization: state.organization,
    unit: unit.id,
    to,
    evidence,
    now: at,
    levels: state.levels,
    ...(Number.isNaN(since) ? {} : { since }),
  });
}

/**
 * A slider move: one notch up or down the unit's ladder, executed as a change of its runtime level.
 * A move is decided under the policy of the level it leaves (`policyForMove`), so a move down needs
 * the higher level's deciders. A move up must be ready (`action/not-ready`, naming what is unmet);
 * an override with its reason is accepted only where others than the proposer decide — the policy
 * is not single-owner — and never past an unmet dependency on another unit.
 */
export const subjectSliderMove: ProposalSubjectKind<SliderMoveSubject> = {
  kind: 'slider-move',
  key: 'to',
  open({ state, unit, subject, at }) {
    const from = runtimeLevel(state, unit);
    const to = levelIndex(unit, subject.to);
    if (to === undefined)
      throw refuse('unknown-level', `unit '${unit.id}' has no level '${subject.to}'`, {
        unit: unit.id,
        levels: unit.levels.map((l) => l.id),
      });
    if (Math.abs(to - from) !== 1)
      throw refuse(
        'not-one-notch',
        `unit '${unit.id}' is at level ${from}: a move goes one notch, to ${from - 1} or ${from + 1}`,
        {
          unit: unit.id,
          from,
          to,
        },
      );
    const choice = policyForMove({ unit, from, to });
    const stored: Record<string, JsonObject[string]> = { from, to };
    if (to > from) {
      const assessment = readiness(state, unit, to, subject, at);
      if (assessment.status !== 'ready') {
        const unmet = unmetOf(assessment);
        const overridable = assessment.status !== 'blocked' && choice.policy.method !== 'single-owner';
        if (subject.override === undefined || !overridable)
          throw refuse(
            'not-ready',
            `unit '${unit.id}' is not ready to move to ${unit.levels[to]!.name}: ${unmet.join('; ')}`,
            { unit: unit.id, from, to, status: assessment.status, unmet },
            overridable
              ? 'give the missing evidence, or an override with its reason for the deciders to weigh'
              : 'meet these first; this move cannot be overridden',
          );
        stored['override'] = subject.override;
        stored['unmet'] = unmet;
      }
      stored['readiness'] = assessment.status;
    }
    return { policy: choice.policy, level: choice.level, subject: stored };
  },
  execute({ state, event, proposal }) {
    const from = proposal.subject['from'] as number;
    const to = proposal.subject['to'] as number;
    const unit = proposal.unit;
    const now = state.levels[unit];
    if (now !== from)
      throw refuse(
        'stale-move',
        `unit '${unit}' is no longer at level ${from} (it is at ${now}): the move cannot run`,
        {
          unit,
          from,
          level: now,
        },
      );
    return {
      ...state,
      levels: { ...state.levels, [unit]: to },
      levelSince: { ...state.levelSince, [unit]: event.recordedAt },
    };
  },
};
