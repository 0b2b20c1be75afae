// One file (over 450 lines): the catalogue test at the end reads this file to prove that every
// code the resolver can report has a case here; the cases must stay in one file for that check.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE_CHARTER, editCharter, positionOf, withUnits } from '../../../test/support/charterText.js';
import { minimalCharter } from '../../../test/support/charterValue.js';
import type { LocatedCase } from '../../../test/support/locatedIssues.js';
import { type CharterIssue, loadCharter } from './loadCharter.js';
import { resolveCharter } from './resolveCharter.js';

/**
 * Every code the resolver reports, each from a minimal charter that has that one mistake. The
 * charters go through the loader, so each test also holds the issue to its line and column: the
 * position of the offending token in the text written here.
 */

const FILE = 'devolve.yaml';
const edit = editCharter;

function errorsOf(text: string): readonly CharterIssue[] {
  const load = loadCharter({ text, file: FILE });
  return load.ok ? [] : load.errors;
}

function warningsOf(text: string): readonly CharterIssue[] {
  return loadCharter({ text, file: FILE }).warnings;
}

/** The base charter with lines added to its unit, treasury (four spaces in). */
const treasuryWith = (lines: string) => BASE_CHARTER + lines;

const NO_DEFAULTS = edit(
  'defaults:\n  roles:\n    team: [core-team]\n    council: [council]\n    community: [holders]\n    guardian: [guardians]\n',
  '',
);

/** A second unit, grants, appended after treasury. */
const grantsWith = (lines = '') =>
  withUnits(`  - id: grants
    name: Grants
    dimension: capital
    owners: [core-team]
    level: founder
${lines}`);

/** A level whose owner decides alone: the least a level of a declared ladder says. */
const OWNER_A = '{ id: a, name: A, policy: { method: single-owner, deciders: [$owner] } }';
const OWNER_B = '{ id: b, name: B, policy: { method: single-owner, deciders: [$owner] } }';

/** One declared ladder in YAML, its levels one list item each (a flow mapping, or block lines). */
const ladder = (id: string, name: string, ...levels: string[]) =>
  `  - id: ${id}\n    name: ${name}\n    levels:\n${levels.map((level) => `      - ${level}\n`).join('')}`;

/** A declared ladder, inserted before the units. */
const withLadder = (ladder: string, text = BASE_CHARTER) =>
  edit('units:\n', `ladders:\n${ladder}units:\n`, text);

type Case = LocatedCase;

function expectOnly(c: Case): void {
  const errors = errorsOf(c.text);
  expect(errors).toEqual([
    expect.objectContaining({
      file: FILE,
      severity: 'error',
      code: c.code,
      ...positionOf(c.text, c.at, c.anchor),
      ...(c.message === undefined ? {} : { message: c.message }),
      ...(c.hint === undefined ? {} : { hint: c.hint }),
    }),
  ]);
}

describe('the base charter', () => {
  it('is valid, so that each case below has exactly the one mistake it makes', () => {
    const load = loadCharter({ text: BASE_CHARTER, file: FILE });
    expect(load.ok).toBe(true);
    expect(load.warnings).toEqual([]);
    expect(loadCharter({ text: NO_DEFAULTS, file: FILE }).ok).toBe(true);
  });
});

