import type { Organization } from '../model/Organization.js';
import type { Ratio } from '../ratio/Ratio.js';
import type { OrgState } from '../state/OrgState.js';
import { roleMembersAt } from '../state/roleMembersAt.js';
import { exactValue } from './ExactValue.js';
import { giniCoefficient } from './giniCoefficient.js';
import { herfindahlIndex } from './herfindahlIndex.js';
import {
  type ActivityAct,
  activityActs,
  LOG_ACTIVITIES,
  type LogActivity,
  proposalsOf,
} from './logActivity.js';
import type { BuiltInMetric } from './metricCatalogue.js';
import { nakamotoCoefficient } from './nakamotoCoefficient.js';

/** What is measured of one activity's acts in a window. */
const MEASURES = {
  count: { unit: 'count', words: 'acts' },
  distinct: { unit: 'count', words: 'distinct members acting' },
  nakamoto: { unit: 'count', words: 'fewest members who made more than half of the acts' },
  gini: { unit: 'index', words: 'Gini coefficient of acts per acting member' },
  hhi: { unit: 'index', words: 'Herfindahl–Hirschman index of acts per acting member (0..1)' },
} as const satisfies Record<string, { unit: BuiltInMetric['unit']; words: string }>;
type Measure = keyof typeof MEASURES;

/** Counts that read better under their own name: `emergency-uses` is `emergency-count`. */
const ALIASES: Readonly<Record<string, string>> = {
  'emergency-uses': 'emergency-count',
  overrides: 'overrides-count',
};

const ACTIVITY_WORDS: Record<LogActivity, string> = {
  proposals: 'proposals opened',
  votes: 'votes cast (one per voter and proposal)',
  executions: 'proposals executed',
  vetoes: 'vetoes',
  emergency: 'uses of emergency powers',
  overrides: 'slider moves opened with a readiness override',
};

/**
 * The metrics computed from the log, per unit, over a window ending at `now`: for each activity
 * (`LOG_ACTIVITIES`) each measure, named `<activity>-<measure>` (`votes-nakamoto`,
 * `proposals-distinct`); the aliases `emergency-uses` and `overrides`; and
 * - `decisions-count` — proposals executed in the window;
 * - `decisions-team-share` — the share of those made by the team: a decision is the team's when
 *   its proposer, every voter on it and its decider were all on the team when it was executed; the
 *   team is whoever then holds a role of scope `team` or a role owning the unit;
 * - `votes-participation` — over proposals opened in the window with a weighted electorate, the
 *   mean share of the electorate's weight that voted.
 */
export const LOG_METRICS: readonly BuiltInMetric[] = [
  ...LOG_ACTIVITIES.flatMap((activity) =>
    (Object.keys(MEASURES) as Measure[]).map((measure) => ({
      id: `${activity}-${measure}`,
      name: `${activity} ${measure}`,
      description: `${MEASURES[measure].words}; the acts: ${ACTIVITY_WORDS[activity]}.`,
      unit: MEASURES[measure].unit,
      source: 'log' as const,
    })),
  ),
  ...Object.entries(ALIASES).map(([id, of]) => ({
    id,
    name: id,
    description: `The same as ${of}.`,
    unit: 'count' as const,
    source: 'log' as const,
  })),
  {
    id: 'decisions-count',
    name: 'decisions count',
    description: 'Proposals executed in the window.',
    unit: 'count',
    source: 'log',
  },
  {
    id: 'decisions-team-share',
    name: 'decisions team share',
    description:
      "Share of the window's executed proposals whose proposer, voters and decider all held a team-scope role or a role owning the unit.",
    unit: 'share',
    source: 'log',
  },
  {
    id: 'votes-participation',
    name: 'votes participation',
    description: 'Mean share of the electorate’s weight that voted, over proposals opened in the window.',
    unit: 'share',
    source: 'log',
  },
];

