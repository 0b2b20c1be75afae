import type { Command } from 'commander';
import { findingSentence, NOT_OBSERVED, observedByUnit } from '../../core/observed/describeObserved.js';
import type { ObservedUnit } from '../../core/observed/observeOrganization.js';
import type { Plan } from '../../core/planner/makePlan.js';
import type { CriterionResult, CriterionStatus } from '../../core/readiness/evaluateCriterion.js';
import { formatDate } from '../../core/time/Instant.js';
import { fitLine, terminalWidth } from '../fitToWidth.js';
import { defaultStyle, printJson, type Style } from '../output.js';
import { describeLevelSource } from '../readCharterInForce.js';
import { type PlanOptions, readPlanFor, withPlanOptions } from '../readPlan.js';
import { statusLabel } from '../statusLabel.js';

const MARK: Record<CriterionStatus, (style: Style) => string> = {
  met: (style) => style.green('✓'),
  unmet: (style) => style.red('✗'),
  unknown: (style) => style.yellow('?'),
};

/** A criterion's line under a move: its mark, the criterion, and the reason with its numbers. */
function criterionLine(result: CriterionResult, style: Style): string {
  return `      ${MARK[result.status](style)} ${result.text} — ${result.reason}`;
}

/**
 * The plan in the terminal: next moves with their reasons, the roadmap, the commitments. Lines
 * are fitted to `width` columns (breaking between words, never inside a number).
 */
export function renderPlan(
  plan: Plan,
  style: Style,
  width = Number.POSITIVE_INFINITY,
  observed: readonly ObservedUnit[] = [],
): string {
  const out: string[] = [`${style.bold(plan.organization.name)} — plan as of ${formatDate(plan.now)}`, ''];
  out.push(style.bold('Next moves'));
  if (plan.recommendations.length === 0) out.push('  Every unit is at its target.');
  for (const r of plan.recommendations) {
    const counts = r.counts.total === 0 ? 'no criteria' : `${r.counts.met}/${r.counts.total} met`;
    out.push(
      `  ${String(r.rank).padStart(2)}. ${style.bold(r.unitName)}: ${r.from.name} → ${r.to.name}  ${statusLabel(r.status, style)} ${style.dim(`(${counts}${r.to.index === r.target.index ? '' : `; target ${r.target.name}`})`)}`,
    );
    for (const result of r.criteria.filter((c) => c.status === 'met')) out.push(criterionLine(result, style));
    for (const d of r.dependencies.filter((d) => d.met)) out.push(`      ${style.green('✓')} ${d.text}`);
    for (const result of r.criteria.filter((c) => c.status !== 'met')) out.push(criterionLine(result, style));
    for (const d of r.dependencies.filter((d) => !d.met))
      out.push(`      ${style.red('⛔')} needs ${d.text}`);
    if (r.unblocks.length > 0) out.push(`      ${style.cyan('→')} unblocks ${r.unblocks.join(', ')}`);
    if (r.dueBy !== undefined) out.push(`      ${style.cyan('⏱')} commitment due ${formatDate(r.dueBy)}`);
  }
  if (plan.atTarget.length > 0) out.push(style.dim(`  At target: ${plan.atTarget.join(', ')}`));

  out.push('', style.bold('Roadmap'));
  if (plan.roadmap.length === 0) out.push('  Nothing left to move.');
  const nameWidth = Math.max(0, ...plan.roadmap.map((s) => s.unitName.length));
  // Side by side when the names leave room; otherwise each reason goes on its own line anyway.
  for (const step of plan.roadmap) {
    const when = step.earliest === undefined ? 'no date   ' : formatDate(step.earliest);
    const name = 14 + nameWidth + 2 < width / 2 ? step.unitName.padEnd(nameWidth) : step.unitName;
    out.push(`  ${when}  ${name}  ${step.from.name} → ${step.to.name}`);
    const reasons = [...step.basis, ...(step.open.length > 0 ? [`if: ${step.open.join('; ')}`] : [])];
    for (const reason of reasons) out.push(style.dim(`              · ${reason}`));
  }

  out.push('', style.bold('Commitments'));
  if (plan.commitments.length === 0) out.push('  None declared.');
  for (const c of plan.commitments) {
    const deadline = c.by === undefined ? 'on trigger' : `by ${formatDate(c.by)}`;
    const countdown =
      c.daysLeft === undefined || c.status === 'met'
        ? ''
        : c.daysLeft >= 0
          ? ` · ${c.daysLeft} days left`
          : ` · ${-c.daysLeft} days overdue`;
    const label =
      c.status === 'met' || c.status === 'on-track'
        ? style.green(c.status)
        : c.status === 'overdue' || c.status === 'at-risk'
          ? style.red(c.status)
          : style.yellow(c.status);
    const earliest =
      c.status === 'at-risk'
        ? style.dim(
            c.earliest === undefined ? ' (no date for the move)' : ` (earliest ${formatDate(c.earliest)})`,
          )
        : '';
    out.push(`  ${c.unitName} → ${c.level.name} ${deadline}${countdown}  ${label}${earliest}`);
    if (c.statement !== undefined)
      out.push(style.dim(`      “${c.statement}”${c.unless === undefined ? '' : ` — unless ${c.unless}`}`));
  }
  out.push('', ...renderObserved(observed, style));
  return out.flatMap((line) => fitLine(line, width)).join('\n');
}

/** Declared beside observed: each observed unit, its findings with their evidence, then the rest. */
export function renderObserved(observed: readonly ObservedUnit[], style: Style): string[] {
  const out = [style.bold('Declared vs observed')];
  const seen = observed.filter((u) => u.observed !== undefined);
  for (const u of seen) {
    const ok = u.findings.length === 0;
    out.push(
      `  ${ok ? style.green('✓') : style.red('✗')} ${u.unit}: declared ${u.declared.id}, observed ${u.observed!.id}`,
    );
    for (const f of u.findings) out.push(`      ${findingSentence(f)}`);
  }
  const unseen = observed.filter((u) => u.observed === undefined).map((u) => u.unit);
  if (unseen.length > 0) out.push(style.dim(`  ${NOT_OBSERVED}: ${unseen.join(', ')}`));
  return out;
}

export function registerPlan(program: Command): void {
  withPlanOptions(
    program
      .command('plan')
      .description('which slider to move next and when: ranked moves, roadmap, commitments'),
    { asOf: 'plan', json: 'print the plan as JSON' },
  ).action(async (file: string, options: PlanOptions) => {
    const json = options.json === true;
    const { plan, evidenceFile, storedEvidence, source, observed } = await readPlanFor(file, options);
    if (json) {
      printJson({
        ...plan,
        evidence: evidenceFile ?? null,
        storedEvidence,
        source,
        observed: observedByUnit(observed),
      });
      return;
    }
    const style = defaultStyle();
    const width = terminalWidth();
    const lines = [
      describeLevelSource(source),
      evidenceFile === undefined && storedEvidence === 0
        ? 'No evidence file or stored evidence: criteria that need evidence are unknown.'
        : `Evidence: ${[evidenceFile === undefined ? [] : [evidenceFile], storedEvidence === 0 ? [] : [`${storedEvidence} entries in the store`]].flat().join(' and ')}`,
    ];
    console.log(style.dim(`${lines.flatMap((line) => fitLine(line, width)).join('\n')}\n`));
    console.log(renderPlan(plan, style, width, observed));
  });
}
