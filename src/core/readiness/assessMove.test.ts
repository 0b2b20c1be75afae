import { describe, expect, it } from 'vitest';
import { instant, organizationFromYaml } from '../../../test/support/organizationFromYaml.js';
import type { Evidence } from '../evidence/Evidence.js';
import { assessMove } from './assessMove.js';

/**
 * A rollup-like organization: the `stages` ladder carries requirements at every level (Stage 0:
 * state roots on L1; Stage 1: a council of four and a 7-day exit window; Stage 2: a 30-day exit
 * window), so being at a stage means meeting its requirements and those of every stage below.
 */
const organization = organizationFromYaml(`
devolve: 1
organization: { id: fixture, name: Fixture, kind: web3 }
members:
  - { id: ana, name: Ana }
  - { id: ben, name: Ben }
  - { id: cleo, name: Cleo }
  - { id: dan, name: Dan }
roles:
  - { id: team, name: Team, scope: team, members: [ana, ben] }
  - { id: council, name: Council, scope: council, threshold: 3/4, members: [ana, ben, cleo, dan] }
  - { id: everyone, name: Everyone, scope: community, open: true }
defaults:
  roles: { team: [team], council: [council], community: [everyone], guardian: [council] }
ladders:
  - id: stages
    name: Stages
    levels:
      - id: s0
        name: Stage 0
        policy: { propose: [$team], method: majority, deciders: [$team], period: P3D, rationale: optional }
        requirements:
          checklist: state-roots
          text: State roots are posted to L1
      - id: s1
        name: Stage 1
        policy: { propose: [$community], method: majority, deciders: [$community], period: P7D, timelock: P8D, rationale: required }
        requirements:
          all:
            - { role: council, minMembers: 4 }
            - exitWindow: P7D
      - id: s2
        name: Stage 2
        policy: { propose: [$community], method: majority, deciders: [$community], period: P7D, timelock: P31D, rationale: required }
        requirements:
          exitWindow: P30D
units:
  - id: bridge
    name: Bridge
    dimension: product
    owners: [team]
    ladder: stages
    level: s0
    since: 2026-01-01
    target: s2
    readiness:
      s1:
        timeAtLevel: P90D
      s2:
        decisionsAtLevel: 2
  - id: prover
    name: Prover
    dimension: product
    owners: [team]
    ladder: stages
    level: s0
    target: s1
    dependsOn:
      - { unit: bridge, level: s1, for: s1 }
    readiness:
      s1:
        metric: external-provers
        atLeast: 3
        window: P90D
  - id: docs
    name: Documentation
    dimension: community
    owners: [team]
    level: transparent
    target: consultative
metrics:
  - { id: external-provers, name: External provers }
`);

const NOW = instant('2026-11-25');
const stateRoots = (unit: string) => ({
  checklist: 'state-roots',
  unit,
  at: instant('2026-01-01'),
  evidence: 'https://l1.example/roots',
});
/** State roots attested for the bridge and the prover; three external provers over 90 days. */
const EVIDENCE: Evidence = {
  observations: [
    { metric: 'external-provers', unit: 'prover', value: 3, window: 90 * 86_400, at: instant('2026-11-20') },
  ],
  attestations: [stateRoots('bridge'), stateRoots('prover')],
  units: {},
};

const assess = (args: { unit: string; to: number; evidence?: Evidence; levels?: Record<string, number> }) =>
  assessMove({ organization, evidence: EVIDENCE, now: NOW, ...args });

