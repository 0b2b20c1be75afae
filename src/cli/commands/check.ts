import type { Command } from 'commander';
import { formatIssues } from '../formatIssues.js';
import { defaultStyle, printJson } from '../output.js';
import { readCharter } from '../readCharter.js';
import { parseNowOption } from '../readEvidence.js';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('validate a charter: every problem with file:line:column and a hint')
    .argument('[file]', 'the charter', 'devolve.yaml')
    .option('--now <instant>', 'check requirements of declared levels as of this date (default: now)')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { now?: string; json?: boolean }) => {
      const { file: shown, text, load } = await readCharter(file, parseNowOption(options.now));
      const errors = load.ok ? [] : load.errors;
      if (options.json) {
        printJson({
          file: shown,
          valid: load.ok,
          errors,
          warnings: load.warnings,
          ...(load.ok
            ? {
                organization: {
                  id: load.organization.id,
                  name: load.organization.name,
                  units: load.organization.units.length,
                  dimensions: load.organization.dimensions.length,
                },
              }
            : {}),
        });
      } else {
        const style = defaultStyle();
        const issues = [...errors, ...load.warnings].sort((a, b) => a.line - b.line || a.column - b.column);
        if (issues.length > 0) console.log(formatIssues({ issues, text, style }));
        const warnings = load.warnings.length === 0 ? '' : `, ${plural(load.warnings.length, 'warning')}`;
        if (load.ok) {
          const org = load.organization;
          const dims = new Set(org.units.map((u) => u.dimension)).size;
          console.log(
            `${style.green('✓')} ${shown} is valid: ${org.name}, ${plural(org.units.length, 'unit')} in ${plural(dims, 'dimension')}${warnings}`,
          );
        } else {
          console.log(`${style.red('✗')} ${shown}: ${plural(errors.length, 'error')}${warnings}`);
        }
      }
      if (!load.ok) process.exitCode = 1;
    });
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
