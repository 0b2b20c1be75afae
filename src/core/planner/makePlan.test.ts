// One file (over 450 lines): every case plans the one hand-built organization described below,
// with its worked arithmetic; split, each file would repeat the fixture and its explanation.
import { describe, expect, it } from 'vitest';
import { DAY_MS, instant, organizationFromYaml } from '../../../test/support/organizationFromYaml.js';
import type { Evidence } from '../evidence/Evidence.js';
import { makePlan, type Recommendation } from './makePlan.js';

/**
 * Harbor, a hand-built organization on the default ladder (0 Founder-controlled, 1 Transparent,
 * 2 Consultative, 3 Delegated, 4 Community-governed, 5 Autonomous). Planned as of 2026-11-25:
 *
 * - docs        Transparent → Consultative: style guide attested, 177 of 90 days → ready.
 * - treasury    Consultative → Delegated: needs Upgrades at Delegated → blocked; 85 of 90 days.
 * - upgrades    Consultative → Delegated: 12 of 20 voters, 55 of 120 days → not ready; its
 *               commitment is due on 2026-12-20, before it can possibly move.
 * - grants      Delegated → Community-governed: no participation figure → unknown.
 * - infra, moderation, newsletter, podcast: one unmet criterion each, ranked by the tie-breaks.
 * - brand       at its target.
 */
// Its own charter, like evaluateCriterion.test.ts's, by design: each test file's fixture reads whole beside
// the assertions that depend on it.
const organization = organizationFromYaml(`
devolve: 1
organization: { id: harbor, name: Harbor, kind: hybrid }
members:
  - { id: ana, name: Ana Lima }
  - { id: ben, name: Ben Okoro }
  - { id: cleo, name: Cleo Park }
roles:
  - { id: team, name: Team, scope: team, members: [ana, ben] }
  - { id: council, name: Council, scope: council, threshold: 2/3, members: [ana, ben, cleo] }
  - { id: everyone, name: Everyone, scope: community, open: true }
defaults:
  roles: { team: [team], council: [council], community: [everyone], guardian: [council] }
metrics:
  - { id: listeners, name: Listeners }
units:
  - id: docs
    name: Documentation
    dimension: product
    owners: [team]
    level: transparent
    since: 2026-06-01
    target: consultative
    readiness:
      consultative:
        all:
          - checklist: style-guide
            text: A style guide is published
          - timeAtLevel: P90D
    commitments:
      - { level: consultative, by: 2027-03-31 }
  - id: treasury
    name: Treasury
    dimension: capital
    owners: [team]
    level: consultative
    since: 2026-09-01
    target: community
    dependsOn:
      - { unit: docs, level: transparent, for: delegated }
      - { unit: upgrades, level: delegated, for: delegated }
      - { unit: infra, level: transparent, for: community }
    readiness:
      delegated:
        all:
          - metric: distinct-proposers
            atLeast: 5
            window: P90D
          - timeAtLevel: P90D
    commitments:
      - { level: delegated, by: 2026-11-01 }
  - id: upgrades
    name: Upgrades
    dimension: product
    owners: [team]
    level: consultative
    since: 2026-10-01
    target: community
    readiness:
      delegated:
        all:
          - metric: distinct-voters
            atLeast: 20
            window: P90D
          - timeAtLevel: P120D
    commitments:
      - { level: delegated, by: 2026-12-20 }
  - id: grants
    name: Grants
    dimension: capital
    owners: [team]
    level: delegated
    target: community
    readiness:
      community:
        all:
          - decisionsAtLevel: 10
          - metric: participation
            atLeast: 0.05
            window: P90D
    commitments:
      - level: community
        when: { metric: distinct-proposers, atLeast: 8, window: P90D }
      - level: community
        when: { metric: distinct-proposers, atLeast: 50, window: P90D }
  - id: infra
    name: Infrastructure
    dimension: product
    owners: [team]
    level: founder
    target: transparent
    readiness:
      transparent:
        checklist: runbook
        text: An operations runbook is published
  - id: moderation
    name: Moderation
    dimension: community
    owners: [team]
    level: transparent
    since: 2026-01-10
    target: consultative
    readiness:
      consultative:
        decisionsAtLevel: 5
    commitments:
      - { level: consultative, by: 2027-06-30 }
  # The newsletter and the podcast match on purpose: two equal units, ordered by the tie-breaks alone.
  - id: newsletter
    name: Newsletter
    dimension: community
    owners: [team]
    level: founder
    target: transparent
    readiness:
      transparent:
        unit: upgrades
        atLeast: delegated
  - id: podcast
    name: Podcast
    dimension: community
    owners: [team]
    level: founder
    target: transparent
    readiness:
      transparent:
        metric: listeners
        atLeast: 500
        window: P30D
  - id: brand
    name: Brand
    dimension: community
    owners: [team]
    level: consultative
    target: consultative
    commitments:
      - { level: consultative, by: 2026-06-30 }
`);

