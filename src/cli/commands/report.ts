import type { Command } from 'commander';
import { renderPlanHtml } from '../../core/report/renderPlanHtml.js';
import { renderPlanMarkdown } from '../../core/report/renderPlanMarkdown.js';
import { usageError } from '../CliError.js';
import { printJson } from '../output.js';
import { describeLevelSource } from '../readCharterInForce.js';
import { type PlanOptions, readPlanFor, withPlanOptions } from '../readPlan.js';
import { writeFileSafely } from '../writeFileSafely.js';

/** The report formats, each a renderer of the same plan data. */
const FORMATS = {
  md: renderPlanMarkdown,
  html: renderPlanHtml,
} as const;

const isFormat = (format: string): format is keyof typeof FORMATS => Object.hasOwn(FORMATS, format);

export function registerReport(program: Command): void {
  withPlanOptions(
    program
      .command('report')
      .description('write a planning report to publish: board, recommendations, roadmap, commitments')
      .option('-f, --format <format>', 'md (Markdown) or html (one self-contained page)', 'md')
      .option('-o, --out <file>', 'write the report to a file instead of standard output'),
    { asOf: 'report', json: 'print where the report went as JSON' },
  ).action(async (file: string, options: PlanOptions & { format: string; out?: string }) => {
    const format = options.format;
    if (!isFormat(format)) {
      throw usageError({
        code: 'bad-format',
        message: `unknown report format '${format}'`,
        hint: `use --format ${Object.keys(FORMATS).join(' or --format ')}`,
      });
    }
    const json = options.json === true;
    const { organization, plan, evidenceFile, source, observed } = await readPlanFor(file, options);
    const report = FORMATS[format]({
      organization,
      plan,
      evidenceSource: evidenceFile,
      levelSource: describeLevelSource(source),
      observed,
    });
    if (options.out === undefined) {
      if (json) printJson({ format, report, source });
      else process.stdout.write(report);
      return;
    }
    await writeFileSafely({ file: options.out, content: report });
    if (json) printJson({ format, out: options.out, bytes: Buffer.byteLength(report), source });
    else console.log(`wrote ${options.out}`);
  });
}
