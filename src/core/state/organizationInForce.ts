import type { Organization } from '../model/Organization.js';
import type { OrgState } from './OrgState.js';

/**
 * The organization as it runs: the charter in force with each unit at the level the log has put
 * it at (executed slider moves), and since the time it got there. A charter declares where a unit
 * starts; only an executed slider-move proposal moves it, so every view of "today" — the board,
 * `explain`, the plan, the dashboard, the transparency page — reads this, never the declared
 * level. Units the runtime does not know (none, in a consistent state) keep their declared level.
 *
 * @example
 * const organization = organizationInForce({ state }); // treasury at 2 after its move executed
 */
export function organizationInForce(args: { state: OrgState }): Organization {
  const { state } = args;
  const { organization } = state;
  let changed = false;
  const units = organization.units.map((unit) => {
    const level = state.levels[unit.id];
    const since = state.levelSince[unit.id];
    const sinceMs = since === undefined ? undefined : Date.parse(since);
    if ((level === undefined || level === unit.level) && (sinceMs === undefined || sinceMs === unit.since))
      return unit;
    changed = true;
    return {
      ...unit,
      ...(level === undefined ? {} : { level }),
      ...(sinceMs === undefined || Number.isNaN(sinceMs) ? {} : { since: sinceMs }),
    };
  });
  return changed ? { ...organization, units } : organization;
}
