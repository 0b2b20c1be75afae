import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharter } from '../src/core/charter/loadCharter.js';
import { loadEvidence } from '../src/core/evidence/loadEvidence.js';
import type { Plan } from '../src/core/planner/makePlan.js';
import type { MoveStatus } from '../src/core/readiness/assessMove.js';
import { ensureBuilt, ROOT, runCli, scratchDirs, templateNames } from './support/builtCli.js';

/**
 * Every template with its sample evidence, through the built CLI in a fresh directory: `devolve
 * init --template <t>` writes devolve.yaml and evidence.yaml, and `devolve plan` must then show a
 * real plan whose every line names its criterion and, where the criterion is a quantity, the
 * numbers. The samples are dated for late November 2026, so the plan is made as of then.
 */

const NOW = '2026-11-25T00:00:00Z';
const TEMPLATES = templateNames();
const dirs = scratchDirs('devolve-plan-');

type PlanJson = Plan & { evidence: string | null };

/** Columns a line takes: characters, with the emoji terminals draw two wide counted twice. */
function columnsOf(line: string): number {
  return [...line].reduce((n, char) => n + (/[⛔⏱✅❌❔]/u.test(char) ? 2 : 1), 0);
}

/** The built CLI with COLUMNS set (or unset), its output piped as a user's would be. */
function runWithColumns(cwd: string, columns: string | undefined, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  if (columns === undefined) delete env['COLUMNS'];
  else env['COLUMNS'] = columns;
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'devolve.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every template, planned once: the init and plan runs and the plan itself. */
const planned = new Map<string, { dir: string; plan: PlanJson }>();

beforeAll(() => {
  ensureBuilt();
  for (const template of TEMPLATES) {
    const dir = dirs.fresh();
    const init = runCli(dir, 'init', '--template', template);
    if (init.code !== 0) throw new Error(`init --template ${template} failed:\n${init.stderr}`);
    const run = runCli(dir, 'plan', '--json', '--now', NOW);
    if (run.code !== 0)
      throw new Error(`plan for ${template} exited ${run.code}:\n${run.stdout}${run.stderr}`);
    planned.set(template, { dir, plan: JSON.parse(run.stdout) as PlanJson });
  }
}, 300_000);

afterAll(() => dirs.cleanUp());

describe('every template plans with its sample evidence', () => {
  it('ships a sample evidence file for every template', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(5);
    for (const template of TEMPLATES) {
      expect(existsSync(join(ROOT, 'templates', `${template}.evidence.yaml`)), template).toBe(true);
    }
  });

  it.each(TEMPLATES)(
    '%s: the sample evidence loads against its charter without an error or warning',
    (template) => {
      const read = (file: string) => readFileSync(join(ROOT, 'templates', file), 'utf8');
      const charter = loadCharter({ text: read(`${template}.yaml`), file: `${template}.yaml` });
      if (!charter.ok) throw new Error(`${template}.yaml does not load`);
      const file = `${template}.evidence.yaml`;
      const evidence = loadEvidence({ text: read(file), file, organization: charter.organization });
      expect(evidence.ok ? [] : evidence.errors).toEqual([]);
      expect(evidence.warnings).toEqual([]);
    },
  );

  it.each(TEMPLATES)('%s: init writes the sample beside the charter and plan reads it', (template) => {
    const { dir, plan } = planned.get(template)!;
    expect(readFileSync(join(dir, 'evidence.yaml'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'templates', `${template}.evidence.yaml`), 'utf8'),
    );
    expect(plan.evidence).toBe('evidence.yaml');
    expect(plan.now).toBe(Date.parse(NOW));
    expect(plan.recommendations.length).toBeGreaterThanOrEqual(1);
    expect(plan.recommendations.map((r) => r.rank)).toEqual(plan.recommendations.map((_, i) => i + 1));
    // A sample that shows one kind of verdict only would not show what the planner does
    // (blank's evidence is empty by design: a team starting from scratch has none yet).
    if (template !== 'blank')
      expect(new Set(plan.recommendations.map((r) => r.status)).size, template).toBeGreaterThanOrEqual(2);
  });

  it.each(TEMPLATES)(
    '%s: every verdict follows from its own numbers, and the reason names them',
    (template) => {
      const { plan } = planned.get(template)!;
      const DAY = 86_400_000;
      const holds = (actual: number, comparison: string, required: number) =>
        comparison === '>='
          ? actual >= required
          : comparison === '<='
            ? actual <= required
            : comparison === '>'
              ? actual > required
              : actual < required;
      let judged = 0;
      for (const recommendation of plan.recommendations) {
        // The counts are the verdicts of the listed criteria and dependencies, tallied.
        const tally = (status: string) =>
          recommendation.criteria.filter((c) => c.status === status).length +
          recommendation.dependencies.filter((d) => (status === 'met' ? d.met : status === 'unmet' && !d.met))
            .length;
        expect(recommendation.counts, `${template} ${recommendation.unit}`).toEqual({
          met: tally('met'),
          unmet: tally('unmet'),
          unknown: tally('unknown'),
          total: recommendation.criteria.length + recommendation.dependencies.length,
        });
        for (const result of recommendation.criteria) {
          const where = `${template} ${recommendation.unit}: ${result.text} — ${result.reason}`;
          expect(result.text.length, where).toBeGreaterThan(0);
          const facts = result.facts;
          // Each verdict checked against its facts by the criterion's own rule, not by the planner's code.
          if (facts.kind === 'metric' && facts.actual !== undefined && facts.problem === undefined) {
            expect(result.status, where).toBe(
              holds(facts.actual.value, facts.comparison, facts.required) ? 'met' : 'unmet',
            );
            // A metric counted in seconds reads as a duration ("31 days"), others as the number.
            if (facts.seconds)
              expect(result.reason, where).toMatch(/needs \w+ \w* ?\d+ (days?|hours?|minutes?|seconds?)/);
            else expect(result.reason, where).toContain(String(facts.required));
            judged++;
          }
          if (facts.kind === 'decisions-at-level' && facts.actual !== undefined) {
            expect(result.status, where).toBe(facts.actual >= facts.required ? 'met' : 'unmet');
            expect(result.reason, where).toContain(`${facts.actual} decision`);
            expect(result.reason, where).toContain(`at least ${facts.required}`);
            judged++;
          }
          if (facts.kind === 'time-at-level' && facts.since !== undefined) {
            const met = plan.now - facts.since >= facts.required * 1000;
            expect(result.status, where).toBe(met ? 'met' : 'unmet');
            expect(facts.days, where).toBe(Math.floor((plan.now - facts.since) / DAY));
            expect(result.reason, where).toContain(`(${facts.days} days)`);
            if (!met) expect(facts.metAt, where).toBe(facts.since + facts.required * 1000);
            judged++;
          }
          if (facts.kind === 'unit-level' && facts.actual !== undefined) {
            expect(result.status, where).toBe(facts.actual >= facts.required ? 'met' : 'unmet');
            judged++;
          }
          if (facts.kind === 'checklist') {
            const attested =
              facts.attestation !== undefined &&
              (!facts.evidenceRequired || facts.attestation.evidence !== undefined);
            expect(result.status, where).toBe(attested ? 'met' : 'unmet');
            judged++;
          }
          if (facts.kind === 'role' && facts.members !== undefined && facts.threshold === undefined) {
            expect(result.status, where).toBe(
              facts.members.actual >= facts.members.required ? 'met' : 'unmet',
            );
            judged++;
          }
          // Unknown means the evidence lacks something, and the data says what.
          if (result.status === 'unknown' && facts.kind === 'metric')
            expect(facts.problem, where).toBeDefined();
        }
        for (const dependency of recommendation.dependencies) {
          expect(dependency.met).toBe(dependency.has >= dependency.needs);
          expect(dependency.text).toMatch(/^.+ at .+ or above \(it is at .+\)$/);
        }
      }
      // A sample whose verdicts rest on no numbers would show nothing — except `blank`, which starts
      // a team from scratch with no criteria and no evidence, so it has nothing to judge by design.
      if (template === 'blank') expect(judged, template).toBe(0);
      else expect(judged, template).toBeGreaterThanOrEqual(3);
    },
  );

  it.each(TEMPLATES)(
    '%s: plan and status fit 80 columns, moving words but never cutting one short',
    (template) => {
      const { dir } = planned.get(template)!;
      for (const command of ['plan', 'status']) {
        const narrow = runWithColumns(dir, '80', command, '--now', NOW);
        const wide = runWithColumns(dir, '1000', command, '--now', NOW);
        expect(narrow.code, narrow.stderr).toBe(0);
        const lines = narrow.stdout.trimEnd().split('\n');
        expect(
          lines.filter((line) => columnsOf(line) > 80),
          `${template} ${command}`,
        ).toEqual([]);
        // Only whitespace moved: the same characters in the same order …
        expect(narrow.stdout.replace(/\s+/g, '')).toBe(wide.stdout.replace(/\s+/g, ''));
        // … and every number still whole on one line (a long link may be split, never a number).
        const numbers = (text: string) => text.match(/\d[\d.,:/-]*\d|\d/g) ?? [];
        const wordsWithNumbers = (text: string) =>
          text.split(/\s+/).filter((w) => /\d/.test(w) && w.length <= 40);
        const narrowWords = new Set(narrow.stdout.split(/\s+/));
        for (const word of wordsWithNumbers(wide.stdout))
          expect(narrowWords.has(word), `${template} ${command}: ${word}`).toBe(true);
        expect(numbers(narrow.stdout).length).toBeGreaterThan(0);
      }
      // Without COLUMNS and not on a terminal, 80 is the width.
      const unset = runWithColumns(dir, undefined, 'status', '--now', NOW);
      expect(unset.stdout.split('\n').filter((line) => columnsOf(line) > 80)).toEqual([]);
    },
  );

  it.each(TEMPLATES)('%s: report writes the same moves as Markdown and as one HTML page', (template) => {
    const { dir, plan } = planned.get(template)!;
    const md = runCli(dir, 'report', '--now', NOW);
    const html = runCli(dir, 'report', '--format', 'html', '--out', 'plan.html', '--json', '--now', NOW);
    expect(md.code, md.stderr).toBe(0);
    expect(html.code, html.stderr).toBe(0);
    const page = readFileSync(join(dir, 'plan.html'), 'utf8');
    expect(JSON.parse(html.stdout)).toEqual({
      format: 'html',
      out: 'plan.html',
      bytes: Buffer.byteLength(page),
      // Never applied: the levels are the file's as declared.
      source: expect.objectContaining({ kind: 'file', file: 'devolve.yaml' }),
    });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page.trimEnd().endsWith('</html>')).toBe(true);
    // Each recommended move, in rank order, in both.
    const moves = plan.recommendations.map((r) => `${r.unitName}: ${r.from.name} → ${r.to.name}`);
    const order = (text: string, spell: (s: string) => string) => moves.map((m) => text.indexOf(spell(m)));
    const escapeHtml = (s: string) =>
      s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&#39;');
    for (const positions of [
      order(md.stdout, (s) => `**${s}**`),
      order(page, (s) => `<strong>${escapeHtml(s)}</strong>`),
    ]) {
      expect(
        positions.every((p) => p >= 0),
        template,
      ).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    }
  });

  it('report refuses an unknown format, naming the ones it knows', () => {
    const { dir } = planned.get('dao')!;
    const run = runCli(dir, 'report', '--format', 'pdf', '--now', NOW);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("unknown report format 'pdf'");
    expect(run.stderr).toContain('use --format md or --format html');
  });

  it('shows every kind of verdict across the templates: ready, not ready, blocked, unknown', () => {
    const statuses = new Set<MoveStatus>(
      [...planned.values()].flatMap(({ plan }) => plan.recommendations.map((r) => r.status)),
    );
    expect([...statuses].sort()).toEqual(['blocked', 'not-ready', 'ready', 'unknown']);
  });

  it.each(TEMPLATES)('%s: status --json includes the readiness of each next move', (template) => {
    const { dir, plan } = planned.get(template)!;
    const run = runCli(dir, 'status', '--json', '--now', NOW);
    expect(run.code, run.stderr).toBe(0);
    const board = JSON.parse(run.stdout) as { readiness: Record<string, unknown> };
    expect(board.readiness).toEqual(
      Object.fromEntries(
        plan.recommendations.map((r) => [
          r.unit,
          { to: r.to, status: r.status, met: r.counts.met, total: r.counts.total, blockedBy: r.blockedBy },
        ]),
      ),
    );
  });

  it.each(TEMPLATES)('%s: the plan in words runs too', (template) => {
    const { dir, plan } = planned.get(template)!;
    const run = runCli(dir, 'plan', '--now', NOW);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Evidence: evidence.yaml');
    expect(run.stdout).toContain(`${plan.organization.name} — plan as of 2026-11-25`);
    for (const r of plan.recommendations) expect(run.stdout).toContain(`${r.rank}. ${r.unitName}: `);
  });
});

