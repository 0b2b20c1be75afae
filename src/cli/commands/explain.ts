import type { Command } from 'commander';
import { explainUnit, findUnit, type LevelExplanation } from '../../core/explain/explainUnit.js';
import type { CriterionDescription } from '../../core/readiness/describeCriterion.js';
import { formatDate } from '../../core/time/Instant.js';
import { defaultStyle, printJson, type Style } from '../output.js';
import {
  describeLevelSource,
  type LogOptions,
  readCharterInForce,
  withLogOptions,
} from '../readCharterInForce.js';

function criterionLines(description: CriterionDescription, indent: string): string[] {
  const lines = [`${indent}- ${description.text}${description.children === undefined ? '' : ':'}`];
  for (const child of description.children ?? []) lines.push(...criterionLines(child, `${indent}  `));
  return lines;
}

function levelLines(level: LevelExplanation, style: Style): string[] {
  const lines = [
    `${style.bold(`${level.index} · ${level.name}`)}${level.summary === undefined ? '' : ` — ${level.summary}`}`,
    `  Propose:      ${level.policy.propose}`,
    `  Consultation: ${level.policy.consultation}`,
    `  Decide:       ${level.policy.decide}`,
    `  Veto:         ${level.policy.veto}`,
    `  Delay:        ${level.policy.delay}`,
    `  Rationale:    ${level.policy.rationale}`,
    style.dim(`  Policy: ${level.policyLine}`),
  ];
  if (level.requirements !== undefined) {
    lines.push('  To be at this level:', ...criterionLines(level.requirements, '    '));
  }
  return lines;
}

export function registerExplain(program: Command): void {
  withLogOptions(
    program
      .command('explain')
      .description('who decides what about a unit, today and at the next level, in plain words')
      .argument('<unit>', 'the unit id')
      .argument('[file]', 'the charter', 'devolve.yaml')
      .option('--json', 'print the explanation as JSON'),
  ).action(async (unitId: string, file: string, options: LogOptions & { json?: boolean }) => {
    const json = options.json === true;
    const { organization, source } = await readCharterInForce({ file, json, log: options });
    const explanation = explainUnit({ organization, unit: unitId });
    const sinceMs = findUnit({ organization, unit: unitId }).since;
    const since = sinceMs === undefined ? undefined : formatDate(sinceMs);
    if (json) {
      printJson({ ...explanation, ...(since === undefined ? {} : { since }), source });
      return;
    }
    const style = defaultStyle();
    const out: string[] = [
      style.dim(describeLevelSource(source)),
      `${style.bold(explanation.name)} ${style.dim(`(${explanation.id}, ${explanation.dimension.name})`)}`,
    ];
    if (explanation.description !== undefined) out.push(explanation.description);
    out.push(
      `Owned today by ${explanation.owners}. At ${explanation.today.name}${since === undefined ? '' : ` since ${since}`}. Target: ${explanation.target.name}.`,
      '',
    );
    out.push(`${style.cyan('Today')} — level ${levelLines(explanation.today, style).join('\n')}`);
    if (explanation.next === undefined) {
      out.push('', 'This is the top of the ladder.');
    } else {
      out.push('', `${style.cyan('Next')} — level ${levelLines(explanation.next, style).join('\n')}`);
      if (explanation.next.readiness !== undefined) {
        out.push('  Before moving up:', ...criterionLines(explanation.next.readiness, '    '));
      }
    }
    if (explanation.dependsOn.length > 0)
      out.push('', 'Depends on:', ...explanation.dependsOn.map((d) => `  - ${d}`));
    if (explanation.commitments.length > 0) {
      out.push('', 'Commitments:', ...explanation.commitments.map((c) => `  - ${c}`));
    }
    console.log(out.join('\n'));
  });
}