describe('charter/duplicate-id', () => {
  const cases: Case[] = [
    {
      title: 'a member declared twice',
      text: edit(
        '  - { id: cy, name: Cy }\n',
        '  - { id: cy, name: Cy }\n  - { id: ann, name: Ann Again }\n',
      ),
      code: 'charter/duplicate-id',
      at: 'ann',
      anchor: 'Cy }',
      message: "member 'ann' is declared twice",
      hint: 'give each member its own id',
    },
    {
      title: 'a role declared twice',
      text: edit('defaults:\n', '  - id: council\n    name: Second council\n    members: [ann]\ndefaults:\n'),
      code: 'charter/duplicate-id',
      at: 'council',
      anchor: '  - id: council\n    name: Second council',
      message: "role 'council' is declared twice",
      hint: 'give each role its own id',
    },
    {
      title: 'a unit declared twice',
      text: withUnits(
        '  - id: treasury\n    name: Treasury again\n    dimension: capital\n    owners: [founders]\n    level: founder\n',
      ),
      code: 'charter/duplicate-id',
      at: 'treasury',
      anchor: 'level: founder\n  - id: treasury',
      message: "unit 'treasury' is declared twice",
    },
    {
      title: 'a dimension declared twice',
      text: edit(
        'members:\n',
        'dimensions:\n  - { id: capital, name: Capital }\n  - { id: capital, name: Money }\nmembers:\n',
      ),
      code: 'charter/duplicate-id',
      at: 'capital',
      anchor: 'Capital }',
      message: "dimension 'capital' is declared twice",
    },
    {
      title: 'a token symbol declared twice',
      text: edit(
        '    - { symbol: ACM, name: Acme token }\n',
        '    - { symbol: ACM, name: Acme token }\n    - { symbol: ACM, name: Other }\n',
      ),
      code: 'charter/duplicate-id',
      at: 'ACM',
      anchor: 'Acme token }',
      message: "token 'ACM' is declared twice",
      hint: 'give each token its own symbol',
    },
    {
      title: 'a metric that is already built in',
      text: edit('units:\n', 'metrics:\n  - { id: participation, name: Turnout }\nunits:\n'),
      code: 'charter/duplicate-id',
      at: 'participation',
      anchor: 'metrics:',
      message: "metric 'participation' is already defined",
      hint: 'it is a built-in metric: remove this declaration or choose another id',
    },
    {
      title: 'a metric declared twice',
      text: edit(
        'units:\n',
        'metrics:\n  - { id: nps, name: NPS }\n  - { id: nps, name: NPS again }\nunits:\n',
      ),
      code: 'charter/duplicate-id',
      at: 'nps',
      anchor: 'NPS }',
      hint: 'choose another id',
    },
    {
      title: "a ladder named 'default', which is the built-in ladder's",
      text: withLadder(ladder('default', 'Mine', OWNER_A, OWNER_B)),
      code: 'charter/duplicate-id',
      at: 'default',
      anchor: 'ladders:',
      message: "the ladder id 'default' is reserved for the built-in ladder",
      hint: 'choose another id',
    },
    {
      title: 'a ladder declared twice',
      text: withLadder(
        ladder('mine', 'Mine', OWNER_A, OWNER_B) + ladder('mine', 'Mine again', OWNER_A, OWNER_B),
      ),
      code: 'charter/duplicate-id',
      at: 'mine',
      anchor: '  - id: mine\n    name: Mine again',
      message: "ladder 'mine' is declared twice",
    },
    {
      title: 'a level id used twice on one ladder',
      text: withLadder(
        ladder(
          'mine',
          'Mine',
          OWNER_A,
          '{ id: a, name: B, policy: { method: single-owner, deciders: [$owner] } }',
        ),
      ),
      code: 'charter/duplicate-id',
      at: 'a',
      anchor: '      - { id: a, name: B',
      message: "level 'a' is declared twice",
      hint: 'give each level its own id',
    },
    {
      title: 'a commitment id used twice in a unit',
      text: treasuryWith(`    target: delegated
    commitments:
      - { id: promise, level: transparent, by: 2027-01-01 }
      - { id: promise, level: delegated, by: 2028-01-01 }
`),
      code: 'charter/duplicate-id',
      at: 'promise',
      anchor: 'level: transparent',
      message: "commitment 'promise' is declared twice",
      hint: 'give each commitment its own id',
    },
  ];

  it.each(cases)('is reported for $title, on the second declaration', (c) => expectOnly(c));

  it('points back at the first declaration', () => {
    const text = edit(
      '  - { id: cy, name: Cy }\n',
      '  - { id: cy, name: Cy }\n  - { id: ann, name: Ann Again }\n',
    );
    const [error] = errorsOf(text);
    expect(error?.related).toEqual({ ...positionOf(text, 'ann'), message: "'ann' first declared here" });
  });
});

