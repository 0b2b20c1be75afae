import type { Unit } from '../model/Organization.js';
import type { ObservedRule } from './ObservedRule.js';

/** Above this share of the unit's decisions, the team decides: 80% (4/5, compared exactly). */
export const TEAM_SHARE_LIMIT = 0.8;
/** The window the team share is measured over: the last 90 days, seconds. */
export const TEAM_SHARE_WINDOW = 90 * 86_400;

/** The level a team-run unit can claim at most: its ladder's `consultative` level, else index 1. */
export function consultativeCeiling(unit: Unit): number {
  const level = unit.levels.find((l) => l.id === 'consultative');
  return level?.index ?? Math.min(1, unit.levels.length - 1);
}

/**
 * The team making more than 80% of the unit's decisions (proposals executed) in the last 90 days
 * ⇒ at most Consultative: the ladder's level with id `consultative` if it has one, else the
 * ladder's second level (index 1). Others may be heard, but the team decides. Judged from the
 * log's `decisions-team-share`; with no decisions in the window the rule does not apply.
 */
export const teamShareRule: ObservedRule = {
  id: 'team-share',
  description:
    'the team making more than 80% of the unit’s decisions in the last 90 days caps the unit at Consultative',
  judge({ unit, teamShare }) {
    if (teamShare === undefined)
      return { rule: 'team-share', reason: 'no decisions in the last 90 days', evidence: [] };
    const percent = `${Math.round(teamShare.value * 1000) / 10}%`;
    const of = `${percent} of ${teamShare.decisions} decisions in the last 90 days`;
    const over =
      teamShare.exact === undefined
        ? teamShare.value > TEAM_SHARE_LIMIT
        : teamShare.exact.num * 5n > teamShare.exact.den * 4n;
    if (!over) return { rule: 'team-share', reason: `the team made ${of}`, evidence: [], teamShare };
    return {
      rule: 'team-share',
      ceiling: consultativeCeiling(unit),
      reason: `the team made ${of} (over 80%)`,
      evidence: [],
      teamShare,
    };
  },
};