describe('the dao roadmap: dated only when waiting can make a move ready', () => {
  type Row = [string, string, string, readonly string[]];
  const rows = (plan: PlanJson): Row[] =>
    plan.roadmap.map((s) => [
      s.earliest === undefined ? 'no date' : new Date(s.earliest).toISOString().slice(0, 10),
      s.unit,
      `${s.from.name} → ${s.to.name}`,
      s.basis,
    ]);
  const TREASURY_LATER: Row[] = [
    [
      'no date',
      'treasury',
      'Consultative → Delegated',
      [
        'follows the move to Consultative, which has no date',
        'needs Distinct proposers at least 5 over 90 days — Distinct proposers is 3, needs at least 5 (https://forum.lumen.example/c/treasury, 2026-11-20)',
        "needs Treasury moved from the founders' wallet to a 3-of-5 multisig (attested with an evidence link) — not attested",
      ],
    ],
  ];
  // 57,200/65,551 is the top-10 share the holdings give (exact).
  const TOP_10 =
    'needs Top-10 holder share below 0.5 — Top-10 holder share is 0.8726 (= 57200/65551), needs below 0.5 (ethereum mainnet block 23,850,000, 2026-11-20)';
  // Upgrades has 2 decisions at Consultative; none count at Delegated, which it has not reached.
  const UPGRADES_COMMUNITY: Row = [
    'no date',
    'upgrades',
    'Delegated → Community-governed',
    [
      'needs Holder Nakamoto coefficient at least 7 — Holder Nakamoto coefficient is 4, needs at least 7 (ethereum mainnet block 23,850,000, 2026-11-20)',
      'needs Distinct voters at least 150 over 90 days — Distinct voters is 112, needs at least 150 (https://snapshot.example/#/lumen.eth, 2026-11-20)',
      'needs 3 decisions at Delegated',
    ],
  ];

  it('with the sample evidence: two moves today, the others undated, each with its reasons', () => {
    const { plan } = planned.get('dao')!;
    expect(rows(plan)).toEqual([
      ['2026-11-25', 'front-end', 'Transparent → Consultative', []],
      ['2026-11-25', 'grants', 'Delegated → Community-governed', []],
      [
        'no date',
        'brand',
        'Founder-controlled → Transparent',
        ['needs Brand guidelines published under a permissive licence (attested) — not attested'],
      ],
      [
        'no date',
        'brand',
        'Transparent → Consultative',
        ['follows the move to Transparent, which has no date'],
      ],
      [
        'no date',
        'risk-parameters',
        'Delegated → Community-governed',
        [
          'needs Core-team decision share below 0.3 over 90 days — Core-team decision share is 0.41, needs below 0.3 (https://forum.lumen.example/c/risk, 2026-11-20)',
          'needs Contract upgrades at Delegated, which has no date',
        ],
      ],
      [
        'no date',
        'treasury',
        'Transparent → Consultative',
        [
          'needs Public treasury dashboard with monthly statements (attested with an evidence link) — attested by Jonas Weil on 2026-06-30, but without the evidence link it requires',
        ],
      ],
      ...TREASURY_LATER,
      [
        'no date',
        'treasury',
        'Delegated → Community-governed',
        [
          'follows the move to Delegated, which has no date',
          TOP_10,
          'needs Risk parameters at Community-governed, which has no date',
        ],
      ],
      [
        'no date',
        'upgrades',
        'Consultative → Delegated',
        ['needs Upgrade runbook published and rehearsed on a testnet (attested) — not attested'],
      ],
      [
        'no date',
        'upgrades',
        'Delegated → Community-governed',
        ['follows the move to Delegated, which has no date', ...UPGRADES_COMMUNITY[3]],
      ],
    ]);
    // Commitments on undated moves are at risk, whatever their deadline.
    expect(plan.commitments.map((c) => [c.id, c.status])).toEqual([
      ['upgrades-community', 'at-risk'],
      ['risk-parameters-community', 'at-risk'],
      ['treasury-delegated', 'at-risk'],
    ]);
  });

  it('once the runbook is attested and the core team decides less, time and decisions set the dates', () => {
    const dir = dirs.fresh();
    expect(runCli(dir, 'init', '--template', 'dao').code).toBe(0);
    const sample = readFileSync(join(dir, 'evidence.yaml'), 'utf8');
    const edited = sample
      .replace('    value: 0.41\n', '    value: 0.2\n')
      .replace(
        'attestations:\n',
        'attestations:\n  - checklist: upgrade-runbook\n    unit: upgrades\n    by: priya\n    at: 2026-11-10\n',
      );
    expect(edited).not.toBe(sample);
    writeFileSync(join(dir, 'evidence.yaml'), edited);
    const run = runCli(dir, 'plan', '--json', '--now', NOW);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as PlanJson;
    const table = rows(plan);
    // Contract upgrades: 90 days at Consultative since 2026-02-01 have passed, so today.
    expect(table[2]).toEqual([
      '2026-11-25',
      'upgrades',
      'Consultative → Delegated',
      ['90 days at Consultative (from 2026-02-01)'],
    ]);
    // Risk parameters: 180 days at Delegated from 2026-07-01 end on 2026-12-28
    // (30 + 31 + 30 + 31 + 30 + 28 = 180), after Contract upgrades reaches Delegated today.
    expect(table[3]).toEqual([
      '2026-12-28',
      'risk-parameters',
      'Delegated → Community-governed',
      ['180 days at Delegated (from 2026-07-01)', 'after Contract upgrades reaches Delegated (2026-11-25)'],
    ]);
    // Contract upgrades reaches Delegated today, but its next move needs 3 decisions made there:
    // it is not dated the day it arrives.
    expect(table.at(-1)).toEqual(UPGRADES_COMMUNITY);
    expect(table.find((r) => r[1] === 'treasury' && r[2] === 'Delegated → Community-governed')).toEqual([
      'no date',
      'treasury',
      'Delegated → Community-governed',
      ['follows the move to Delegated, which has no date', TOP_10],
    ]);
    expect(plan.commitments.find((c) => c.id === 'risk-parameters-community')).toMatchObject({
      status: 'on-track',
      earliest: Date.parse('2026-12-28T00:00:00Z'),
    });
  });
});