describe('role references', () => {
  const cases: Case[] = [
    {
      title: "a role named after the built-in electorate 'members' (charter/reserved-id)",
      text: edit('defaults:\n', '  - id: members\n    name: Everyone\n    open: true\ndefaults:\n'),
      code: 'charter/reserved-id',
      at: 'members',
      anchor: '- id: members',
      message: "'members' is a built-in electorate, not a role id",
      hint: "choose another id; 'members' can be used in policies as it is",
    },
    {
      title: 'a role listing an unknown member (charter/unknown-member)',
      text: edit('members: [ann, bob]', 'members: [ann, bobb]'),
      code: 'charter/unknown-member',
      at: 'bobb',
      message: "unknown member 'bobb'",
      hint: "did you mean 'bob'?",
    },
    {
      title: 'a role term given as a mapping with an unknown member',
      text: edit('members: [cy]', 'members:\n      - { member: cyy, from: 2026-01-01 }'),
      code: 'charter/unknown-member',
      at: 'cyy',
      hint: "did you mean 'cy'?",
    },
    {
      title: 'a term that ends before it starts (charter/empty-term)',
      text: edit('members: [cy]', 'members:\n      - { member: cy, from: 2027-01-01, until: 2026-01-01 }'),
      code: 'charter/empty-term',
      at: '2026-01-01',
      message: 'the term ends before it starts',
      hint: "'until' must be later than 'from'",
    },
    {
      title: 'a role weighted by an unknown token (charter/unknown-token)',
      text: edit('weight: { token: ACM }', 'weight: { token: ACN }'),
      code: 'charter/unknown-token',
      at: 'ACN',
      message: "unknown token 'ACN'",
      hint: "did you mean 'ACM'?",
    },
    {
      title: 'owners naming an unknown role (charter/unknown-role)',
      text: edit('owners: [founders]', 'owners: [foundrs]'),
      code: 'charter/unknown-role',
      at: 'foundrs',
      message: "unknown role 'foundrs'",
      hint: "did you mean 'founders'?",
    },
    {
      title: 'a slot bound to an unknown role',
      text: treasuryWith('    roles: { council: [counsil] }\n'),
      code: 'charter/unknown-role',
      at: 'counsil',
      hint: "did you mean 'council'?",
    },
    {
      title: 'a policy override naming an unknown role',
      text: treasuryWith('    policies:\n      founder: { propose: [core-tem] }\n'),
      code: 'charter/unknown-role',
      at: 'core-tem',
      hint: "did you mean 'core-team'?",
    },
    {
      title: 'a role criterion naming an unknown role',
      text: treasuryWith('    readiness:\n      transparent: { role: counsil, minMembers: 2 }\n'),
      code: 'charter/unknown-role',
      at: 'counsil',
      hint: "did you mean 'council'?",
    },
    {
      title: 'owners naming a slot (charter/not-a-role)',
      text: edit('owners: [founders]', 'owners: [$team]'),
      code: 'charter/not-a-role',
      at: '$team',
      message: "owners must name declared roles, not '$team'",
      hint: 'slots are for ladder policies; name the role itself',
    },
    {
      title: 'owners naming the built-in electorate members',
      text: edit('owners: [founders]', 'owners: [founders, members]'),
      code: 'charter/not-a-role',
      at: 'members',
      anchor: 'owners:',
      hint: 'name a declared role',
    },
    {
      title: 'a slot bound to another slot',
      text: treasuryWith('    roles: { team: [$council] }\n'),
      code: 'charter/not-a-role',
      at: '$council',
      message: "slot $team must name declared roles, not '$council'",
    },
    {
      title: 'a policy naming an unknown slot (charter/unknown-slot)',
      text: treasuryWith('    policies:\n      founder: { propose: [$tem] }\n'),
      code: 'charter/unknown-slot',
      at: '$tem',
      message: "unknown slot '$tem'",
      hint: "did you mean '$team'?",
    },
  ];

  it.each(cases)('reports $title', (c) => expectOnly(c));

  it('reports a slot a level needs but no role fills (charter/unbound-slot), once, at the unit', () => {
    // Consultative and transparent both use $team, in propose and in deciders: one report, for the lowest level.
    const text = edit('level: founder', 'level: consultative', NO_DEFAULTS);
    expectOnly({
      title: '',
      text,
      code: 'charter/unbound-slot',
      at: 'id: treasury',
      message: "unit 'treasury' has no role for slot $team, used at level 'transparent'",
      hint: "add 'roles: { team: [<role>] }' to the unit, or to 'defaults'",
    });
  });

  it('reports each unbound slot separately', () => {
    // Delegated uses $team (levels 1–3) and $council (level 3).
    const text = edit('level: founder', 'level: delegated', NO_DEFAULTS);
    expect(errorsOf(text).map((e) => e.message)).toEqual([
      "unit 'treasury' has no role for slot $team, used at level 'transparent'",
      "unit 'treasury' has no role for slot $council, used at level 'delegated'",
    ]);
  });

  it('does not require slots for levels above both the current level and the target', () => {
    // At transparent with target consultative, $council (delegated) and $community are never needed.
    const text = edit(
      'level: founder',
      'level: transparent\n    target: consultative\n    roles: { team: [core-team] }',
      NO_DEFAULTS,
    );
    expect(errorsOf(text)).toEqual([]);
  });

  it('reports a level whose deciders have no members (charter/empty-electorate)', () => {
    const text = edit(
      'owners: [founders]',
      'owners: [board]',
      edit('defaults:\n', '  - id: board\n    name: Board\ndefaults:\n'),
    );
    expectOnly({
      title: '',
      text,
      code: 'charter/empty-electorate',
      at: 'founder',
      anchor: '    level:',
      message: "no one can decide for 'treasury': role 'board' has no members",
      hint: "list members under role 'board', or mark it 'open: true' if membership comes from holdings",
    });
  });

  it('accepts an open role with no listed members as an electorate', () => {
    // Holders (open) decide at the community level.
    expect(errorsOf(edit('level: founder', 'level: community'))).toEqual([]);
  });
});

