import type { ProposalSubjectKind } from './ProposalSubjectKind.js';
import { runtimeLevel } from './proposalRuntime.js';

/**
 * A decision: an outcome statement decided under the unit's current policy. Executing it records
 * the outcome (the proposal's `executedAt`); it counts as a decision taken at the unit's level.
 */
export const subjectDecision: ProposalSubjectKind<{ readonly outcome: string }> = {
  kind: 'decision',
  key: 'outcome',
  open({ state, unit, subject }) {
    const level = runtimeLevel(state, unit);
    return { policy: unit.levels[level]!.policy, level, subject: { outcome: subject.outcome } };
  },
  execute({ state }) {
    return state;
  },
};