describe('plan with a broken evidence file', () => {
  it('exits 1 and locates every problem with its code', () => {
    const dir = dirs.fresh();
    expect(runCli(dir, 'init', '--template', 'dao').code).toBe(0);
    const text = [
      'evidence: 1',
      'observations:',
      '  - metric: distinct-votrs',
      '    unit: upgrades',
      '    value: 3',
      '    at: 2026-11-20',
      'attestations:',
      '  - checklist: audit-v3',
      '    at: last week',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'evidence.yaml'), text);
    const run = runCli(dir, 'plan', '--now', NOW);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      "evidence.yaml:3:13 error unknown metric 'distinct-votrs' [evidence/unknown-metric]",
    );
    expect(run.stderr).toContain("hint: did you mean 'distinct-voters'?");
    expect(run.stderr).toContain(
      "evidence.yaml:9:9 error 'last week' is not in the expected form [evidence/bad-format]",
    );
    expect(run.stderr).toContain('evidence.yaml is not valid evidence (2 errors)');
    const json = runCli(dir, 'plan', '--json', '--now', NOW);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'evidence/invalid' } });
  });

  it('exits 2 when the evidence file named does not exist', () => {
    const dir = dirs.fresh();
    expect(runCli(dir, 'init', '--template', 'dao').code).toBe(0);
    const run = runCli(dir, 'plan', '--evidence', 'missing.yaml', '--now', NOW);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot read evidence file missing.yaml');
  });
});