const NOW = instant('2026-11-25');
const P90D = 90 * 86_400;
const STYLE_GUIDE = 'https://docs.example/style';

const evidence: Evidence = {
  observations: [
    {
      metric: 'distinct-proposers',
      unit: 'treasury',
      value: 6,
      window: P90D,
      at: instant('2026-11-20'),
      source: 'forum',
    },
    {
      metric: 'distinct-voters',
      unit: 'upgrades',
      value: 12,
      window: P90D,
      at: instant('2026-11-20'),
      source: 'snapshot',
    },
    {
      metric: 'distinct-proposers',
      unit: 'grants',
      value: 9,
      window: P90D,
      at: instant('2026-11-20'),
      source: 'forum',
    },
    {
      metric: 'listeners',
      unit: 'podcast',
      value: 350,
      window: 30 * 86_400,
      at: instant('2026-11-15'),
      source: 'hosting stats',
    },
  ],
  attestations: [
    { checklist: 'style-guide', unit: 'docs', by: 'ana', at: instant('2026-09-15'), evidence: STYLE_GUIDE },
  ],
  units: { grants: { decisionsAtLevel: 12 }, moderation: { decisionsAtLevel: 3 } },
};

const plan = makePlan({ organization, evidence, now: NOW });
const recommendation = (unit: string): Recommendation => plan.recommendations.find((r) => r.unit === unit)!;

describe('makePlan: the ranking', () => {
  it('ranks ready moves first and blocked moves last, then by share met, soonest commitment, units unblocked, unit id', () => {
    expect(
      plan.recommendations.map((r) => ({
        rank: r.rank,
        unit: r.unit,
        status: r.status,
        share: r.share,
        dueBy: r.dueBy === undefined ? undefined : new Date(r.dueBy).toISOString().slice(0, 10),
        unblocks: r.unblocks.length,
      })),
    ).toEqual([
      // Ready: every criterion met.
      { rank: 1, unit: 'docs', status: 'ready', share: 1, dueBy: '2027-03-31', unblocks: 0 },
      // Not blocked, by share: grants (½, evidence missing) above every share-0 move …
      { rank: 2, unit: 'grants', status: 'unknown', share: 0.5, dueBy: undefined, unblocks: 0 },
      // … though upgrades has a commitment due sooner (2026-12-20): share before commitment date.
      // Among share 0, the soonest commitment: 2026-12-20 before 2027-06-30 …
      { rank: 3, unit: 'upgrades', status: 'not-ready', share: 0, dueBy: '2026-12-20', unblocks: 1 },
      // … and any commitment before none, even against a move that unblocks another unit.
      { rank: 4, unit: 'moderation', status: 'not-ready', share: 0, dueBy: '2027-06-30', unblocks: 0 },
      // No commitments: the move that unblocks a unit first …
      { rank: 5, unit: 'infra', status: 'not-ready', share: 0, dueBy: undefined, unblocks: 1 },
      // … then by unit id.
      { rank: 6, unit: 'newsletter', status: 'not-ready', share: 0, dueBy: undefined, unblocks: 0 },
      { rank: 7, unit: 'podcast', status: 'not-ready', share: 0, dueBy: undefined, unblocks: 0 },
      // Blocked moves come last, whatever their share or commitment: the treasury (½, overdue
      // 2026-11-01) waits for the moves that would unblock it.
      { rank: 8, unit: 'treasury', status: 'blocked', share: 0.5, dueBy: '2026-11-01', unblocks: 0 },
    ]);
    expect(plan.atTarget).toEqual(['brand']);
    expect(plan.organization).toEqual({ id: 'harbor', name: 'Harbor' });
    expect(plan.now).toBe(NOW);
  });

  it('does not depend on the order units are declared in', () => {
    const reversed = { ...organization, units: [...organization.units].reverse() };
    expect(
      makePlan({ organization: reversed, evidence, now: NOW }).recommendations.map((r) => r.unit),
    ).toEqual(plan.recommendations.map((r) => r.unit));
  });
});