describe('ladders and levels', () => {
  const cases: Case[] = [
    {
      title: 'a unit in an unknown dimension (charter/unknown-dimension)',
      text: edit('dimension: capital', 'dimension: captal'),
      code: 'charter/unknown-dimension',
      at: 'captal',
      message: "unknown dimension 'captal'",
      hint: "did you mean 'capital'?",
    },
    {
      title: 'an unknown ladder (charter/unknown-ladder)',
      text: treasuryWith('    ladder: stagez\n'),
      code: 'charter/unknown-ladder',
      at: 'stagez',
      message: "unknown ladder 'stagez'",
      hint: "known ladders: 'default'",
    },
    {
      title: 'a misspelt level (charter/unknown-level)',
      text: edit('level: founder', 'level: delegatd'),
      code: 'charter/unknown-level',
      at: 'delegatd',
      message: "ladder 'default' has no level 'delegatd'",
      hint: "did you mean 'delegated'?",
    },
    {
      title: 'a misspelt target',
      text: treasuryWith('    target: comunity\n'),
      code: 'charter/unknown-level',
      at: 'comunity',
      hint: "did you mean 'community'?",
    },
    {
      title: 'a level number beyond the ladder (charter/level-out-of-range)',
      text: edit('level: founder', 'level: 9'),
      code: 'charter/level-out-of-range',
      at: '9',
      anchor: 'level:',
      message: "level 9 is outside ladder 'default'",
      hint: "'default' has levels 0 to 5 (founder, transparent, consultative, delegated, community, autonomous)",
    },
    {
      title: 'a commitment to a level the ladder lacks',
      text: treasuryWith('    commitments:\n      - { level: 6, by: 2027-01-01 }\n'),
      code: 'charter/level-out-of-range',
      at: '6',
      anchor: 'commitments:',
    },
  ];

  it.each(cases)('reports $title', (c) => expectOnly(c));

  it.each(['policies', 'readiness', 'requirements'])(
    'reports a %s key that names no level, on the key itself',
    (field) => {
      const value = field === 'policies' ? '{ rationale: required }' : '{ decisionsAtLevel: 3 }';
      const text = treasuryWith(`    ${field}:\n      comunity: ${value}\n`);
      expectOnly({
        title: field,
        text,
        code: 'charter/unknown-level',
        at: 'comunity',
        hint: "did you mean 'community'?",
      });
    },
  );

  it('accepts per-level maps keyed by level number', () => {
    const text = treasuryWith('    policies:\n      "1": { period: P5D }\n');
    const load = loadCharter({ text, file: FILE });
    if (!load.ok) throw new Error(JSON.stringify(load.errors));
    // P5D = 5 × 86,400 s
    expect(load.organization.units[0]!.levels[1]!.policy.period).toBe(432_000);
  });
});

