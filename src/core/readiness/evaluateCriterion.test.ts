// One file (over 450 lines): one table of cases per criterion kind, all on the fixture
// organization and evidence below; together they are the readiness rules' specification.
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  FIXTURE_HEAD,
  instant,
  organizationFromYaml,
} from '../../../test/support/organizationFromYaml.js';
import { type Evidence, NO_EVIDENCE, type Observation } from '../evidence/Evidence.js';
import { holdingsObservations } from '../evidence/loadEvidence.js';
import type { Criterion } from '../model/Organization.js';
import {
  type CriterionResult,
  countLeaves,
  evaluateCriterion,
  type ReadinessContext,
} from './evaluateCriterion.js';

// Its own charter, like makePlan.test.ts's, by design: each test file's fixture reads whole beside the
// assertions that depend on it.
const organization = organizationFromYaml(`${FIXTURE_HEAD}  - { id: cleo, name: Cleo Park }
roles:
  - id: team
    name: Team
    scope: team
    members: [ana, ben]
  - id: council
    name: Council
    scope: council
    threshold: 2/3
    members:
      - ana
      - { member: ben, from: 2026-01-01, until: 2026-12-01 }
      - { member: cleo, from: 2026-12-01 }
  - id: holders
    name: Holders
    scope: community
    open: true
    weight: { token: FIX }
defaults:
  roles: { team: [team], council: [council], community: [holders], guardian: [council] }
metrics:
  - { id: listeners, name: Listeners }
units:
  - id: treasury
    name: Treasury
    dimension: capital
    owners: [team]
    level: consultative
    since: 2026-06-01
    target: community
    policies:
      community: { timelock: P10D }
  - id: grants
    name: Grants
    dimension: capital
    owners: [team]
    level: delegated
    target: community
`);

const treasury = organization.units.find((u) => u.id === 'treasury')!;
const grants = organization.units.find((u) => u.id === 'grants')!;
const NOW = instant('2026-11-25');
const P90D = 90 * 86_400;

const evidenceWith = (parts: Partial<Evidence>): Evidence => ({ ...NO_EVIDENCE, ...parts });

/** Evaluates `criterion` for the treasury (at Consultative) unless the context says otherwise. */
function evaluate(criterion: Criterion, context: Partial<ReadinessContext> = {}): CriterionResult {
  return evaluateCriterion({
    criterion,
    context: { organization, unit: treasury, level: 3, evidence: NO_EVIDENCE, now: NOW, ...context },
  });
}

/** Status and reason, the two things a reader of the plan sees. */
const verdict = (result: CriterionResult) => ({ status: result.status, reason: result.reason });