describe('makePlan: each recommendation explains itself', () => {
  it('a ready move: every criterion met, with its reason', () => {
    const docs = recommendation('docs');
    expect(docs).toMatchObject({
      unitName: 'Documentation',
      dimension: 'product',
      from: { index: 1, id: 'transparent', name: 'Transparent' },
      to: { index: 2, id: 'consultative', name: 'Consultative' },
      target: { index: 2, id: 'consultative', name: 'Consultative' },
      counts: { met: 2, unmet: 0, unknown: 0, total: 2 },
      missing: [],
      blockedBy: [],
      unblocks: [],
      dueBy: instant('2027-03-31'),
    });
    expect(docs.met).toEqual([
      `A style guide is published (attested with an evidence link) — attested by Ana Lima on 2026-09-15 (${STYLE_GUIDE})`,
      // 2026-06-01 → 2026-11-25: 29 + 31 + 31 + 30 + 31 + 25 = 177 days.
      'at least 90 days at the current level — at Transparent since 2026-06-01 (177 days), needs 90 days',
    ]);
    expect(docs.summary).toBe(
      'Documentation is ready to move from Transparent to Consultative: all 2 criteria are met. A commitment falls due on 2027-03-31.',
    );
  });

  it('a blocked move names the dependency; met dependencies count as met', () => {
    const treasury = recommendation('treasury');
    // Met: 6 proposers ≥ 5, Documentation at Transparent. Unmet: 85 of 90 days, Upgrades below Delegated.
    expect(treasury.counts).toEqual({ met: 2, unmet: 2, unknown: 0, total: 4 });
    expect(treasury.met).toEqual([
      'Distinct proposers at least 5 over 90 days — Distinct proposers is 6, needs at least 5 (forum, 2026-11-20)',
      'Documentation at Transparent or above (it is at Transparent)',
    ]);
    // 2026-09-01 → 2026-11-25: 29 + 31 + 25 = 85 days; 2026-09-01 + 90 days = 2026-11-30.
    expect(treasury.missing).toEqual([
      'at least 90 days at the current level — at Consultative since 2026-09-01 (85 days), needs 90 days: met on 2026-11-30',
    ]);
    expect(treasury.blockedBy).toEqual(['Upgrades at Delegated or above (it is at Consultative)']);
    // The dependency on Infrastructure applies from Community-governed only: not part of this move.
    expect(treasury.summary).toBe(
      'Treasury cannot move to Delegated yet: it needs Upgrades at Delegated or above (it is at Consultative). A commitment falls due on 2026-11-01.',
    );
  });

  it('a move that is not ready names the numbers, and what it unblocks', () => {
    const upgrades = recommendation('upgrades');
    expect(upgrades.met).toEqual([]);
    // 2026-10-01 → 2026-11-25 = 30 + 25 = 55 days; + 120 days = 2027-01-29.
    expect(upgrades.missing).toEqual([
      'Distinct voters at least 20 over 90 days — Distinct voters is 12, needs at least 20 (snapshot, 2026-11-20)',
      'at least 120 days at the current level — at Consultative since 2026-10-01 (55 days), needs 120 days: met on 2027-01-29',
    ]);
    // The treasury needs Upgrades at Delegated; the newsletter's criterion on Upgrades is not a
    // dependency, so it is not counted.
    expect(upgrades.unblocks).toEqual(['Treasury']);
    expect(upgrades.summary).toBe(
      'Upgrades is not ready for Delegated: 0 of 2 criteria met. Missing: Distinct voters at least 20 over 90 days — Distinct voters is 12, needs at least 20 (snapshot, 2026-11-20); at least 120 days at the current level — at Consultative since 2026-10-01 (55 days), needs 120 days: met on 2027-01-29. Moving it unblocks Treasury. A commitment falls due on 2026-12-20.',
    );
    expect(upgrades.target).toEqual({ index: 4, id: 'community', name: 'Community-governed' });
  });

  it('a move with evidence missing marks what is unknown', () => {
    const grants = recommendation('grants');
    expect(grants.counts).toEqual({ met: 1, unmet: 0, unknown: 1, total: 2 });
    expect(grants.met).toEqual([
      'at least 10 decisions completed at the current level — 12 decisions completed at Delegated, needs at least 10',
    ]);
    expect(grants.missing).toEqual([
      '(unknown) Participation at least 0.05 over 90 days — no observation of Participation in the evidence',
    ]);
    expect(grants.summary).toBe(
      'Grants may be ready for Community-governed: 1 of 2 criteria met, 1 lacks evidence. Missing: (unknown) Participation at least 0.05 over 90 days — no observation of Participation in the evidence.',
    );
  });

  it('the one-criterion moves say which criterion, with its numbers', () => {
    expect(recommendation('moderation').missing).toEqual([
      'at least 5 decisions completed at the current level — 3 decisions completed at Transparent, needs at least 5',
    ]);
    expect(recommendation('infra').missing).toEqual([
      'An operations runbook is published (attested with an evidence link) — not attested',
    ]);
    // Infrastructure at Transparent is what the treasury needs for Community-governed.
    expect(recommendation('infra').unblocks).toEqual(['Treasury']);
    expect(recommendation('newsletter').missing).toEqual([
      'Upgrades at Delegated or above — Upgrades is at Consultative (2), needs Delegated (3) or above',
    ]);
    expect(recommendation('podcast').missing).toEqual([
      'Listeners at least 500 over 30 days — Listeners is 350, needs at least 500 (hosting stats, 2026-11-15)',
    ]);
  });
});