describe('policies', () => {
  /** A charter whose treasury overrides the policy of one level. */
  const override = (level: string, policy: string) =>
    treasuryWith(`    policies:\n      ${level}: ${policy}\n`);

  const cases: Case[] = [
    {
      title: 'a quadratic vote over an equal-weight role, by override (policy/quadratic-needs-weight)',
      text: override('transparent', '{ method: quadratic }'),
      code: 'policy/quadratic-needs-weight',
      at: 'quadratic',
      hint: "add 'weight: { token: SYMBOL }' or 'weight: { reputation: name }'",
    },
    {
      title: 'a supermajority with no threshold (policy/missing-threshold)',
      text: override('transparent', '{ method: supermajority }'),
      code: 'policy/missing-threshold',
      at: 'supermajority',
      message: "method 'supermajority' needs a threshold",
      hint: "add 'threshold:', e.g. threshold: 2/3",
    },
    {
      title: 'a supermajority threshold of one half (policy/threshold-too-low)',
      text: override('transparent', '{ method: supermajority, threshold: 50% }'),
      code: 'policy/threshold-too-low',
      at: '50%',
    },
    {
      title: 'consent with no objection period (policy/missing-period)',
      text: override('founder', '{ method: consent }'),
      code: 'policy/missing-period',
      at: 'consent',
      hint: "add 'period:', e.g. period: P5D",
    },
    {
      title: 'a quorum on a single owner (policy/unused-field)',
      text: override('founder', '{ quorum: 10% }'),
      code: 'policy/unused-field',
      at: '10%',
      message: "method 'single-owner' counts no votes, so 'quorum' has no meaning",
    },
    {
      title: 'an advice process with no consultation (policy/missing-consultation)',
      text: override('transparent', '{ method: advice }'),
      code: 'policy/missing-consultation',
      at: 'advice',
    },
    {
      title: 'optimistic approval nobody can veto (policy/missing-veto)',
      text: override('transparent', '{ method: optimistic }'),
      code: 'policy/missing-veto',
      at: 'optimistic',
      hint: "add 'veto: { by: [$council], window: P3D }'",
    },
    {
      title: 'a policy weighted by an unknown token (charter/unknown-token)',
      text: override('delegated', '{ weight: { token: XYZ } }'),
      code: 'charter/unknown-token',
      at: 'XYZ',
      hint: "known tokens: 'ACM'",
    },
    {
      title: 'a declared ladder level with no method (policy/missing-method)',
      text: withLadder(
        ladder('mine', 'Mine', OWNER_A, 'id: b\n        name: B\n        policy: { deciders: [$team] }'),
      ),
      code: 'policy/missing-method',
      at: '{ deciders: [$team] }',
      hint: "add 'method:' (single-owner, majority, supermajority, consent, advice, optimistic …)",
    },
    {
      title: 'a declared ladder level with no deciders (policy/missing-deciders)',
      text: withLadder(
        ladder(
          'mine',
          'Mine',
          OWNER_A,
          'id: b\n        name: B\n        policy: { method: majority, period: P3D }',
        ),
      ),
      code: 'policy/missing-deciders',
      at: '{ method: majority, period: P3D }',
      message: 'the policy does not say who decides by majority',
    },
    {
      title: 'a declared ladder level whose quadratic vote falls to an equal-weight role',
      text: edit(
        'level: founder',
        'level: b\n    ladder: mine',
        withLadder(
          ladder(
            'mine',
            'Mine',
            OWNER_A,
            '{ id: b, name: B, policy: { method: quadratic, deciders: [$team], period: P7D } }',
          ),
        ),
      ),
      code: 'policy/quadratic-needs-weight',
      at: 'quadratic',
      message: "quadratic voting for 'treasury' needs a token or reputation weight",
      hint: "give the deciding role a 'weight:', or override the level's policy with one",
    },
  ];

  it.each(cases)('reports $title', (c) => expectOnly(c));

  it('accepts a quadratic vote when the deciding role is token-weighted', () => {
    // The community slot is filled by holders, weighted by ACM.
    expect(errorsOf(override('community', '{ method: quadratic }'))).toEqual([]);
  });

  it('reports a policy problem of a declared ladder once, not once per unit using it', () => {
    const mine = ladder(
      'mine',
      'Mine',
      OWNER_A,
      '{ id: b, name: B, policy: { method: majority, deciders: [$team] } }',
    );
    const twoUnits = edit('level: founder', 'level: a\n    ladder: mine', withLadder(mine, grantsWith()));
    const text = edit('level: founder\n', 'level: a\n    ladder: mine\n', twoUnits);
    expect(errorsOf(text).map((e) => e.code)).toEqual(['policy/missing-period']);
  });

  it('lets null remove an inherited veto', () => {
    const load = loadCharter({ text: override('delegated', '{ veto: null }'), file: FILE });
    if (!load.ok) throw new Error(JSON.stringify(load.errors));
    expect(load.organization.units[0]!.levels[3]!.policy.veto).toBeUndefined();
    expect(load.organization.units[0]!.levels[4]!.policy.veto).toBeDefined();
  });

  it('has the proposer decide under optimistic approval when no deciders are written', () => {
    const load = loadCharter({
      text: override('transparent', '{ method: optimistic, veto: { by: [$council], window: P3D } }'),
      file: FILE,
    });
    if (!load.ok) throw new Error(JSON.stringify(load.errors));
    expect(load.organization.units[0]!.levels[1]!.policy.deciders).toEqual([
      { kind: 'role', role: 'core-team' },
    ]);
  });
});