describe('evaluateCriterion: metric thresholds', () => {
  const voters: Criterion = {
    kind: 'metric',
    metric: 'distinct-voters',
    unit: 'treasury',
    comparison: '>=',
    value: 20,
    window: P90D,
  };
  const observation = (parts: Partial<Observation>): Observation => ({
    metric: 'distinct-voters',
    unit: 'treasury',
    value: 24,
    window: P90D,
    at: instant('2026-11-20'),
    source: 'snapshot.example',
    ...parts,
  });
  const withObservations = (...observations: Observation[]) => ({ evidence: evidenceWith({ observations }) });

  it('describes the criterion with the metric name, comparison and window', () => {
    expect(evaluate(voters).text).toBe('Distinct voters at least 20 over 90 days');
    // A metric of another unit names that unit.
    expect(evaluate({ ...voters, unit: 'grants' }).text).toBe(
      'Distinct voters of Grants at least 20 over 90 days',
    );
  });

  it('is met or unmet by the observation, and the reason names both numbers and the source', () => {
    expect(verdict(evaluate(voters, withObservations(observation({}))))).toEqual({
      status: 'met',
      reason: 'Distinct voters is 24, needs at least 20 (snapshot.example, 2026-11-20)',
    });
    expect(verdict(evaluate(voters, withObservations(observation({ value: 12 }))))).toEqual({
      status: 'unmet',
      reason: 'Distinct voters is 12, needs at least 20 (snapshot.example, 2026-11-20)',
    });
    // Without a source the date stands alone.
    const { source: _, ...unsourced } = observation({ value: 12 });
    expect(evaluate(voters, withObservations(unsourced)).reason).toBe(
      'Distinct voters is 12, needs at least 20 (2026-11-20)',
    );
  });

  it('compares at the boundary as the comparison says: at least / at most include it, above / below do not', () => {
    const at20 = withObservations(observation({ value: 20 }));
    expect(evaluate({ ...voters, comparison: '>=' }, at20).status).toBe('met');
    expect(evaluate({ ...voters, comparison: '<=' }, at20).status).toBe('met');
    expect(evaluate({ ...voters, comparison: '>' }, at20).status).toBe('unmet');
    expect(verdict(evaluate({ ...voters, comparison: '<' }, at20))).toEqual({
      status: 'unmet',
      reason: 'Distinct voters is 20, needs below 20 (snapshot.example, 2026-11-20)',
    });
  });

  it('is unknown without an observation of the metric', () => {
    expect(verdict(evaluate(voters))).toEqual({
      status: 'unknown',
      reason: 'no observation of Distinct voters in the evidence',
    });
    // An observation of another unit is not one of this unit.
    expect(evaluate(voters, withObservations(observation({ unit: 'grants' }))).reason).toBe(
      'no observation of Distinct voters in the evidence',
    );
  });

  it('needs an observation over the same window, and otherwise says what the evidence covers', () => {
    const evidence = withObservations(
      observation({ window: 30 * 86_400 }),
      observation({ window: 30 * 86_400, at: instant('2026-11-01') }),
      { metric: 'distinct-voters', unit: 'treasury', value: 31, at: instant('2026-11-20') },
    );
    expect(verdict(evaluate(voters, evidence))).toEqual({
      status: 'unknown',
      reason:
        'no observation of Distinct voters over 90 days; the evidence covers 30 days, a single point in time',
    });
    // A point-in-time criterion is not met by windowed observations either.
    const gini: Criterion = {
      kind: 'metric',
      metric: 'holder-gini',
      unit: 'treasury',
      comparison: '<',
      value: 0.9,
    };
    expect(
      verdict(
        evaluate(gini, withObservations(observation({ metric: 'holder-gini', value: 0.5, window: P90D }))),
      ),
    ).toEqual({
      status: 'unknown',
      reason: 'no observation of Holder Gini at a single point in time; the evidence covers 90 days',
    });
  });

  it('treats an observation older than its window as stale: unknown, naming it', () => {
    // 2026-08-01 is 116 days before 2026-11-25, more than the 90-day window.
    expect(verdict(evaluate(voters, withObservations(observation({ at: instant('2026-08-01') }))))).toEqual({
      status: 'unknown',
      reason:
        'the latest observation of Distinct voters (24, snapshot.example, 2026-08-01) is older than the 90-day window',
    });
    // 2026-08-27 is exactly 90 days before: still fresh (4 + 30 + 31 + 25 days).
    expect(evaluate(voters, withObservations(observation({ at: instant('2026-08-27') }))).status).toBe('met');
    expect(instant('2026-11-25') - instant('2026-08-27')).toBe(90 * DAY_MS);
  });

  it('treats a point-in-time observation older than 90 days as stale', () => {
    const admins: Criterion = {
      kind: 'metric',
      metric: 'admin-keys',
      unit: 'treasury',
      comparison: '<=',
      value: 2,
    };
    const old = {
      metric: 'admin-keys',
      unit: 'treasury',
      value: 1,
      at: instant('2026-08-01'),
      source: 'chain',
    };
    expect(verdict(evaluate(admins, withObservations(old)))).toEqual({
      status: 'unknown',
      reason: 'the latest observation of Admin keys (1, chain, 2026-08-01) is older than 90 days',
    });
    expect(evaluate(admins, withObservations({ ...old, at: instant('2026-11-01') })).status).toBe('met');
  });

  it('ignores observations dated after now', () => {
    const future = observation({ value: 30, at: instant('2026-11-30') });
    expect(evaluate(voters, withObservations(future)).reason).toBe(
      'no observation of Distinct voters in the evidence',
    );
    expect(verdict(evaluate(voters, withObservations(future, observation({ value: 12 }))))).toEqual({
      status: 'unmet',
      reason: 'Distinct voters is 12, needs at least 20 (snapshot.example, 2026-11-20)',
    });
  });

  it('takes the latest observation', () => {
    const evidence = withObservations(
      observation({ value: 12, at: instant('2026-11-01') }),
      observation({ value: 24, at: instant('2026-11-20') }),
      observation({ value: 15, at: instant('2026-10-15') }),
    );
    expect(evaluate(voters, evidence).reason).toBe(
      'Distinct voters is 24, needs at least 20 (snapshot.example, 2026-11-20)',
    );
  });

  it('prefers the unit’s own observation to an organization-wide one, even a newer one', () => {
    const { unit: _, ...orgWide } = observation({ value: 30, at: instant('2026-11-24'), source: 'org-wide' });
    const own = observation({ value: 12, at: instant('2026-11-01') });
    expect(evaluate(voters, withObservations(orgWide, own)).reason).toBe(
      'Distinct voters is 12, needs at least 20 (snapshot.example, 2026-11-01)',
    );
    // Alone, the organization-wide observation applies to every unit.
    expect(evaluate(voters, withObservations(orgWide)).reason).toBe(
      'Distinct voters is 30, needs at least 20 (org-wide, 2026-11-24)',
    );
  });

  it('compares exact values exactly: an exact 1/2 is not below 0.5', () => {
    // Two equal holders: HHI = (1/2)² + (1/2)² = 1/2 exactly.
    const evidence = { evidence: evidenceWith({ observations: hhiOf([7n, 7n]) }) };
    const hhi = (comparison: '<' | '<=', value: number): Criterion => ({
      kind: 'metric',
      metric: 'holder-hhi',
      unit: 'treasury',
      comparison,
      value,
    });
    expect(verdict(evaluate(hhi('<', 0.5), evidence))).toEqual({
      status: 'unmet',
      reason: 'Holder HHI is 0.5, needs below 0.5 (FIX holdings, 2026-11-20)',
    });
    expect(evaluate(hhi('<=', 0.5), evidence).status).toBe('met');
  });

  it('does not round: 1/3 is above the closest double to it', () => {
    // Three equal holders: HHI = 3 × (1/3)² = 1/3. The double 0.3333333333333333 is the decimal
    // 3333333333333333/10^16, just below 1/3, so "at most" it fails, though as floating point
    // numbers the two are equal.
    const evidence = { evidence: evidenceWith({ observations: hhiOf([5n, 5n, 5n]) }) };
    const third = 1 / 3;
    const result = evaluate(
      { kind: 'metric', metric: 'holder-hhi', unit: 'treasury', comparison: '<=', value: third },
      evidence,
    );
    expect(result.status).toBe('unmet');
    expect(result.reason).toBe(
      'Holder HHI is 0.3333 (= 1/3), needs at most 0.3333333333333333 (FIX holdings, 2026-11-20)',
    );
  });
});