const LOG_METRIC_IDS = new Set(LOG_METRICS.map((m) => m.id));

/** Whether `id` names a metric computed from the log. */
export function isLogMetric(id: string): boolean {
  return LOG_METRIC_IDS.has(id);
}

/** One metric's value; `exact` where the value is a ratio. */
export interface LogMetricValue {
  readonly value: number;
  readonly exact?: Ratio;
}

const inWindow = (at: number, now: number, window: number | undefined) =>
  at <= now && (window === undefined || at > now - window * 1000);

function measuresOf(acts: readonly ActivityAct[]): Record<Measure, LogMetricValue> {
  const perActor = new Map<string, bigint>();
  for (const act of acts) perActor.set(act.actor, (perActor.get(act.actor) ?? 0n) + 1n);
  const counts = [...perActor.values()];
  const gini = giniCoefficient({ holdings: counts });
  const hhi = herfindahlIndex({ holdings: counts });
  return {
    count: { value: acts.length },
    distinct: { value: perActor.size },
    nakamoto: { value: nakamotoCoefficient({ holdings: counts }).count },
    gini: { value: gini.value, exact: gini.ratio },
    hhi: { value: hhi.value, exact: hhi.ratio },
  };
}

function teamAt(organization: Organization, unit: string, at: number): Set<string> {
  const owners = organization.units.find((u) => u.id === unit)?.owners ?? [];
  const roles = organization.roles
    .filter((r) => r.scope === 'team' || owners.includes(r.id))
    .map((r) => r.id);
  return roleMembersAt({ organization, roles, at });
}

/**
 * Every log metric of `unit` over the `window` (seconds; absent: all history) ending at `now`
 * (epoch ms). A share with nothing to share over (no decisions, no weighted proposals) is left out:
 * a criterion on it is then unknown, not met.
 *
 * @example
 * logMetrics({ state, unit: 'treasury', window: 90 * 86_400, now })['votes-nakamoto'] // { value: 2 }
 */
export function logMetrics(args: {
  state: OrgState;
  unit: string;
  window: number | undefined;
  now: number;
}): Record<string, LogMetricValue> {
  const { state, unit, window, now } = args;
  const acts = activityActs({ state }).filter((a) => a.unit === unit && inWindow(a.at, now, window));
  const result: Record<string, LogMetricValue> = {};
  for (const activity of LOG_ACTIVITIES) {
    const measured = measuresOf(acts.filter((a) => a.activity === activity));
    for (const [measure, value] of Object.entries(measured)) result[`${activity}-${measure}`] = value;
  }
  for (const [alias, of] of Object.entries(ALIASES)) result[alias] = result[of]!;

  const proposals = proposalsOf(state).filter((p) => p.unit === unit);
  const decided = proposals.filter((p) => p.executedAt !== undefined && inWindow(p.executedAt, now, window));
  result['decisions-count'] = { value: decided.length };
  if (decided.length > 0) {
    const byTeam = decided.filter((p) => {
      const team = teamAt(state.organization, unit, p.executedAt!);
      const people = [p.proposer, ...p.ballots.map((b) => b.voter), ...(p.decision ? [p.decision.by] : [])];
      return people.every((m) => team.has(m));
    }).length;
    const share = exactValue({ ratio: { num: BigInt(byTeam), den: BigInt(decided.length) } });
    result['decisions-team-share'] = { value: share.value, exact: share.ratio };
  }
  const weighted = proposals.filter((p) => inWindow(p.openedAt, now, window) && p.electorate.total > 0n);
  if (weighted.length > 0) {
    let sum = 0;
    for (const p of weighted) {
      let cast = 0n;
      for (const voter of new Set(p.ballots.map((b) => b.voter)))
        cast += p.electorate.weights.get(voter) ?? 0n;
      sum += Number(cast) / Number(p.electorate.total);
    }
    result['votes-participation'] = { value: sum / weighted.length };
  }
  return result;
}