describe('dependencies, criteria and commitments', () => {
  const cases: Case[] = [
    {
      title: 'a unit depending on itself (charter/self-dependency)',
      text: treasuryWith('    dependsOn:\n      - { unit: treasury, level: 1, for: 2 }\n'),
      code: 'charter/self-dependency',
      at: 'treasury',
      anchor: 'dependsOn:',
      message: "unit 'treasury' depends on itself",
      hint: 'a dependency names another unit',
    },
    {
      title: 'a dependency on an unknown unit (charter/unknown-unit)',
      text: grantsWith('    dependsOn:\n      - { unit: tresury, level: 1, for: 2 }\n'),
      code: 'charter/unknown-unit',
      at: 'tresury',
      message: "unknown unit 'tresury'",
      hint: "did you mean 'treasury'?",
    },
    {
      title: "a dependency on a level the other unit's ladder lacks",
      text: grantsWith('    dependsOn:\n      - { unit: treasury, level: delegatd, for: 2 }\n'),
      code: 'charter/unknown-level',
      at: 'delegatd',
      hint: "did you mean 'delegated'?",
    },
    {
      title: 'a metric criterion about an unknown unit',
      text: treasuryWith(
        '    readiness:\n      transparent: { metric: participation, unit: tresury, atLeast: 0.1 }\n',
      ),
      code: 'charter/unknown-unit',
      at: 'tresury',
      hint: "did you mean 'treasury'?",
    },
    {
      title: 'a unit-level criterion about an unknown unit',
      text: treasuryWith('    readiness:\n      transparent: { unit: tresury, atLeast: 1 }\n'),
      code: 'charter/unknown-unit',
      at: 'tresury',
    },
    {
      title: 'an unknown metric (charter/unknown-metric)',
      text: treasuryWith('    readiness:\n      transparent: { metric: participaton, atLeast: 0.1 }\n'),
      code: 'charter/unknown-metric',
      at: 'participaton',
      message: "unknown metric 'participaton'",
      hint: "did you mean 'participation'?",
    },
    {
      title: 'a metric criterion with no comparison (charter/metric-comparison)',
      text: treasuryWith('    readiness:\n      transparent: { metric: participation }\n'),
      code: 'charter/metric-comparison',
      at: '{ metric: participation }',
      message: 'a metric criterion needs exactly one comparison, found 0',
      hint: 'use one of atLeast, atMost, above, below — or combine criteria with all',
    },
    {
      title: 'a metric criterion with two comparisons',
      text: treasuryWith(
        '    requirements:\n      transparent: { metric: participation, atLeast: 0.1, atMost: 0.9 }\n',
      ),
      code: 'charter/metric-comparison',
      at: '{ metric: participation,',
      message: 'a metric criterion needs exactly one comparison, found 2',
    },
    {
      title: 'a role criterion that asks nothing of the role (charter/empty-role-criterion)',
      text: treasuryWith(
        '    readiness:\n      transparent:\n        all:\n          - { decisionsAtLevel: 2 }\n          - { role: council }\n',
      ),
      code: 'charter/empty-role-criterion',
      at: '{ role: council }',
      message: 'a role criterion needs minMembers or minThreshold',
      hint: 'e.g. { role: security-council, minMembers: 8, minThreshold: 75% }',
    },
    {
      title: 'a control criterion that asks nothing of who holds the power (charter/empty-control-criterion)',
      text: treasuryWith(
        '    readiness:\n      transparent:\n        all:\n          - { control: upgrade }\n',
      ),
      code: 'charter/empty-control-criterion',
      at: '{ control: upgrade }',
      message: 'a control criterion needs noSingleKey, minOwners, minThreshold or minDelay',
      hint: 'e.g. { control: upgrade, minOwners: 8, minThreshold: 75%, minDelay: 7d }',
    },
    {
      title: 'a control criterion with a delay that is not a duration',
      text: treasuryWith('    readiness:\n      transparent: { control: upgrade, minDelay: a week }\n'),
      code: 'charter/bad-format',
      at: 'a week',
    },
    {
      title: 'a control criterion naming an unknown unit',
      text: treasuryWith(
        '    readiness:\n      transparent: { control: upgrade, unit: tresury, minOwners: 8 }\n',
      ),
      code: 'charter/unknown-unit',
      at: 'tresury',
    },
    {
      title: 'a commitment with neither date nor trigger (charter/commitment-without-deadline)',
      text: treasuryWith(
        '    target: transparent\n    commitments:\n      - level: transparent\n        statement: Soon.\n',
      ),
      code: 'charter/commitment-without-deadline',
      at: 'level: transparent',
      anchor: 'commitments:',
      message: 'a commitment needs a date or a trigger',
      hint: "add 'by: 2027-06-30' or 'when: { … }'",
    },
    {
      title: 'a commitment trigger naming an unknown metric',
      text: treasuryWith(
        '    commitments:\n      - level: transparent\n        when: { metric: votrs, atLeast: 3 }\n',
      ),
      code: 'charter/unknown-metric',
      at: 'votrs',
    },
  ];

  it.each(cases)('reports $title', (c) => expectOnly(c));

  it('reports a dependency deadlock (charter/dependency-cycle) at the first dependency on the cycle', () => {
    // treasury ≥ delegated needs grants ≥ delegated, and grants ≥ delegated needs treasury ≥ delegated.
    const text = edit(
      'level: founder\n  - id: grants',
      'level: founder\n    dependsOn:\n      - { unit: grants, level: delegated, for: delegated }\n  - id: grants',
      grantsWith('    dependsOn:\n      - { unit: treasury, level: delegated, for: delegated }\n'),
    );
    expectOnly({
      title: '',
      text,
      code: 'charter/dependency-cycle',
      at: '{ unit: grants',
      message:
        'dependency cycle: treasury@delegated needs grants@delegated; grants@delegated needs treasury@delegated',
      hint: 'no order of moves can satisfy these dependencies; lower one of the required levels',
    });
  });

  it('accepts dependencies that point both ways but can be satisfied in some order', () => {
    // treasury ≥ consultative needs grants ≥ transparent; grants ≥ delegated needs treasury ≥ delegated:
    // grants → transparent, treasury → delegated, grants → delegated.
    const text = edit(
      'level: founder\n  - id: grants',
      'level: founder\n    dependsOn:\n      - { unit: grants, level: transparent, for: consultative }\n  - id: grants',
      grantsWith('    dependsOn:\n      - { unit: treasury, level: delegated, for: delegated }\n'),
    );
    expect(errorsOf(text)).toEqual([]);
  });
});