/** The holder-hhi observation of a holdings snapshot taken on 2026-11-20. */
function hhiOf(balances: bigint[]): Observation[] {
  return holdingsObservations({ balances, at: instant('2026-11-20'), source: 'FIX holdings' }).filter(
    (o) => o.metric === 'holder-hhi',
  );
}

describe('evaluateCriterion: time at the current level', () => {
  const days = (n: number): Criterion => ({ kind: 'time-at-level', seconds: n * 86_400 });

  it('counts from the charter’s since', () => {
    // 2026-06-01 → 2026-11-25: 29 + 31 + 31 + 30 + 31 + 25 = 177 days.
    expect(verdict(evaluate(days(90)))).toEqual({
      status: 'met',
      reason: 'at Consultative since 2026-06-01 (177 days), needs 90 days',
    });
    expect(evaluate(days(90)).text).toBe('at least 90 days at the current level');
  });

  it('says when an unmet wait will be over', () => {
    // 2026-06-01 + 180 days = 2026-11-28.
    const result = evaluate(days(180));
    expect(verdict(result)).toEqual({
      status: 'unmet',
      reason: 'at Consultative since 2026-06-01 (177 days), needs 180 days: met on 2026-11-28',
    });
    expect(result.metAt).toBe(instant('2026-11-28'));
    expect(result.metAt).toBe(instant('2026-06-01') + 180 * DAY_MS);
  });

  it('is met on the very day the wait ends', () => {
    expect(evaluate(days(177)).status).toBe('met');
    expect(evaluate(days(178)).status).toBe('unmet');
  });

  it('prefers the evidence’s since to the charter’s, and the context’s to both', () => {
    const evidence = evidenceWith({ units: { treasury: { since: instant('2026-10-01') } } });
    // 2026-10-01 → 2026-11-25 = 30 + 25 = 55 days; + 90 days = 2026-12-30.
    expect(verdict(evaluate(days(90), { evidence }))).toEqual({
      status: 'unmet',
      reason: 'at Consultative since 2026-10-01 (55 days), needs 90 days: met on 2026-12-30',
    });
    expect(evaluate(days(90), { evidence, since: instant('2026-01-01') }).reason).toBe(
      'at Consultative since 2026-01-01 (328 days), needs 90 days',
    );
  });

  it('is unknown when nothing says when the unit reached its level', () => {
    expect(verdict(evaluate(days(90), { unit: grants }))).toEqual({
      status: 'unknown',
      reason: 'no record of when Grants reached Delegated',
    });
  });

  it('names the level the unit is at in the context', () => {
    expect(evaluate(days(90), { levels: { treasury: 1 } }).reason).toBe(
      'at Transparent since 2026-06-01 (177 days), needs 90 days',
    );
  });
});

