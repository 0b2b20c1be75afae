// One file (over 450 lines): every case reads the one fixture organization below, and
// loadEvidence's tests sit beside it as loadEvidence.test.ts; split by section, each file would
// rebuild the fixture.
import { describe, expect, it } from 'vitest';
import { positionOf } from '../../../test/support/charterText.js';
import { locatedIssueCases } from '../../../test/support/locatedIssues.js';
import { FIXTURE_HEAD, instant, organizationFromYaml } from '../../../test/support/organizationFromYaml.js';
import { holdingsObservations, loadEvidence } from './loadEvidence.js';

/** Two units that both declare a checklist item `audit`, so an attestation of it must say whose. */
const organization = organizationFromYaml(`${FIXTURE_HEAD}roles:
  - { id: team, name: Team, scope: team, members: [ana, ben] }
  - { id: holders, name: Holders, scope: community, open: true, weight: { token: FIX } }
defaults:
  roles: { team: [team], council: [team], community: [holders], guardian: [team] }
metrics:
  - { id: review-hours, name: Review hours }
units:
  - id: treasury
    name: Treasury
    dimension: capital
    owners: [team]
    level: transparent
    target: delegated
    readiness:
      consultative: { checklist: audit, text: Audit of the treasury contracts published }
      delegated: { checklist: multisig, text: Treasury held by a multisig }
  - id: upgrades
    name: Upgrades
    dimension: product
    owners: [team]
    level: transparent
    target: consultative
    readiness:
      consultative: { checklist: audit, text: Audit of the upgrade contracts published }
`);

const FILE = 'evidence.yaml';
const load = (text: string) => loadEvidence({ text, file: FILE, organization });

const { errorsOf, issueAt } = locatedIssueCases(load);

// Each case writes out the whole issue it expects (file, place, code, message, path) on purpose:
// the same shape repeats, but the exact report a user reads stands in full beside its input.
describe('loadEvidence: a valid file', () => {
  const text = `evidence: 1
observations:
  - metric: distinct-voters
    unit: treasury
    value: 24
    window: P90D
    at: 2026-11-20
    source: https://vote.example/treasury
  - metric: review-hours
    value: 30.5
    at: 2026-11-21T12:00:00Z
attestations:
  - checklist: audit
    unit: upgrades
    by: ana
    at: 2026-10-02
    evidence: https://audits.example/v3
    note: Two firms.
  - checklist: multisig
    at: 2026-10-03
units:
  treasury:
    since: 2026-06-01
    decisionsAtLevel: 4
  upgrades: {}
`;

  it('becomes evidence: instants in epoch ms, windows in seconds, absent fields left out', () => {
    const result = load(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.evidence).toEqual({
      observations: [
        {
          metric: 'distinct-voters',
          unit: 'treasury',
          value: 24,
          window: 90 * 86_400,
          at: instant('2026-11-20'),
          source: 'https://vote.example/treasury',
        },
        { metric: 'review-hours', value: 30.5, at: instant('2026-11-21T12:00:00Z') },
      ],
      attestations: [
        {
          checklist: 'audit',
          unit: 'upgrades',
          by: 'ana',
          at: instant('2026-10-02'),
          evidence: 'https://audits.example/v3',
          note: 'Two firms.',
          // Typed into a file: signed by no one.
          unsigned: true,
        },
        // `multisig` belongs to the treasury alone, so it needs no unit.
        { checklist: 'multisig', at: instant('2026-10-03'), unsigned: true },
      ],
      units: { treasury: { since: instant('2026-06-01'), decisionsAtLevel: 4 }, upgrades: {} },
    });
  });

  it('reads JSON too', () => {
    const json = JSON.stringify({
      evidence: 1,
      observations: [
        { metric: 'distinct-voters', unit: 'treasury', value: 24, window: '90d', at: '2026-11-20' },
      ],
    });
    const result = load(json);
    expect(result.ok && result.evidence.observations).toEqual([
      {
        metric: 'distinct-voters',
        unit: 'treasury',
        value: 24,
        window: 90 * 86_400,
        at: instant('2026-11-20'),
      },
    ]);
  });
});