// As everywhere in this file, each case states its issue in full, by design: the catalogue test
// at the end reads these cases, and each expectation is the message a user sees.
describe('warnings', () => {
  it('warns when the target is below the current level (charter/target-below-level)', () => {
    const text = edit('level: founder', 'level: transparent\n    target: founder');
    expect(errorsOf(text)).toEqual([]);
    expect(warningsOf(text)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'charter/target-below-level',
        ...positionOf(text, 'founder', 'target:'),
        message: "the target is below the current level of 'treasury'",
        hint: 'moving a slider back toward centralization needs the consent of those who decide at the current level',
      }),
    ]);
  });

  it('warns when a declared ladder runs backwards (charter/ladder-order)', () => {
    // Level a: the community decides (score 3); level b: a single owner (score 0).
    const backwards = ladder(
      'backwards',
      'Backwards',
      '{ id: a, name: A, policy: { method: majority, deciders: [holders], period: P7D } }',
      OWNER_B,
    );
    const text = edit(
      'level: founder',
      'level: b\n    ladder: backwards',
      withLadder(backwards, NO_DEFAULTS),
    );
    expect(errorsOf(text)).toEqual([]);
    expect(warningsOf(text)).toEqual([
      expect.objectContaining({
        code: 'charter/ladder-order',
        ...positionOf(text, 'backwards', '    ladder:'),
        message: "level 'b' of 'treasury' is more centralized than 'a' below it",
        hint: 'order the ladder from most centralized to most decentralized',
      }),
    ]);
  });

  it('warns, pointing at the slot bindings, when bindings turn the default ladder backwards', () => {
    // Team and council swapped: transparent → the council decides (2), consultative 2.5, delegated →
    // the core team decides after consultation, vetoed by the wider council: 1 + ½ = 1.5 < 2.5.
    const text = edit(
      'level: founder',
      'level: delegated\n    roles: { team: [council], council: [core-team] }',
    );
    expect(warningsOf(text)).toEqual([
      expect.objectContaining({
        code: 'charter/ladder-order',
        message: "level 'delegated' of 'treasury' is more centralized than 'consultative' below it",
        hint: 'check which roles fill the slots: a council or community role should be wider than the team',
      }),
    ]);
  });

  it('does not judge the order of levels above both the current level and the target', () => {
    const text = edit(
      'level: founder',
      'level: transparent\n    roles: { team: [council], council: [core-team] }',
    );
    expect(warningsOf(text)).toEqual([]);
  });
});