describe('evaluateCriterion: decisions at the current level', () => {
  const three: Criterion = { kind: 'decisions-at-level', count: 3 };
  const counted = (n: number) => ({
    unit: grants,
    evidence: evidenceWith({ units: { grants: { decisionsAtLevel: n } } }),
  });

  it('compares the count in the evidence with the criterion', () => {
    expect(evaluate(three).text).toBe('at least 3 decisions completed at the current level');
    expect(verdict(evaluate(three, counted(2)))).toEqual({
      status: 'unmet',
      reason: '2 decisions completed at Delegated, needs at least 3',
    });
    expect(verdict(evaluate(three, counted(1)))).toEqual({
      status: 'unmet',
      reason: '1 decision completed at Delegated, needs at least 3',
    });
    expect(verdict(evaluate(three, counted(3)))).toEqual({
      status: 'met',
      reason: '3 decisions completed at Delegated, needs at least 3',
    });
  });

  it('is unknown without a count', () => {
    // Verdicts written out, like the role cases below, by design: each test shows the exact reason a user
    // reads.
    expect(verdict(evaluate(three, { unit: grants }))).toEqual({
      status: 'unknown',
      reason: 'no count of decisions completed at Delegated',
    });
  });
});

describe('evaluateCriterion: checklist items', () => {
  const audit: Criterion = {
    kind: 'checklist',
    id: 'audit',
    text: 'Audit published',
    evidenceRequired: true,
  };
  const attested = (...attestations: Evidence['attestations']) => ({
    evidence: evidenceWith({ attestations }),
  });
  const LINK = 'https://audits.example/v3';

  it('is unmet until attested', () => {
    expect(evaluate(audit).text).toBe('Audit published (attested with an evidence link)');
    expect(verdict(evaluate(audit))).toEqual({ status: 'unmet', reason: 'not attested' });
  });

  it('needs the evidence link when the item requires one', () => {
    expect(
      verdict(evaluate(audit, attested({ checklist: 'audit', by: 'ana', at: instant('2026-10-02') }))),
    ).toEqual({
      status: 'unmet',
      reason: 'attested by Ana Lima on 2026-10-02, but without the evidence link it requires',
    });
    expect(
      verdict(
        evaluate(
          audit,
          attested({ checklist: 'audit', by: 'ana', at: instant('2026-10-02'), evidence: LINK }),
        ),
      ),
    ).toEqual({ status: 'met', reason: `attested by Ana Lima on 2026-10-02 (${LINK})` });
  });

  it('is met without a link when the link is optional', () => {
    const optional: Criterion = { ...audit, evidenceRequired: false };
    expect(evaluate(optional).text).toBe('Audit published (attested)');
    expect(verdict(evaluate(optional, attested({ checklist: 'audit', at: instant('2026-10-02') })))).toEqual({
      status: 'met',
      reason: 'attested on 2026-10-02',
    });
  });

  it('takes the latest attestation, ignoring those of other units and those dated after now', () => {
    const evidence = attested(
      { checklist: 'audit', unit: 'treasury', by: 'ana', at: instant('2026-09-01'), evidence: LINK },
      { checklist: 'audit', unit: 'treasury', by: 'ben', at: instant('2026-11-10') },
      { checklist: 'audit', unit: 'grants', by: 'cleo', at: instant('2026-11-20'), evidence: LINK },
      { checklist: 'audit', unit: 'treasury', by: 'cleo', at: instant('2026-12-01'), evidence: LINK },
    );
    // Ben's re-attestation of 10 November, without a link, is the latest that counts.
    expect(verdict(evaluate(audit, evidence))).toEqual({
      status: 'unmet',
      reason: 'attested by Ben Okoro on 2026-11-10, but without the evidence link it requires',
    });
  });
});