describe('makePlan: the roadmap', () => {
  const step = (unit: string, to: number) => plan.roadmap.find((s) => s.unit === unit && s.to.index === to)!;
  const date = (ms: number | undefined) =>
    ms === undefined ? 'no date' : new Date(ms).toISOString().slice(0, 10);
  // The same organization once Upgrades has 24 voters (20 needed) and the runbook is attested:
  // nothing unmet stands that waiting does not bring, so every move can be dated.
  const dated = makePlan({
    organization,
    evidence: {
      ...evidence,
      observations: evidence.observations.map((o) =>
        o.metric === 'distinct-voters' ? { ...o, value: 24 } : o,
      ),
      attestations: [
        ...evidence.attestations,
        { checklist: 'runbook', unit: 'infra', at: instant('2026-11-01'), evidence: 'https://ops.example' },
      ],
      units: { ...evidence.units, moderation: { decisionsAtLevel: 5 } },
    },
    now: NOW,
  });
  const datedStep = (unit: string, to: number) =>
    dated.roadmap.find((s) => s.unit === unit && s.to.index === to)!;

  it('lists every remaining move by earliest date, then unit id, then level; undated moves last', () => {
    expect(plan.roadmap.map((s) => `${date(s.earliest)} ${s.unit} ${s.from.index}→${s.to.index}`)).toEqual([
      '2026-11-25 docs 1→2',
      '2026-11-25 grants 3→4',
      'no date infra 0→1',
      'no date moderation 1→2',
      'no date newsletter 0→1',
      'no date podcast 0→1',
      'no date treasury 2→3',
      'no date treasury 3→4',
      'no date upgrades 2→3',
      'no date upgrades 3→4',
    ]);
  });

  it('gives no date to a move that waiting cannot make ready, and says why in numbers', () => {
    expect(step('infra', 1)).toMatchObject({
      basis: ['needs An operations runbook is published (attested with an evidence link) — not attested'],
      waits: [],
    });
    expect(step('infra', 1)).not.toHaveProperty('earliest');
    // 3 of 5 decisions at Transparent: decisions do not come with time, and no rate is known.
    expect(step('moderation', 2)).toMatchObject({
      basis: ['needs 5 decisions at Transparent (3 so far)'],
      blockers: [
        {
          kind: 'decisions-at-level',
          level: { index: 1, id: 'transparent', name: 'Transparent' },
          required: 5,
          actual: 3,
        },
      ],
    });
    expect(step('podcast', 1).basis).toEqual([
      'needs Listeners at least 500 over 30 days — Listeners is 350, needs at least 500 (hosting stats, 2026-11-15)',
    ]);
    // The 120-day wait alone would date it 2027-01-29, but 12 voters of 20 no date can bring.
    expect(step('upgrades', 3).basis).toEqual([
      'needs Distinct voters at least 20 over 90 days — Distinct voters is 12, needs at least 20 (snapshot, 2026-11-20)',
    ]);
    // Undated moves leave the moves that need them undated, each saying which.
    expect(step('newsletter', 1).basis).toEqual(['needs Upgrades at Delegated, which has no date']);
    expect(step('treasury', 3).basis).toEqual(['needs Upgrades at Delegated, which has no date']);
    expect(step('treasury', 4).basis).toEqual([
      'follows the move to Delegated, which has no date',
      'needs Upgrades at Delegated, which has no date',
      'needs Infrastructure at Transparent, which has no date',
    ]);
  });

  it('dates a move by its time at level: since + the wait, or now if that has passed', () => {
    // Documentation: 2026-06-01 + 90 days = 2026-08-30, already past: now.
    expect(step('docs', 2)).toMatchObject({
      earliest: NOW,
      basis: ['90 days at Transparent (from 2026-06-01)'],
      open: [],
    });
    // Upgrades: 2026-10-01 + 120 days = 2027-01-29 (30 + 30 + 31 + 29).
    expect(datedStep('upgrades', 3)).toEqual({
      unit: 'upgrades',
      unitName: 'Upgrades',
      from: { index: 2, id: 'consultative', name: 'Consultative' },
      to: { index: 3, id: 'delegated', name: 'Delegated' },
      earliest: instant('2026-10-01') + 120 * DAY_MS,
      waits: [
        {
          kind: 'time-at-level',
          level: { index: 2, id: 'consultative', name: 'Consultative' },
          since: instant('2026-10-01'),
          seconds: 120 * 86_400,
          until: instant('2027-01-29'),
        },
      ],
      blockers: [],
      assumes: [],
      basis: ['120 days at Consultative (from 2026-10-01)'],
      open: [],
    });
    expect(datedStep('upgrades', 3).earliest).toBe(instant('2027-01-29'));
    // Decisions enough (5 of 5): dated now.
    expect(datedStep('moderation', 2)).toMatchObject({ earliest: NOW, basis: [], blockers: [] });
  });

  it('propagates a dependency’s arrival date', () => {
    // The treasury's own wait ends on 2026-09-01 + 90 days = 2026-11-30, but Upgrades reaches
    // Delegated only on 2027-01-29: the later date wins.
    expect(datedStep('treasury', 3)).toMatchObject({
      earliest: instant('2027-01-29'),
      basis: ['90 days at Consultative (from 2026-09-01)', 'after Upgrades reaches Delegated (2027-01-29)'],
      open: [],
    });
    // The next notch follows the first, and needs Infrastructure at Transparent (reachable now) too.
    expect(datedStep('treasury', 4)).toMatchObject({
      earliest: instant('2027-01-29'),
      basis: [
        'after Upgrades reaches Delegated (2027-01-29)',
        'after Infrastructure reaches Transparent (2026-11-25)',
      ],
      open: [],
    });
    // A criterion on another unit's level sets the date in the same way.
    expect(datedStep('newsletter', 1)).toMatchObject({
      earliest: instant('2027-01-29'),
      basis: ['after Upgrades reaches Delegated (2027-01-29)'],
      open: [],
    });
  });

  it('lists what has no evidence yet, assuming it will hold by then', () => {
    expect(step('grants', 4)).toMatchObject({
      earliest: NOW,
      basis: [],
      open: ['Participation at least 0.05 over 90 days'],
    });
    expect(step('grants', 4).assumes.map((r) => [r.kind, r.status])).toEqual([['metric', 'unknown']]);
  });
});

