import { describe, expect, it } from 'vitest';
import { declaring, teamRunTreasury } from '../../test/support/teamRunTreasury.js';
import { NO_EVIDENCE } from '../core/evidence/Evidence.js';
import { buildBoard } from '../core/explain/buildBoard.js';
import { observedByUnit } from '../core/observed/describeObserved.js';
import { observeOrganization } from '../core/observed/observeOrganization.js';
import { makePlan } from '../core/planner/makePlan.js';
import { renderPlanHtml } from '../core/report/renderPlanHtml.js';
import { renderPlanMarkdown } from '../core/report/renderPlanMarkdown.js';
import { renderObserved } from './commands/plan.js';
import { displayWidth } from './fitToWidth.js';
import { makeStyle } from './output.js';
import { renderStatus } from './renderStatus.js';

/**
 * `status` and `plan` show declared beside observed: Lumen's treasury, declared Delegated, where
 * the core team made every decision of the last 90 days (observed at most Consultative).
 */
const { state, now } = teamRunTreasury();
const organization = declaring(state.organization, 'treasury', 3);
const observed = observeOrganization({ organization, evidence: NO_EVIDENCE, state, now });
const style = makeStyle(false);
const EVIDENCE = 'the team made 100% of 3 decisions in the last 90 days (over 80%)';

describe('declared vs observed in the terminal', () => {
  it('status: a line per finding under its unit, within 80 columns', () => {
    const plan = makePlan({ organization, evidence: NO_EVIDENCE, now });
    const next = new Map(plan.recommendations.map((r) => [r.unit, r]));
    const text = renderStatus({ board: buildBoard({ organization }), next, style, width: 80, observed });
    const lines = text.split('\n');
    expect(lines.filter((l) => displayWidth(l) > 80)).toEqual([]);
    const at = lines.findIndex((l) => l.includes('✗'));
    expect(
      lines
        .slice(at, at + 2)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe(`✗ declared delegated, observed consultative: ${EVIDENCE}`);
    // The finding follows the treasury's own line(s), before the next unit's.
    expect(lines.slice(0, at).findLast((l) => /^ {2}\S/.test(l))).toContain('Treasury');
    expect(lines.filter((l) => l.includes('✗'))).toHaveLength(1);
  });

  it('plan: the section lists the observed unit with its finding, and the rest as not observed', () => {
    const lines = renderObserved(observed, style);
    expect(lines.slice(0, 3)).toEqual([
      'Declared vs observed',
      '  ✗ treasury: declared delegated, observed consultative',
      `      declared delegated, observed consultative: ${EVIDENCE}`,
    ]);
    expect(lines[3]).toMatch(
      /^ {2}not observed \(no control fact recorded, no decisions in the last 90 days\): /,
    );
    expect(lines).toHaveLength(4);
  });

  it('plan --json and status --json: `observed` per unit, small', () => {
    const byUnit = observedByUnit(observed);
    expect(byUnit['treasury']).toEqual({
      declared: 'delegated',
      observed: 'consultative',
      teamShare: { value: 1, decisions: 3 },
      findings: [{ declared: 'delegated', observed: 'consultative', evidence: [EVIDENCE] }],
    });
    expect(byUnit['brand']).toEqual({ declared: 'founder', observed: null, findings: [] });
    expect(Object.keys(byUnit)).toEqual(organization.units.map((u) => u.id));
  });
});

describe('declared vs observed in the report', () => {
  const plan = makePlan({ organization, evidence: NO_EVIDENCE, now });
  const row = `declared delegated, observed consultative: ${EVIDENCE}`;

  it('markdown: a row per unit, the finding with its evidence', () => {
    const md = renderPlanMarkdown({ organization, plan, evidenceSource: undefined, observed });
    expect(md).toContain('## Declared vs observed\n\n| Unit | Declared | Observed | Evidence |');
    expect(md).toContain(`| Treasury | delegated | consultative | ${row} |`);
    expect(md).toContain(
      '| Brand & trademark | founder | not observed | no control fact recorded, no decisions in the last 90 days |',
    );
    expect(renderPlanMarkdown({ organization, plan, evidenceSource: undefined })).not.toContain(
      'Declared vs observed',
    );
  });

  it('html: the same rows, escaped', () => {
    const html = renderPlanHtml({ organization, plan, evidenceSource: undefined, observed });
    expect(html).toContain('<h2>Declared vs observed</h2>');
    expect(html).toContain(
      `<tr><td>Treasury</td><td>delegated</td><td>consultative</td><td>${row}</td></tr>`,
    );
    expect(html).toContain('<td>Brand &amp; trademark</td><td>founder</td><td>not observed</td>');
  });
});