describe('evaluateCriterion: other units’ levels', () => {
  it('compares the other unit’s level, from the charter or the context', () => {
    const delegated: Criterion = { kind: 'unit-level', unit: 'grants', level: 3 };
    const community: Criterion = { kind: 'unit-level', unit: 'grants', level: 4 };
    expect(evaluate(delegated).text).toBe('Grants at Delegated or above');
    expect(verdict(evaluate(delegated))).toEqual({
      status: 'met',
      reason: 'Grants is at Delegated (3), needs Delegated (3) or above',
    });
    expect(verdict(evaluate(community))).toEqual({
      status: 'unmet',
      reason: 'Grants is at Delegated (3), needs Community-governed (4) or above',
    });
    expect(evaluate(delegated, { levels: { grants: 2 } }).reason).toBe(
      'Grants is at Consultative (2), needs Delegated (3) or above',
    );
  });

  it('is unknown for a unit the charter does not have', () => {
    expect(verdict(evaluate({ kind: 'unit-level', unit: 'ghost', level: 1 }))).toEqual({
      status: 'unknown',
      reason: "unit 'ghost' is not in the charter",
    });
  });
});

describe('evaluateCriterion: roles', () => {
  const members = (n: number): Criterion => ({ kind: 'role', role: 'council', minMembers: n });

  it('counts the members whose term covers now', () => {
    // On 2026-11-25: Ana (no term) and Ben (until 2026-12-01); Cleo starts on 2026-12-01.
    expect(verdict(evaluate(members(2)))).toEqual({
      status: 'met',
      reason: 'Council has 2 current members, needs at least 2',
    });
    expect(verdict(evaluate(members(3)))).toEqual({
      status: 'unmet',
      reason: 'Council has 2 current members, needs at least 3',
    });
    // On 2026-12-01 Ben's term has ended (the end is exclusive) and Cleo's begun: still two.
    expect(evaluate(members(2), { now: instant('2026-12-01') }).reason).toBe(
      'Council has 2 current members, needs at least 2',
    );
    // On 2025-12-01 only Ana's membership is in force.
    expect(verdict(evaluate(members(2), { now: instant('2025-12-01') }))).toEqual({
      status: 'unmet',
      reason: 'Council has 1 current member, needs at least 2',
    });
  });

  it('compares the threshold exactly', () => {
    const threshold = (num: bigint, den: bigint): Criterion => ({
      kind: 'role',
      role: 'council',
      minThreshold: { num, den },
    });
    expect(evaluate(threshold(2n, 3n)).text).toBe('Council has a threshold of at least 66.7% (2/3)');
    expect(verdict(evaluate(threshold(2n, 3n)))).toEqual({
      status: 'met',
      reason: 'its threshold is 66.7% (2/3), needs at least 66.7% (2/3)',
    });
    expect(verdict(evaluate(threshold(3n, 4n)))).toEqual({
      status: 'unmet',
      reason: 'its threshold is 66.7% (2/3), needs at least 75%',
    });
    // Verdicts written out, like the decision-count cases above, by design: each test shows the exact reason
    // a user reads.
    expect(verdict(evaluate({ kind: 'role', role: 'team', minThreshold: { num: 1n, den: 2n } }))).toEqual({
      status: 'unmet',
      reason: 'Team declares no threshold, needs at least 50%',
    });
  });

  it('needs both parts when both are asked for', () => {
    const both: Criterion = {
      kind: 'role',
      role: 'council',
      minMembers: 2,
      minThreshold: { num: 3n, den: 4n },
    };
    expect(evaluate(both).text).toBe('Council has at least 2 members and a threshold of at least 75%');
    expect(verdict(evaluate(both))).toEqual({
      status: 'unmet',
      reason:
        'Council has 2 current members, needs at least 2; its threshold is 66.7% (2/3), needs at least 75%',
    });
  });

  it('is unknown for a role the charter does not have', () => {
    expect(evaluate({ kind: 'role', role: 'ghosts', minMembers: 1 }).status).toBe('unknown');
  });
});