describe('assessMove', () => {
  it('is ready when every criterion and requirement holds', () => {
    const move = assess({ unit: 'bridge', to: 1 });
    expect(move).toMatchObject({ unit: 'bridge', from: 0, to: 1, status: 'ready', dependencies: [] });
    // Readiness: 90 days at Stage 0 (328 since 2026-01-01). Requirements: state roots (Stage 0),
    // a council of four and a 7-day exit window (Stage 1).
    expect(move.readiness?.reason).toBe('at Stage 0 since 2026-01-01 (328 days), needs 90 days');
    expect(move.counts).toEqual({ met: 4, unmet: 0, unknown: 0, total: 4 });
  });

  it('gathers the requirements of every level up to the target level', () => {
    const toStage1 = assess({ unit: 'bridge', to: 1 }).requirements;
    expect(toStage1?.kind).toBe('all');
    // Each level's requirements are listed one by one, so a requirement two levels repeat counts once.
    expect(toStage1?.children?.map((c) => c.text)).toEqual([
      'State roots are posted to L1 (attested with an evidence link)',
      'Council has at least 4 members',
      'users have at least 7 days to exit before a decision takes effect',
    ]);
    const toStage2 = assess({
      unit: 'bridge',
      to: 2,
      evidence: { ...EVIDENCE, units: { bridge: { decisionsAtLevel: 2 } } },
    });
    expect(toStage2.requirements?.children?.map((c) => c.text)).toEqual([
      'State roots are posted to L1 (attested with an evidence link)',
      'Council has at least 4 members',
      'users have at least 7 days to exit before a decision takes effect',
      'users have at least 30 days to exit before a decision takes effect',
    ]);
    // Every exit window is judged against the policy of the level moved to: Stage 2's 31 days.
    expect(toStage2.requirements?.children?.[2]?.reason).toBe(
      'Stage 2 gives users 31 days to exit (a timelock of 31 days), needs 7 days',
    );
    // Readiness (2 decisions) + requirements (state roots, council, 7 days, 30 days).
    expect(toStage2.counts).toEqual({ met: 5, unmet: 0, unknown: 0, total: 5 });
    expect(toStage2.status).toBe('ready');
    // With a single level's requirements there is nothing to combine.
    const toStage0 = assess({ unit: 'bridge', to: 0 });
    expect(toStage0.requirements).toMatchObject({ kind: 'checklist', status: 'met' });
    expect(toStage0.readiness).toBeUndefined();
  });

  it('is not ready when a criterion is unmet', () => {
    const move = assess({ unit: 'bridge', to: 1, evidence: { ...EVIDENCE, attestations: [] } });
    expect(move.status).toBe('not-ready');
    expect(move.requirements?.children?.[0]?.reason).toBe('not attested');
    expect(move.counts).toEqual({ met: 3, unmet: 1, unknown: 0, total: 4 });
  });

  it('is unknown when nothing is unmet but evidence is missing', () => {
    // No count of decisions at Stage 0 for the move to Stage 2.
    const move = assess({ unit: 'bridge', to: 2 });
    expect(move.status).toBe('unknown');
    expect(move.readiness?.reason).toBe('no count of decisions completed at Stage 0');
    expect(move.counts).toEqual({ met: 4, unmet: 0, unknown: 1, total: 5 });
  });

  it('is blocked by an unmet dependency, whatever the criteria say, and counts it', () => {
    const move = assess({ unit: 'prover', to: 1, evidence: { ...EVIDENCE, observations: [] } });
    expect(move.status).toBe('blocked');
    expect(move.dependencies).toEqual([
      {
        unit: 'bridge',
        unitName: 'Bridge',
        needs: 1,
        has: 0,
        met: false,
        text: 'Bridge at Stage 1 or above (it is at Stage 0)',
      },
    ]);
    // Readiness unknown (no observation), three requirements met, the dependency unmet.
    expect(move.counts).toEqual({ met: 3, unmet: 1, unknown: 1, total: 5 });
  });

  it('reads levels from the context when given: the dependency holds once the bridge is at Stage 1', () => {
    const move = assess({ unit: 'prover', to: 1, levels: { bridge: 1 } });
    expect(move.status).toBe('ready');
    expect(move.dependencies[0]).toMatchObject({
      met: true,
      has: 1,
      text: 'Bridge at Stage 1 or above (it is at Stage 1)',
    });
    expect(move.counts).toEqual({ met: 5, unmet: 0, unknown: 0, total: 5 });
    expect(assess({ unit: 'bridge', to: 2, levels: { bridge: 1 } }).from).toBe(1);
  });

  it('leaves out dependencies that apply only from a higher level', () => {
    // The prover needs the bridge at Stage 1 only from Stage 1 on.
    expect(assess({ unit: 'prover', to: 0 }).dependencies).toEqual([]);
  });

  it('is ready, with nothing counted, for a move without criteria', () => {
    const move = assess({ unit: 'docs', to: 2 });
    expect(move).toEqual({
      unit: 'docs',
      from: 1,
      to: 2,
      status: 'ready',
      dependencies: [],
      counts: { met: 0, unmet: 0, unknown: 0, total: 0 },
    });
  });

  it('assesses the next notch by default, from the level the log says, with the numbers as data', () => {
    // The runtime asks: may the bridge, at Stage 1 since 2026-11-01 per its log, move up now?
    const move = assessMove({
      organization,
      unit: 'bridge',
      evidence: { ...EVIDENCE, units: { bridge: { decisionsAtLevel: 1 } } },
      now: NOW,
      levels: { bridge: 1 },
      since: instant('2026-11-01'),
    });
    expect(move).toMatchObject({ from: 1, to: 2, status: 'not-ready' });
    // 1 decision at Stage 1, 2 needed.
    expect(move.readiness?.facts).toEqual({
      kind: 'decisions-at-level',
      level: 1,
      levelName: 'Stage 1',
      required: 2,
      actual: 1,
    });
    // Without `to`, the move is the one above the charter's level: Stage 0 → Stage 1. The wait is
    // counted from `since`: 2026-11-01 → 2026-11-25 is 24 days of 90, met on 2027-01-30.
    const next = assessMove({
      organization,
      unit: 'bridge',
      evidence: EVIDENCE,
      now: NOW,
      since: instant('2026-11-01'),
    });
    expect(next).toMatchObject({ from: 0, to: 1, status: 'not-ready' });
    expect(next.readiness?.facts).toEqual({
      kind: 'time-at-level',
      unitName: 'Bridge',
      level: 0,
      levelName: 'Stage 0',
      required: 90 * 86_400,
      since: instant('2026-11-01'),
      days: 24,
      metAt: instant('2027-01-30'),
    });
  });
});