describe('makePlan: commitments', () => {
  const view = (id: string) => plan.commitments.find((c) => c.id === id)!;

  it('gives each commitment its status and countdown', () => {
    expect(
      plan.commitments.map((c) => ({
        id: c.id,
        status: c.status,
        daysLeft: c.daysLeft,
        earliest: c.earliest,
      })),
    ).toEqual([
      // 2026-11-25 → 2027-03-31: 30 + 31 + 31 + 28 + 6 = 126 days; reachable now.
      { id: 'docs-consultative', status: 'on-track', daysLeft: 126, earliest: NOW },
      // 2026-11-01 is 24 days past.
      { id: 'treasury-delegated', status: 'overdue', daysLeft: -24, earliest: undefined },
      // 25 days left, and the move has no date (12 voters of 20).
      { id: 'upgrades-delegated', status: 'at-risk', daysLeft: 25, earliest: undefined },
      // Triggers: 9 proposers ≥ 8 holds, so the move is owed; ≥ 50 does not yet.
      { id: 'grants-community', status: 'due', daysLeft: undefined, earliest: NOW },
      { id: 'grants-community-2', status: 'waiting', daysLeft: undefined, earliest: NOW },
      // 126 + 30 + 31 + 30 = 217 days, but the move has no date (3 decisions of 5).
      { id: 'moderation-consultative', status: 'at-risk', daysLeft: 217, earliest: undefined },
      // Brand is at Consultative already; the date (148 days ago) no longer matters.
      { id: 'brand-consultative', status: 'met', daysLeft: -148, earliest: NOW },
    ]);
  });

  it('shows the trigger and its reason', () => {
    expect(view('grants-community').trigger).toMatchObject({
      status: 'met',
      reason: 'Distinct proposers is 9, needs at least 8 (forum, 2026-11-20)',
    });
    expect(view('grants-community-2').trigger?.reason).toBe(
      'Distinct proposers is 9, needs at least 50 (forum, 2026-11-20)',
    );
    expect(view('grants-community')).not.toHaveProperty('by');
    expect(view('upgrades-delegated')).toMatchObject({
      unit: 'upgrades',
      unitName: 'Upgrades',
      level: { index: 3, id: 'delegated', name: 'Delegated' },
      by: instant('2026-12-20'),
    });
  });

  it('counts partial days up', () => {
    // Half a day later, 24.5 days remain until 2026-12-20: 25 whole days of countdown.
    const later = makePlan({ organization, evidence, now: NOW + DAY_MS / 2 });
    expect(later.commitments.find((c) => c.id === 'upgrades-delegated')?.daysLeft).toBe(25);
    // A day and a half later, 23.5 remain: 24.
    const next = makePlan({ organization, evidence, now: NOW + 1.5 * DAY_MS });
    expect(next.commitments.find((c) => c.id === 'upgrades-delegated')?.daysLeft).toBe(24);
  });
});