describe('resolveCharter on a value', () => {
  it('reports issues by path, without positions, when called without the loader', () => {
    const { organization, issues } = resolveCharter({
      input: minimalCharter({ unit: { owners: ['foundrs'], level: 'founder' } }),
    });
    expect(organization).toBeUndefined();
    expect(issues).toEqual([
      {
        path: ['units', 0, 'owners', 0],
        code: 'charter/unknown-role',
        message: "unknown role 'foundrs'",
        severity: 'error',
        hint: "did you mean 'founders'?",
      },
    ]);
  });

  it('stops suggesting names after 200 unknown references, so a charter of wrong names stays quick', () => {
    // Each suggestion compares the name with every declared one; past 200 the hint only says what to check.
    const strangers = Array.from({ length: 201 }, (_, i) => `stranger-${i + 1}`);
    const { issues } = resolveCharter({
      input: minimalCharter({ role: { members: ['ann', ...strangers] } }),
    });
    expect(issues.map((issue) => issue.hint)).toEqual([
      ...Array<string>(200).fill("known members: 'ann'"),
      'check the spelling against the declared members',
    ]);
  });

  it('resolves durations to seconds, instants to epoch milliseconds and ratios exactly', () => {
    const { organization } = resolveCharter({
      input: minimalCharter({
        role: { threshold: '2/3' },
        unit: {
          since: '2026-01-01',
          roles: { team: ['founders'] },
          policies: { transparent: { period: '36h' } },
        },
      }),
    });
    expect(organization?.roles[0]?.threshold).toEqual({ num: 2n, den: 3n });
    const unit = organization?.units[0];
    expect(unit?.since).toBe(Date.UTC(2026, 0, 1));
    // 36 h = 129,600 s
    expect(unit?.levels[1]?.policy.period).toBe(129_600);
  });
});

describe('resolveCharter on a value that has not been through the schema', () => {
  // A caller may hand the resolver a value the schema never saw; what does not parse is an error
  // at its path, never read as zero.
  const unitWith = (fields: Record<string, unknown>) =>
    resolveCharter({ input: minimalCharter({ unit: { roles: { team: ['founders'] }, ...fields } }) });

  it.each([
    {
      title: 'a timelock that is not a duration, with the accepted forms',
      fields: { policies: { founder: { timelock: '14' } } },
      path: ['units', 0, 'policies', 'founder', 'timelock'],
      code: 'charter/bad-duration',
      message: "'14' is not a duration",
      hint: "write 7d, 12h, '7 days', '12 hours', or ISO-8601 like P7D or PT12H",
    },
    {
      title: 'a readiness time that is not a duration, inside its criterion',
      fields: { readiness: { transparent: { all: [{ timeAtLevel: 'soon' }] } } },
      path: ['units', 0, 'readiness', 'transparent', 'all', 0, 'timeAtLevel'],
      code: 'charter/bad-duration',
      message: "'soon' is not a duration",
      hint: "write 7d, 12h, '7 days', '12 hours', or ISO-8601 like P7D or PT12H",
    },
    {
      title: 'a quorum that is not a ratio',
      fields: { policies: { transparent: { quorum: '150%' } } },
      path: ['units', 0, 'policies', 'transparent', 'quorum'],
      code: 'charter/bad-ratio',
      message: "'150%' is more than 100%",
      hint: 'write a fraction like 2/3, a percentage like 66.7%, or a decimal like 0.5',
    },
  ])('reports $title at its path, and no organization', ({ fields, path, code, message, hint }) => {
    const { organization, issues } = unitWith(fields);
    expect(organization).toBeUndefined();
    expect(issues).toEqual([{ path, code, message, hint, severity: 'error' }]);
  });

  it('reports a date that is not a date at its path', () => {
    const { issues } = unitWith({ since: 'last spring' });
    expect(issues).toEqual([
      expect.objectContaining({ path: ['units', 0, 'since'], code: 'charter/bad-instant' }),
    ]);
  });
});

describe('coverage of this file', () => {
  it('exercises every code the resolver can report', () => {
    const source = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
    // The resolver is one file per concept; every one of them is scanned.
    const resolver = readdirSync(new URL('.', import.meta.url))
      .filter((name) =>
        /^(?:resolve[A-Z]\w*|ResolveContext|readMeasures|reportPolicyProblems|checkLevelState)\.ts$/.test(
          name,
        ),
      )
      .map((name) => source(`./${name}`))
      .join('\n');
    const emitted = new Set([
      ...[...resolver.matchAll(/'(charter\/[a-z-]+)'/g)].map((m) => m[1]!),
      // `context.unknown({ path, noun: 'role', … })` reports charter/unknown-role.
      ...[...resolver.matchAll(/noun: '([a-z]+)'/g)].map((m) => `charter/unknown-${m[1]}`),
      // Policy problems keep their one code, policy/<problem>, in a charter as anywhere.
      ...[...source('../policy/checkPolicyInput.ts').matchAll(/code: '(policy\/[a-z-]+)'/g)].map(
        (m) => m[1]!,
      ),
    ]);
    const tested = new Set(
      [...source('./resolveCharter.test.ts').matchAll(/code: '((?:charter|policy)\/[a-z-]+)'/g)].map(
        (m) => m[1]!,
      ),
    );
    // Sanity: the scan found the codes it should.
    expect(emitted).toContain('charter/unknown-token');
    expect(emitted).toContain('policy/missing-veto');
    expect([...emitted].filter((code) => !tested.has(code))).toEqual([]);
  });
});
