import type { Attestation, Evidence, Observation } from '../core/evidence/Evidence.js';
import { explainUnit } from '../core/explain/explainUnit.js';
import { type ObservedSummary, observedSummary } from '../core/observed/describeObserved.js';
import { observeOrganization } from '../core/observed/observeOrganization.js';
import type { CommitmentView, LevelRef, Plan } from '../core/planner/makePlan.js';
import type { PolicyExplanation } from '../core/policy/describePolicy.js';
import { assessMove } from '../core/readiness/assessMove.js';
import type { CriterionResult } from '../core/readiness/evaluateCriterion.js';
import type { OrgState } from '../core/state/OrgState.js';

/** One unit as the public transparency page shows it. */
export interface TransparencyUnit {
  readonly id: string;
  readonly name: string;
  readonly dimension: string;
  readonly level: LevelRef;
  readonly target: LevelRef;
  // Plain readonly fields, like scheduleRoadmap.ts's RoadmapStep, by design: each record declares its own
  // shape.
  /** The unit's ladder, from its most centralized level to its top. */
  readonly levels: readonly LevelRef[];
  /** When the unit reached its level, as the log records it. */
  readonly since: string;
  /** The roles that own the unit today, in words. */
  readonly owners: string;
  /** Who proposes, decides and vetoes today, in plain words: where the power sits. */
  readonly power: PolicyExplanation;
  /** What must hold to be at the declared level (and the levels below), judged against today's evidence. */
  readonly requirements?: CriterionResult;
  /** The observations and attestations recorded about this unit. */
  readonly observations: readonly Observation[];
  readonly attestations: readonly Attestation[];
  readonly commitments: readonly CommitmentView[];
  /** Declared beside observed: the level the evidence supports, and each finding with its evidence. */
  readonly observed: ObservedSummary;
}

export interface TransparencyView {
  readonly organization: { readonly id: string; readonly name: string; readonly kind: string };
  readonly dimensions: readonly { readonly id: string; readonly name: string }[];
  readonly seq: number;
  readonly head: string;
  readonly now: number;
  readonly units: readonly TransparencyUnit[];
}

/**
 * What anyone may see without a key: per unit the declared level and the evidence behind it, the
 * level the evidence supports (observed, with its findings), who still holds the power, and the
 * commitments with whether they were kept; and the log's head, to
 * verify an export against.
 *
 * @example
 * transparencyView({ state, plan, evidence }).units[0].power.decide // 'Mara Okafor decides alone …'
 */
export function transparencyView(args: {
  state: OrgState;
  plan: Plan;
  evidence: Evidence;
}): TransparencyView {
  const { state, plan, evidence } = args;
  const { organization } = state;
  const observed = new Map(
    observeOrganization({ organization, evidence, state, now: plan.now }).map((o) => [o.unit, o]),
  );
  return {
    organization: { id: organization.id, name: organization.name, kind: organization.kind },
    dimensions: organization.dimensions.map((d) => ({ id: d.id, name: d.name })),
    seq: state.seq,
    head: state.head,
    now: plan.now,
    units: organization.units.map((unit) => {
      const explanation = explainUnit({ organization, unit: unit.id });
      const here = assessMove({ organization, unit: unit.id, to: unit.level, evidence, now: plan.now });
      const level = unit.levels[unit.level]!;
      const target = unit.levels[unit.target]!;
      return {
        id: unit.id,
        name: unit.name,
        dimension: unit.dimension,
        level: { index: level.index, id: level.id, name: level.name },
        target: { index: target.index, id: target.id, name: target.name },
        levels: unit.levels.map((l) => ({ index: l.index, id: l.id, name: l.name })),
        since: state.levelSince[unit.id] ?? '',
        owners: explanation.owners,
        power: explanation.today.policy,
        ...(here.requirements === undefined ? {} : { requirements: here.requirements }),
        observations: evidence.observations.filter((o) => o.unit === unit.id),
        attestations: evidence.attestations.filter((a) => a.unit === unit.id),
        commitments: plan.commitments.filter((c) => c.unit === unit.id),
        observed: observedSummary(observed.get(unit.id)!),
      };
    }),
  };
}
