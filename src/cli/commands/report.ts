import type { Command } from 'commander';
import { renderPlanMarkdown } from '../../core/report/renderPlanMarkdown.js';
import { usageError } from '../CliError.js';
import { printJson } from '../output.js';
import { readPlan } from '../readPlan.js';
import { writeFileSafely } from '../writeFileSafely.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a planning report to publish: board, recommendations, roadmap, commitments')
    .argument('[file]', 'the charter', 'devolve.yaml')
    .option('-e, --evidence <file>', 'evidence file (default: evidence.yaml beside the charter, if any)')
    .option('-f, --format <format>', 'md (Markdown)', 'md')
    .option('-o, --out <file>', 'write the report to a file instead of standard output')
    .option('--now <instant>', 'report as of this date or instant (default: now)')
    .option('--json', 'print where the report went as JSON')
    .action(
      async (
        file: string,
        options: { evidence?: string; format: string; out?: string; now?: string; json?: boolean },
      ) => {
        if (options.format !== 'md') {
          throw usageError({
            code: 'bad-format',
            message: `unknown report format '${options.format}'`,
            hint: 'use --format md',
          });
        }
        const json = options.json === true;
        const { charter, plan, evidenceFile } = await readPlan({
          file,
          evidence: options.evidence,
          now: options.now,
          json,
        });
        const markdown = renderPlanMarkdown({
          organization: charter.organization,
          plan,
          evidenceSource: evidenceFile,
        });
        if (options.out === undefined) {
          if (json) printJson({ format: 'md', report: markdown });
          else process.stdout.write(markdown);
          return;
        }
        await writeFileSafely({ file: options.out, content: markdown });
        if (json) printJson({ format: 'md', out: options.out, bytes: Buffer.byteLength(markdown) });
        else console.log(`wrote ${options.out}`);
      },
    );
}