describe('makePlan: roadmap edge cases', () => {
  it('says so when a dependency lies beyond the other unit’s target, or a criterion waits on itself', () => {
    const stuck = organizationFromYaml(`
devolve: 1
organization: { id: stuck, name: Stuck, kind: company }
members: [{ id: ana, name: Ana }]
roles: [{ id: team, name: Team, scope: team, members: [ana] }]
defaults:
  roles: { team: [team], council: [team], community: [team], guardian: [team] }
units:
  - id: a
    name: Alpha
    dimension: product
    owners: [team]
    level: founder
    target: consultative
    dependsOn:
      - { unit: b, level: delegated, for: consultative }
  - id: b
    name: Beta
    dimension: product
    owners: [team]
    level: founder
    target: transparent
  - id: c
    name: Gamma
    dimension: product
    owners: [team]
    level: founder
    target: transparent
    readiness:
      transparent: { unit: d, atLeast: transparent }
  - id: d
    name: Delta
    dimension: product
    owners: [team]
    level: founder
    target: transparent
    readiness:
      transparent: { unit: c, atLeast: transparent }
`);
    const roadmap = makePlan({
      organization: stuck,
      evidence: { observations: [], attestations: [], units: {} },
      now: NOW,
    }).roadmap;
    expect(roadmap.map((s) => [s.unit, s.to.index, s.earliest, s.basis])).toEqual([
      ['a', 1, NOW, []],
      ['b', 1, NOW, []],
      // Beta's target is Transparent: it is not planned to reach Delegated.
      ['a', 2, undefined, ['needs Beta at Delegated, beyond its target']],
      // Gamma needs Delta first and Delta needs Gamma first: Delta is found waiting on Gamma,
      // and Gamma then on an undated Delta.
      ['c', 1, undefined, ['needs Delta at Transparent, which has no date']],
      ['d', 1, undefined, ['needs Gamma at Transparent, which waits on this move']],
    ]);
  });

  it('gives a later move no date while a requirement its level adds does not hold', () => {
    const staged = organizationFromYaml(`
devolve: 1
organization: { id: staged, name: Staged, kind: web3 }
members: [{ id: ana, name: Ana }, { id: ben, name: Ben }, { id: cy, name: Cy }]
roles:
  - { id: team, name: Team, scope: team, members: [ana] }
  - { id: council, name: Council, scope: council, members: [ana, ben, cy] }
defaults:
  roles: { team: [team], council: [council], community: [council], guardian: [council] }
ladders:
  - id: stages
    name: Stages
    levels:
      - { id: s0, name: Stage 0, policy: { propose: [$owner], method: single-owner, deciders: [$owner] } }
      - id: s1
        name: Stage 1
        policy: { propose: [$owner], method: single-owner, deciders: [$owner] }
        requirements: { role: council, minMembers: 2 }
      - id: s2
        name: Stage 2
        policy: { propose: [$owner], method: single-owner, deciders: [$owner] }
        requirements:
          all:
            - { role: council, minMembers: 2 }
            - { role: council, minMembers: 5 }
            - { checklist: onchain-only, text: The council acts only on bugs provable on-chain }
units:
  - { id: bridge, name: Bridge, dimension: product, owners: [team], ladder: stages, level: s0, target: s2 }
`);
    const roadmap = makePlan({
      organization: staged,
      evidence: { observations: [], attestations: [], units: {} },
      now: NOW,
    }).roadmap;
    // Stage 1's council of two is there (three members): nothing open.
    expect(roadmap[0]).toMatchObject({ unit: 'bridge', to: { index: 1 }, open: [] });
    // Stage 2 adds a council of five (it has three) and an attested item; the council of two holds.
    expect(roadmap[1]).toMatchObject({
      unit: 'bridge',
      to: { index: 2 },
      basis: [
        'needs Council has at least 5 members — Council has 3 current members, needs at least 5',
        'needs The council acts only on bugs provable on-chain (attested with an evidence link) — not attested',
      ],
      open: [],
    });
    expect(roadmap[1]).not.toHaveProperty('earliest');
  });
});
