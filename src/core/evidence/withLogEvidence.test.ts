import { describe, expect, it } from 'vitest';
import { lumenRuntime } from '../../../test/support/replayLog.js';
import { type JsonObject, unitOf } from '../../../test/support/signedLog.js';
import { assessMove } from '../readiness/assessMove.js';
import { NO_EVIDENCE } from './Evidence.js';
import { withLogEvidence } from './withLogEvidence.js';

const DAY_MS = 86_400_000;

/**
 * The dao template with an emergency power for the security council over `upgrades`; with
 * `criterion`, the upgrades unit's readiness for Delegated also asks that no emergency power was
 * used on it in the last 90 days.
 */
function lumen(criterion: boolean) {
  return lumenRuntime({
    org: `lumen-evidence-${criterion}`,
    registered: ['hugo'],
    prepare: (charter) => {
      charter['emergency'] = [
        {
          id: 'pause',
          who: ['security-council'],
          units: ['upgrades'],
          actions: ['charter.amend'],
          until: '2026-06-01',
        },
      ];
      if (criterion) {
        const readiness = unitOf(charter, 'upgrades')['readiness'] as JsonObject;
        ((readiness['delegated'] as JsonObject)['all'] as JsonObject[]).push({
          metric: 'emergency-uses',
          atMost: 0,
          window: 'P90D',
        });
      }
    },
  });
}

/** hugo uses the power: he shortens the upgrades unit's timelock without a proposal. */
function useThePower(runtime: ReturnType<typeof lumen>) {
  return runtime.org.act(
    runtime.amend('hugo', (c) => {
      const upgrades = unitOf(c, 'upgrades');
      upgrades['policies'] = { ...(upgrades['policies'] as JsonObject), consultative: { timelock: 'P1D' } };
    }),
  );
}

const emergencyLeaf = (move: ReturnType<typeof assessMove>) =>
  move.readiness?.children?.find((c) => c.facts.kind === 'metric' && c.facts.metric === 'emergency-uses');

describe('withLogEvidence', () => {
  it('counts a use of emergency powers against readiness where a criterion names it, for its window', () => {
    const runtime = lumen(true);
    const state = useThePower(runtime);
    const at = Date.parse(state.emergencyUses[0]!.at);
    const judge = (now: number) =>
      emergencyLeaf(
        assessMove({
          organization: state.organization,
          unit: 'upgrades',
          to: state.organization.units
            .find((u) => u.id === 'upgrades')!
            .levels.findIndex((l) => l.id === 'delegated'),
          evidence: withLogEvidence({ evidence: NO_EVIDENCE, state, now }),
          now,
          levels: state.levels,
        }),
      );
    const soon = judge(at + DAY_MS);
    expect(soon?.status).toBe('unmet');
    expect(soon?.facts).toMatchObject({ actual: { value: 1, source: 'log', window: 90 * 86_400 } });
    // 91 days later the use has left the window.
    expect(judge(at + 91 * DAY_MS)?.status).toBe('met');
  });

  it('overrides what an evidence file claims for a log metric, and adds nothing no criterion names', () => {
    const runtime = lumen(true);
    const state = useThePower(runtime);
    const now = Date.parse(state.emergencyUses[0]!.at) + DAY_MS;
    const claimed = {
      ...NO_EVIDENCE,
      observations: [{ metric: 'emergency-uses', unit: 'upgrades', value: 0, window: 90 * 86_400, at: now }],
    };
    const merged = withLogEvidence({ evidence: claimed, state, now });
    expect(merged.observations.map((o) => [o.metric, o.value, o.source])).toEqual([
      ['emergency-uses', 1, 'log'],
    ]);

    const plain = lumen(false);
    const plainState = useThePower(plain);
    // No criterion names a log metric and nothing is attested: the evidence is returned as it was.
    expect(withLogEvidence({ evidence: claimed, state: plainState, now })).toBe(claimed);
  });
});