describe('evaluateCriterion: exit windows', () => {
  const week = (withdrawalDays: number): Criterion => ({
    kind: 'exit-window',
    seconds: 7 * 86_400,
    withdrawalDelay: withdrawalDays * 86_400,
  });

  it('is the level’s timelock less the withdrawal delay', () => {
    // Community-governed: the treasury's timelock is 10 days. 10 − 2 = 8 days ≥ 7.
    expect(verdict(evaluate(week(2), { level: 4 }))).toEqual({
      status: 'met',
      reason:
        'Community-governed gives users 8 days to exit (a timelock of 10 days less a 2-day withdrawal delay), needs 7 days',
    });
    // 10 − 4 = 6 days < 7.
    expect(evaluate(week(4), { level: 4 }).status).toBe('unmet');
    expect(verdict(evaluate(week(0), { level: 4 }))).toEqual({
      status: 'met',
      reason: 'Community-governed gives users 10 days to exit (a timelock of 10 days), needs 7 days',
    });
  });

  it('leaves no time when the level has no timelock', () => {
    // Delegated has no timelock: 0 − 2 days is no time at all.
    expect(verdict(evaluate(week(2), { level: 3 }))).toEqual({
      status: 'unmet',
      reason:
        'Delegated gives users no time to exit (a timelock of no time less a 2-day withdrawal delay), needs 7 days',
    });
  });

  it('is unknown for a level not on the ladder', () => {
    expect(verdict(evaluate(week(0), { level: 9 }))).toEqual({
      status: 'unknown',
      reason: 'level 9 is not on the ladder',
    });
  });
});

