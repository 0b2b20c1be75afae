import { describe, expect, it } from 'vitest';
import { DAY, governedLumen } from '../../../test/support/governedLog.js';
import { seededRandom } from '../../../test/support/seededRandom.js';
import { DevolveError } from '../errors/DevolveError.js';
import type { LogEvent } from '../log/LogEvent.js';
import { LOG_METRICS, logMetrics } from './logMetrics.js';

const CORE = ['mara', 'jonas', 'priya', 'tomas', 'lin'];

/**
 * A generated treasury history (the dao template: the core team votes by majority over 3 days):
 * proposals by random core-team members, random ballots (some voters vote twice), execution by a
 * random member when it passed, and gaps of 0–40 days between proposals.
 */
function generatedLog(seed: number) {
  const lumen = governedLumen({ org: `lumen-metrics-${seed}` });
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (let i = 0; i < 24; i++) {
    const id = `p${i}`;
    lumen.as(pick(CORE), 'proposal.create', {
      id,
      unit: 'treasury',
      kind: 'decision',
      title: `Spend ${i}`,
      subject: { outcome: `Spend ${i}` },
    });
    for (const voter of CORE.filter(() => random() < 0.6)) {
      const choice = random() < 0.7 ? 'for' : 'against';
      lumen.as(voter, 'vote.cast', { proposal: id, ballot: { choice }, reason: choice });
      if (random() < 0.2)
        lumen.as(voter, 'vote.cast', { proposal: id, ballot: { choice: 'for' }, reason: 'again' });
    }
    lumen.advance(3 * DAY + 60);
    try {
      lumen.as(pick([...CORE, 'ade', 'hugo']), 'proposal.execute', { proposal: id });
    } catch (error) {
      if (!(error instanceof DevolveError)) throw error; // rejected: nothing to execute
    }
    lumen.advance(Math.floor(random() * 40) * DAY);
  }
  return lumen;
}

/** The reference: each measure straight from its definition, over the raw events. */
function reference(events: readonly LogEvent[], window: number, now: number) {
  const within = (e: LogEvent) => {
    const at = Date.parse(e.recordedAt);
    return at <= now && at > now - window * 1000;
  };
  const proposals = events.filter((e) => e.action.kind === 'proposal.create');
  // A voter's acts on a proposal count once, at their last ballot.
  const lastBallot = new Map<string, LogEvent>();
  for (const e of events.filter((e) => e.action.kind === 'vote.cast'))
    lastBallot.set(`${(e.action.payload as { proposal: string }).proposal} ${e.action.actor}`, e);
  const acts = {
    proposals: proposals.filter(within),
    votes: [...lastBallot.values()].filter(within),
    executions: events.filter((e) => e.action.kind === 'proposal.execute').filter(within),
  };
  const measures = (list: LogEvent[]) => {
    const counts = new Map<string, number>();
    for (const e of list) counts.set(e.action.actor, (counts.get(e.action.actor) ?? 0) + 1);
    const x = [...counts.values()].sort((a, b) => b - a);
    const total = x.reduce((a, b) => a + b, 0);
    let nakamoto = 0;
    for (let sum = 0; nakamoto < x.length && sum * 2 <= total; nakamoto++) sum += x[nakamoto]!;
    // Gini as the mean absolute difference over twice the mean: ΣΣ|xi − xj| / (2 n² μ).
    let diff = 0;
    for (const a of x) for (const b of x) diff += Math.abs(a - b);
    const gini = total === 0 ? 0 : diff / (2 * x.length * total);
    const hhi = total === 0 ? 0 : x.reduce((s, c) => s + (c / total) ** 2, 0);
    return { count: list.length, distinct: x.length, nakamoto, gini, hhi };
  };
  return {
    proposals: measures(acts.proposals),
    votes: measures(acts.votes),
    executions: measures(acts.executions),
  };
}

describe('log metrics', () => {
  it('equal a reference computed from the raw events, for every window and several instants', () => {
    for (const seed of [1, 2, 3]) {
      const lumen = generatedLog(seed);
      const events = lumen.log.events;
      const end = Date.parse(events.at(-1)!.recordedAt);
      // The history holds executions and votes, so the comparison below is not of zeros.
      const everything = reference(events, 10_000 * DAY, end);
      expect(everything.executions.count).toBeGreaterThan(3);
      expect(everything.votes.distinct).toBeGreaterThan(2);
      for (const now of [end, end - 45 * DAY * 1000, end - 200 * DAY * 1000])
        for (const window of [30 * DAY, 90 * DAY, 365 * DAY]) {
          const got = logMetrics({ state: lumen.org.state!, unit: 'treasury', window, now });
          const want = reference(events, window, now);
          for (const activity of ['proposals', 'votes', 'executions'] as const)
            for (const [measure, value] of Object.entries(want[activity]))
              expect(got[`${activity}-${measure}`]!.value, `seed ${seed} ${activity}-${measure}`).toBeCloseTo(
                value,
                12,
              );
          expect(got['decisions-count']!.value).toBe(want.executions.count);
          // Everyone who proposes or votes on the treasury is on the core team: all decisions are the team's.
          if (want.executions.count > 0) expect(got['decisions-team-share']!.value).toBe(1);
          else expect(got['decisions-team-share']).toBeUndefined();
        }
    }
  });

  it('count nothing outside the window, on another unit, or before the history starts', () => {
    const lumen = generatedLog(4);
    const state = lumen.org.state!;
    const start = Date.parse(lumen.log.events[0]!.recordedAt);
    const before = logMetrics({ state, unit: 'treasury', window: 365 * DAY, now: start - 1 });
    const other = logMetrics({ state, unit: 'grants', window: undefined, now: Date.now() });
    for (const values of [before, other]) {
      expect(values['proposals-count']!.value).toBe(0);
      expect(values['votes-nakamoto']!.value).toBe(0);
      expect(values['emergency-uses']!.value).toBe(0);
      expect(values['votes-participation']).toBeUndefined();
    }
    // Every catalogued metric has a value where there is history (shares included).
    const all = logMetrics({ state, unit: 'treasury', window: undefined, now: Date.now() });
    expect(LOG_METRICS.map((m) => m.id).filter((id) => all[id] === undefined)).toEqual([]);
  });
});