describe('loadEvidence: holdings become holder-* observations', () => {
  it('computes every concentration metric, exact where it is rational', () => {
    // Twelve holders: one of 5 and eleven of 1, 16 in all.
    //   Gini = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ) = (2 × 11 × 4) / (2 × 144 × 16/12) = 88 / 384 = 11/48
    //   Nakamoto: 5/16, 6/16, 7/16, 8/16 (not more than half), 9/16 > 1/2 → 5 holders
    //   HHI = Σ sᵢ² = (5² + 11 × 1²) / 16² = 36/256 = 9/64
    //   Top-10 share = (5 + 9 × 1) / 16 = 14/16 = 7/8
    //   Entropy = −Σ pᵢ ln pᵢ / ln 12 = (5/16 ln(16/5) + 11/16 ln 16) / ln 12 ≈ 2.2696 / 2.4849 ≈ 0.9134
    const balances = ['5', ...Array.from({ length: 11 }, () => '1')]
      .map((b, i) => `      holder-${i + 1}: "${b}"`)
      .join('\n');
    const result = load(`evidence: 1
holdings:
  - token: FIX
    at: 2026-11-20
    balances:
${balances}
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const at = instant('2026-11-20');
    // Without a source, the snapshot is named after its token.
    const source = 'FIX holdings';
    const [gini, nakamoto, hhi, top10, entropy] = result.evidence.observations;
    expect(gini).toEqual({
      metric: 'holder-gini',
      value: 11 / 48,
      exact: { num: 11n, den: 48n },
      at,
      source,
    });
    expect(nakamoto).toEqual({ metric: 'holder-nakamoto', value: 5, at, source });
    expect(hhi).toEqual({ metric: 'holder-hhi', value: 9 / 64, exact: { num: 9n, den: 64n }, at, source });
    expect(top10).toEqual({
      metric: 'holder-top10-share',
      value: 7 / 8,
      exact: { num: 7n, den: 8n },
      at,
      source,
    });
    expect(entropy).toMatchObject({ metric: 'holder-entropy', at, source });
    expect(entropy?.value).toBeCloseTo(0.9134, 4);
    expect(result.evidence.observations).toHaveLength(5);
  });

  it('stays exact for balances far beyond 2^53', () => {
    // 1e27 and 3e27 base units (a billion and three billion tokens of 18 decimals), 4e27 in all.
    //   Gini = (2 × 2e27) / (2 × 4 × 2e27) = 1/4;  HHI = (1/4)² + (3/4)² = 10/16 = 5/8
    //   Nakamoto: 3/4 > 1/2 → 1;  top-10 share = 1.
    const observations = holdingsObservations({
      balances: [10n ** 27n, 3n * 10n ** 27n],
      at: 0,
      source: 'chain',
    });
    expect(observations.map((o) => [o.metric, o.exact ?? o.value])).toEqual([
      ['holder-gini', { num: 1n, den: 4n }],
      ['holder-nakamoto', 1],
      ['holder-hhi', { num: 5n, den: 8n }],
      ['holder-top10-share', { num: 1n, den: 1n }],
      ['holder-entropy', expect.closeTo(0.8113, 4)], // −(¼ log₂ ¼ + ¾ log₂ ¾)
    ]);
  });

  it('warns about a snapshot without balances, and still loads', () => {
    const text = 'evidence: 1\nholdings:\n  - token: FIX\n    at: 2026-11-20\n    balances: {}\n';
    const result = load(text);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      // A whole diagnostic, like the empty-file case below, by design: each test shows the exact report a
      // user sees.
      {
        file: FILE,
        ...positionOf(text, '{}'),
        severity: 'warning',
        code: 'evidence/empty-holdings',
        message: 'the snapshot lists no balances',
        path: 'holdings[0].balances',
      },
    ]);
  });
});

describe('loadEvidence: syntax errors', () => {
  it('locates a syntax error and stops there', () => {
    const text = 'evidence: 1\nobservations:\n  - metric: "decisions\n    value: 3\n';
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 5,
        column: 1,
        code: 'yaml/missing-char',
        hint: expect.any(String),
      }),
    ]);
  });

  it('refuses tabs, duplicate keys and an unclosed list, each where it is', () => {
    expect(errorsOf('evidence: 1\n\tobservations: []\n')).toEqual([
      expect.objectContaining({
        line: 2,
        column: 1,
        code: 'yaml/tab-as-indent',
        hint: 'indent with spaces, not tabs',
      }),
    ]);
    expect(errorsOf('evidence: 1\nevidence: 1\n')).toEqual([
      expect.objectContaining({ line: 2, column: 1, code: 'yaml/duplicate-key', hint: expect.any(String) }),
    ]);
    expect(errorsOf('evidence: 1\nobservations: [\n')).toEqual([
      expect.objectContaining({
        file: FILE,
        line: 3,
        column: 1,
        code: 'yaml/bad-indent',
        hint: expect.any(String),
      }),
    ]);
  });

  it('says an empty file is empty, and where to start', () => {
    expect(errorsOf('# nothing yet\n')).toEqual([
      {
        // A whole diagnostic, like the empty-holdings case above, by design: each test shows the exact report
        // a user sees.
        file: FILE,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'yaml/empty',
        message: 'evidence.yaml is empty',
        hint: 'start from a template’s sample: devolve init writes evidence.yaml beside devolve.yaml',
        path: '',
      },
    ]);
  });
});

describe('loadEvidence: schema errors', () => {
  it('reports each with its place, an evidence code and a hint', () => {
    const text = `evidence: 1
observations:
  - metric: distinct-voters
    value: many
    at: last tuesday
    colour: blue
  - value: 3
attestations:
  - checklist: multisig
    at: 2026-10-03
    evidence: see the forum
units:
  treasury:
    decisionsAtLevel: -1
holdings:
  - token: FIX
    at: 2026-11-20
    balances:
      holder-1: "1.5"
`;
    expect(errorsOf(text)).toEqual([
      {
        file: FILE,
        ...positionOf(text, 'many'),
        severity: 'error',
        code: 'evidence/wrong-type',
        message: "expected a number, found the text 'many'",
        path: 'observations[0].value',
      },
      {
        file: FILE,
        ...positionOf(text, 'last tuesday'),
        severity: 'error',
        code: 'evidence/bad-format',
        message: "'last tuesday' is not in the expected form",
        hint: "write a date like '2027-06-30'",
        path: 'observations[0].at',
      },
      {
        file: FILE,
        ...positionOf(text, 'colour'),
        severity: 'error',
        code: 'evidence/unknown-key',
        message: "unknown key 'colour' in observation",
        hint: "known keys: 'metric', 'unit', 'value', 'window', 'at', 'source'",
        path: 'observations[0].colour',
      },
      // A missing key is reported at the entry that lacks it.
      issueAt(text, 'value: 3', {
        code: 'evidence/missing-key',
        message: "observation is missing 'metric'",
        hint: "add 'metric:' (text)",
      }),
      issueAt(text, 'value: 3', {
        code: 'evidence/missing-key',
        message: "observation is missing 'at'",
      }),
      issueAt(text, 'see the forum', {
        code: 'evidence/bad-format',
        hint: 'a link: https://…, ipfs://… or ar://…',
        path: 'attestations[0].evidence',
      }),
      issueAt(text, '-1\n', {
        code: 'evidence/out-of-range',
        path: 'units.treasury.decisionsAtLevel',
      }),
      issueAt(text, '"1.5"', {
        code: 'evidence/bad-format',
        hint: 'a whole number of base units, as a string',
      }),
    ]);
  });

  it('refuses another format version, and a document that is not a mapping', () => {
    expect(errorsOf('evidence: 2\n')).toEqual([
      expect.objectContaining({ line: 1, column: 11, code: 'evidence/out-of-range', path: 'evidence' }),
    ]);
    expect(errorsOf('- metric: decisions\n')).toEqual([
      expect.objectContaining({ line: 1, column: 1, code: 'evidence/wrong-type' }),
    ]);
  });
});

describe('loadEvidence: unknown names', () => {
  it('names each unknown metric, unit, checklist item, member and token where it is, with a did-you-mean hint', () => {
    const text = `evidence: 1
observations:
  - metric: distinct-votrs
    unit: tresury
    value: 3
    at: 2026-11-20
attestations:
  - checklist: multisg
    by: anna
    at: 2026-10-03
units:
  upgrade:
    decisionsAtLevel: 2
holdings:
  - token: FXI
    at: 2026-11-20
    balances: { holder-1: "1" }
`;
    const issue = (needle: string, code: string, message: string, hint: string, path: string) => ({
      file: FILE,
      ...positionOf(text, needle),
      severity: 'error',
      code,
      message,
      hint,
      path,
    });
    expect(errorsOf(text)).toEqual([
      issue(
        'distinct-votrs',
        'evidence/unknown-metric',
        "unknown metric 'distinct-votrs'",
        "did you mean 'distinct-voters'?",
        'observations[0].metric',
      ),
      issue(
        'tresury',
        'evidence/unknown-unit',
        "unknown unit 'tresury'",
        "did you mean 'treasury'?",
        'observations[0].unit',
      ),
      issue(
        'multisg',
        'evidence/unknown-checklist',
        "unknown checklist item 'multisg'",
        "did you mean 'multisig'?",
        'attestations[0].checklist',
      ),
      issue(
        'anna',
        'evidence/unknown-member',
        "unknown member 'anna'",
        "did you mean 'ana'?",
        'attestations[0].by',
      ),
      // An unknown unit under `units:` is reported on the key.
      issue(
        'upgrade:',
        'evidence/unknown-unit',
        "unknown unit 'upgrade'",
        "did you mean 'upgrades'?",
        'units.upgrade',
      ),
      issue(
        'FXI',
        'evidence/unknown-token',
        "unknown token 'FXI'",
        "did you mean 'FIX'?",
        'holdings[0].token',
      ),
    ]);
  });

  it('lists the known names when nothing is close', () => {
    const [error] = errorsOf(
      'evidence: 1\nobservations:\n  - { metric: weather, value: 1, at: 2026-11-20 }\n',
    );
    expect(error?.hint).toMatch(/^known metrics: 'core-team-decision-share', 'decisions', /);
    expect(error?.hint).toMatch(/, … \(\d+ in all\)$/);
  });

  it('looks for a checklist item among the named unit’s items only', () => {
    const text = 'evidence: 1\nattestations:\n  - { checklist: multisig, unit: upgrades, at: 2026-10-03 }\n';
    expect(errorsOf(text)).toEqual([
      issueAt(text, 'multisig', {
        code: 'evidence/unknown-checklist',
        message: "unknown checklist item 'multisig'",
        hint: "known checklist items: 'audit'",
      }),
    ]);
  });

  it('lets an attestation without a unit attest the item for every unit that declares it', () => {
    // 'audit' is declared by both treasury and upgrades: one attestation serves both.
    const result = load('evidence: 1\nattestations:\n  - checklist: audit\n    at: 2026-10-02\n');
    if (!result.ok) throw new Error('expected the evidence to load');
    expect(result.evidence.attestations).toEqual([
      { checklist: 'audit', at: Date.parse('2026-10-02T00:00:00Z'), unsigned: true },
    ]);
    expect(
      load('evidence: 1\nattestations:\n  - { checklist: audit, unit: treasury, at: 2026-10-02 }\n').ok,
    ).toBe(true);
  });
});

describe('loadEvidence: every problem in one run', () => {
  it('reports schema errors and unknown names together, in file order', () => {
    const text = `evidence: 1
observations:
  - metric: distinct-voters
    value: lots
    at: 2026-11-20
  - metric: distinct-votrs
    value: 3
    at: 2026-11-20
attestations:
  - checklist: audit
    at: 2026-10-02
  - checklist: audit
    unit: treasury
    by: benn
    at: yesterday
units:
  tresury:
    decisionsAtLevel: many
`;
    expect(errorsOf(text).map((e) => `${e.line}:${e.column} ${e.code}`)).toEqual([
      `${positionOf(text, 'lots').line}:${positionOf(text, 'lots').column} evidence/wrong-type`,
      '6:13 evidence/unknown-metric',
      // The first attestation names no unit: it attests 'audit' for every unit declaring it.
      // The second attestation fails the schema (its date); its member is not checked as well.
      '15:9 evidence/bad-format',
      // The unit's facts are malformed, and the unit is unknown too: both are said.
      '17:3 evidence/unknown-unit',
      '18:23 evidence/wrong-type',
    ]);
    expect(positionOf(text, 'distinct-votrs')).toEqual({ line: 6, column: 13 });
    expect(positionOf(text, 'audit')).toEqual({ line: 10, column: 16 });
    expect(positionOf(text, 'yesterday')).toEqual({ line: 15, column: 9 });
    expect(positionOf(text, 'tresury')).toEqual({ line: 17, column: 3 });
    expect(positionOf(text, 'many')).toEqual({ line: 18, column: 23 });
  });
});