describe('evaluateCriterion: all / any / not', () => {
  // Leaves whose verdict depends only on the charter and now.
  const MET: Criterion = { kind: 'unit-level', unit: 'grants', level: 3 };
  const UNMET: Criterion = { kind: 'unit-level', unit: 'grants', level: 5 };
  const UNKNOWN: Criterion = { kind: 'decisions-at-level', count: 1 };

  it('all: unmet if any part is unmet, else unknown if any is, else met', () => {
    expect(verdict(evaluate({ kind: 'all', of: [MET, MET] }))).toEqual({
      status: 'met',
      reason: '2 of 2 met',
    });
    expect(verdict(evaluate({ kind: 'all', of: [MET, UNMET, UNKNOWN] }))).toEqual({
      status: 'unmet',
      reason: '1 of 3 met, 1 unmet, 1 unknown',
    });
    expect(verdict(evaluate({ kind: 'all', of: [MET, UNKNOWN] }))).toEqual({
      status: 'unknown',
      reason: '1 of 2 met, 1 unknown',
    });
    expect(evaluate({ kind: 'all', of: [MET, UNKNOWN] }).children?.map((c) => c.status)).toEqual([
      'met',
      'unknown',
    ]);
  });

  it('any: met if any part is met, naming the met part as met and the others as unmet or unknown', () => {
    // The met part decides, so it comes first with its reason; the unmet part is only named.
    expect(verdict(evaluate({ kind: 'any', of: [UNMET, MET] }))).toEqual({
      status: 'met',
      reason:
        '1 of 2 met: Grants at Delegated or above — Grants is at Delegated (3), needs Delegated (3) or above; unmet: Grants at Autonomous or above',
    });
    expect(verdict(evaluate({ kind: 'any', of: [UNKNOWN, MET, UNMET] }))).toEqual({
      status: 'met',
      reason:
        '1 of 3 met: Grants at Delegated or above — Grants is at Delegated (3), needs Delegated (3) or above; unmet: Grants at Autonomous or above; unknown: at least 1 decision completed at the current level',
    });
    expect(verdict(evaluate({ kind: 'any', of: [MET, MET] }))).toEqual({
      status: 'met',
      reason:
        '2 of 2 met: Grants at Delegated or above — Grants is at Delegated (3), needs Delegated (3) or above; Grants at Delegated or above — Grants is at Delegated (3), needs Delegated (3) or above',
    });
  });

  it('any: unknown if no part is met and one is unknown, else unmet, giving every part its reason', () => {
    expect(verdict(evaluate({ kind: 'any', of: [UNMET, UNKNOWN] }))).toEqual({
      status: 'unknown',
      reason:
        '0 of 2 met; unmet: Grants at Autonomous or above — Grants is at Delegated (3), needs Autonomous (5) or above; unknown: at least 1 decision completed at the current level — no count of decisions completed at Consultative',
    });
    expect(verdict(evaluate({ kind: 'any', of: [UNMET, UNMET] }))).toEqual({
      status: 'unmet',
      reason:
        '0 of 2 met; unmet: Grants at Autonomous or above — Grants is at Delegated (3), needs Autonomous (5) or above; Grants at Autonomous or above — Grants is at Delegated (3), needs Autonomous (5) or above',
    });
    expect(evaluate({ kind: 'any', of: [UNMET, MET] }).text).toBe(
      'any of (Grants at Autonomous or above; Grants at Delegated or above)',
    );
  });

  it('carries the numbers as data: counts for all / any, required and actual for a leaf', () => {
    expect(evaluate({ kind: 'any', of: [UNKNOWN, MET, UNMET] }).facts).toEqual({
      kind: 'any',
      met: 1,
      unmet: 1,
      unknown: 1,
      total: 3,
    });
    expect(evaluate(MET).facts).toEqual({
      kind: 'unit-level',
      unit: 'grants',
      unitName: 'Grants',
      required: 3,
      requiredName: 'Delegated',
      actual: 3,
      actualName: 'Delegated',
    });
    expect(evaluate(UNKNOWN).facts).toEqual({
      kind: 'decisions-at-level',
      level: 2,
      levelName: 'Consultative',
      required: 1,
    });
  });

  it('not: swaps met and unmet, keeps unknown', () => {
    expect(verdict(evaluate({ kind: 'not', of: MET }))).toEqual({
      status: 'unmet',
      reason:
        'it is true that Grants at Delegated or above: Grants is at Delegated (3), needs Delegated (3) or above',
    });
    expect(verdict(evaluate({ kind: 'not', of: UNMET }))).toEqual({
      status: 'met',
      reason:
        'it is false that Grants at Autonomous or above: Grants is at Delegated (3), needs Autonomous (5) or above',
    });
    expect(verdict(evaluate({ kind: 'not', of: UNKNOWN }))).toEqual({
      status: 'unknown',
      reason:
        'it is unknown that at least 1 decision completed at the current level: no count of decisions completed at Consultative',
    });
    expect(evaluate({ kind: 'not', of: UNMET }).text).toBe('none of (Grants at Autonomous or above)');
  });

  it('countLeaves counts the parts of all one by one (nested too), and any or not as one criterion', () => {
    const result = evaluate({
      kind: 'all',
      of: [
        MET,
        UNMET,
        { kind: 'all', of: [MET, UNKNOWN] },
        { kind: 'any', of: [UNMET, MET] }, // one criterion, met
        { kind: 'not', of: MET }, // one criterion, unmet
      ],
    });
    // met: MET, nested MET, the any = 3; unmet: UNMET, the not = 2; unknown: nested UNKNOWN = 1.
    expect(countLeaves(result)).toEqual({ met: 3, unmet: 2, unknown: 1 });
    expect(countLeaves(evaluate(UNKNOWN))).toEqual({ met: 0, unmet: 0, unknown: 1 });
    expect(countLeaves(undefined)).toEqual({ met: 0, unmet: 0, unknown: 0 });
  });
});
