import type { Organization, Unit } from '../core/model/Organization.js';
import { describePolicy } from '../core/policy/describePolicy.js';
import type { OrgState } from '../core/state/OrgState.js';

export interface LevelView {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly summary?: string;
  /** The level's decision policy in one stable line (`describePolicy`). */
  readonly policy: string;
}

/** A unit as the API shows it: its slider, today's policy, and every level's policy. */
export interface UnitView {
  readonly id: string;
  readonly name: string;
  readonly dimension: string;
  readonly description?: string;
  readonly owners: readonly string[];
  readonly level: LevelView & { readonly since: string };
  readonly target: LevelView;
  readonly levels: readonly LevelView[];
}

function levelView(organization: Organization, unit: Unit, index: number): LevelView {
  const level = unit.levels[index]!;
  return {
    index: level.index,
    id: level.id,
    name: level.name,
    ...(level.summary === undefined ? {} : { summary: level.summary }),
    policy: describePolicy({ policy: level.policy, organization }),
  };
}

/**
 * One unit of a projected state, with the policy of each level rendered as its one-line
 * description — what a client needs to show who decides what today, and at the next notch.
 *
 * @example
 * unitView({ state, unit }).level // { index: 0, id: 'founder', name: 'Founder-controlled', policy: 'propose: …', since: '…' }
 */
export function unitView(args: { state: OrgState; unit: Unit }): UnitView {
  const { state, unit } = args;
  const { organization } = state;
  // Built like organizationView.ts's view, by design: each view copies the fields it shows and leaves absent
  // ones out.
  return {
    id: unit.id,
    name: unit.name,
    dimension: unit.dimension,
    ...(unit.description === undefined ? {} : { description: unit.description }),
    owners: unit.owners,
    level: { ...levelView(organization, unit, unit.level), since: state.levelSince[unit.id] ?? '' },
    target: levelView(organization, unit, unit.target),
    levels: unit.levels.map((_, index) => levelView(organization, unit, index)),
  };
}
