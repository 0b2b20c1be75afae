import type { Board, BoardUnit } from '../core/explain/buildBoard.js';
import { type ObservedSummary, observedSummary } from '../core/observed/describeObserved.js';
import type { ObservedUnit } from '../core/observed/observeOrganization.js';
import type { CommitmentView, LevelRef, Plan } from '../core/planner/makePlan.js';
import type { MoveAssessment, MoveStatus } from '../core/readiness/assessMove.js';
import type { TimelineView } from './timelineView.js';

/** How many next moves the board lists. */
export const BOARD_NEXT_MOVES = 5;

/** One unit's slider with what the board says beside it. */
export interface BoardUnitView extends BoardUnit {
  /** The readiness of its next move toward its target; absent when it is at its target. */
  readonly move?: { readonly status: MoveStatus; readonly counts: MoveAssessment['counts'] };
  /** The dependencies on other units that block its next move, in words. */
  readonly blockedBy: readonly string[];
  readonly commitments: readonly CommitmentView[];
  /** Declared beside observed, when the board was given observations. */
  readonly observed?: ObservedSummary;
}

/** A next move as the board lists it. */
export interface BoardMove {
  readonly unit: string;
  readonly unitName: string;
  readonly from: LevelRef;
  readonly to: LevelRef;
  readonly status: MoveStatus;
  readonly summary: string;
}

/**
 * Everything the board draws, in one answer: the sliders grouped by dimension with their
 * readiness counts, blockers and commitments, the first next moves, every commitment, and the
 * newest page of the timeline. The plan's criteria, reasons and roadmap are left to `/plan`.
 */
export interface BoardView {
  readonly seq: number;
  readonly head: string;
  /** The plan's clock (epoch ms): countdowns count from it. */
  readonly now: number;
  readonly organization: Board['organization'];
  // Plain readonly fields, like Proposal.ts, by design: each record declares its own shape; they share style,
  // not meaning.
  readonly dimensions: readonly {
    readonly id: string;
    readonly name: string;
    readonly units: readonly BoardUnitView[];
  }[];
  readonly atTarget: number;
  /** Moves whose readiness is met. */
  readonly ready: number;
  readonly next: readonly BoardMove[];
  readonly commitments: readonly CommitmentView[];
  readonly timeline: TimelineView;
}

/**
 * The board's answer from the board of sliders, the plan and the timeline's newest page. Each
 * unit's facts are looked up once (maps by unit), so it is linear in units and commitments.
 *
 * @example
 * boardView({ seq, head, board, plan, timeline }).dimensions[0].units[0].move // { status: 'ready', counts: {...} }
 */
export function boardView(args: {
  seq: number;
  head: string;
  board: Board;
  plan: Plan;
  timeline: TimelineView;
  /** Per unit, declared beside observed (`observeOrganization`); absent: not shown. */
  observed?: readonly ObservedUnit[];
}): BoardView {
  const { board, plan } = args;
  const observed = new Map((args.observed ?? []).map((o) => [o.unit, observedSummary(o)]));
  const assessments = new Map(plan.assessments.map((a) => [a.unit, a]));
  const blockers = new Map(plan.recommendations.map((r) => [r.unit, r.blockedBy]));
  const commitments = new Map<string, CommitmentView[]>();
  for (const c of plan.commitments) commitments.set(c.unit, [...(commitments.get(c.unit) ?? []), c]);
  return {
    seq: args.seq,
    head: args.head,
    now: plan.now,
    organization: board.organization,
    dimensions: board.dimensions.map((dimension) => ({
      id: dimension.id,
      name: dimension.name,
      units: dimension.units.map((unit) => {
        const assessment = assessments.get(unit.id);
        return {
          ...unit,
          ...(assessment === undefined
            ? {}
            : { move: { status: assessment.status, counts: assessment.counts } }),
          blockedBy: blockers.get(unit.id) ?? [],
          commitments: commitments.get(unit.id) ?? [],
          ...(observed.has(unit.id) ? { observed: observed.get(unit.id)! } : {}),
        };
      }),
    })),
    atTarget: plan.atTarget.length,
    ready: plan.recommendations.filter((r) => r.status === 'ready').length,
    next: plan.recommendations.slice(0, BOARD_NEXT_MOVES).map((r) => ({
      unit: r.unit,
      unitName: r.unitName,
      from: r.from,
      to: r.to,
      status: r.status,
      summary: r.summary,
    })),
    commitments: plan.commitments,
    timeline: args.timeline,
  };
}
