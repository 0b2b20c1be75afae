import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharter } from '../src/core/charter/loadCharter.js';
import { loadEvidence } from '../src/core/evidence/loadEvidence.js';
import type { Plan } from '../src/core/planner/makePlan.js';
import type { MoveStatus } from '../src/core/readiness/assessMove.js';
import type { CriterionResult } from '../src/core/readiness/evaluateCriterion.js';
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

/** Leaf results as the planner lists them: the parts of `all`, one by one. */
function leaves(result: CriterionResult | undefined): CriterionResult[] {
  if (result === undefined) return [];
  if (result.kind === 'all' && result.children !== undefined) return result.children.flatMap(leaves);
  return [result];
}

/** Criteria whose reason must name numbers once there is evidence to judge them by. */
const NUMERIC_REASON: Partial<Record<CriterionResult['kind'], RegExp>> = {
  // "Distinct voters is 112, needs at least 150 (source, 2026-11-20)"
  // (durations for metrics counted in seconds: "Timelock delay is 8 days, needs at least 31 days …")
  metric:
    /^.+ is -?\d[\d.]*( (days?|hours?|minutes?|seconds?))?( \(.+\))?, needs (at least|at most|above|below) -?\d[\d.]*( (days?|hours?|minutes?|seconds?))?( \(.+\))?$/,
  // "at Consultative since 2026-02-01 (297 days), needs 90 days[: met on 2026-…]"
  'time-at-level': /^at .+ since \d{4}-\d{2}-\d{2} \(\d+ days\), needs \d+ \w+/,
  // "14 decisions completed at Delegated, needs at least 12"
  'decisions-at-level': /^\d+ decisions? completed at .+, needs at least \d+$/,
  'unit-level': /^.+ is at .+ \(\d+\), needs .+ \(\d+\) or above$/,
  role: /\d/,
  'exit-window': /gives users .+ to exit .+, needs \d+/,
};

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

  it.each(TEMPLATES)('%s: every line names its criterion, and quantities name their numbers', (template) => {
    const { plan } = planned.get(template)!;
    for (const recommendation of plan.recommendations) {
      const assessment = plan.assessments.find((a) => a.unit === recommendation.unit)!;
      const results = [...leaves(assessment.readiness), ...leaves(assessment.requirements)];
      const line = (r: CriterionResult) => `${r.text} — ${r.reason}`;
      // Each line is "criterion — reason" for one of the move's criteria (or a met dependency).
      expect(recommendation.met).toEqual([
        ...results.filter((r) => r.status === 'met').map(line),
        ...assessment.dependencies.filter((d) => d.met).map((d) => d.text),
      ]);
      expect(recommendation.missing).toEqual(
        results
          .filter((r) => r.status !== 'met')
          .map((r) => `${r.status === 'unknown' ? '(unknown) ' : ''}${line(r)}`),
      );
      expect(recommendation.blockedBy).toEqual(
        assessment.dependencies.filter((d) => !d.met).map((d) => d.text),
      );
      for (const result of results) {
        const where = `${template} ${recommendation.unit}: ${line(result)}`;
        expect(result.text.length, where).toBeGreaterThan(0);
        const pattern = NUMERIC_REASON[result.kind];
        if (pattern !== undefined && result.status !== 'unknown')
          expect(result.reason, where).toMatch(pattern);
        // A stale or mismatched observation is unknown, and says which number or window it has.
        if (
          result.kind === 'metric' &&
          result.status === 'unknown' &&
          !result.reason.startsWith('no observation of')
        ) {
          expect(result.reason, where).toMatch(/\d/);
        }
      }
      // Lines on met / unmet quantities carry a number; so do attested items (their date).
      for (const text of [...recommendation.met, ...recommendation.missing]) {
        if (
          !/ — (not attested|no observation of .+ in the evidence|no count of .+|no record of .+)$/.test(text)
        ) {
          expect(text, `${template} ${recommendation.unit}`).toMatch(/\d/);
        }
      }
      for (const dependency of [...recommendation.blockedBy]) {
        expect(dependency).toMatch(/^.+ at .+ or above \(it is at .+\)$/);
      }
    }
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
