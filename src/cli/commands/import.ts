import type { Command } from 'commander';
import { IMPORTERS } from '../../importers/importers.js';
import { usageError } from '../CliError.js';
import { formatImportIssue } from '../formatImportIssue.js';
import { defaultStyle, printJson, toJson } from '../output.js';
import { recordEvidence, withRecordOptions } from '../recordEvidence.js';

/**
 * `devolve import <importer> <source>`: one subcommand per record in `IMPORTERS`. Every bad row
 * is printed with its line (on stderr, or in `issues` with `--json`) and makes the exit status 1;
 * the good rows are still counted.
 */
export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description('read evidence: holdings, entities, git history, Snapshot votes, Governor logs');
  for (const importer of IMPORTERS) {
    const sub = command
      .command(importer.name)
      .description(importer.description)
      .argument(importer.sourceOptional ? '[source]' : '<source>', importer.source);
    for (const option of importer.options) {
      if (option.repeatable)
        sub.option(option.flags, option.description, (value: string, previous: string[] = []) => [
          ...previous,
          value,
        ]);
      else if (option.defaultValue !== undefined)
        sub.option(option.flags, option.description, option.defaultValue);
      else sub.option(option.flags, option.description);
    }
    sub.option('--json', 'print the result as JSON');
    sub.option('--charter <file>', 'with --record: the charter the evidence is about', 'devolve.yaml');
    withRecordOptions(sub);
    sub.action(
      async (
        source: string | undefined,
        options: Record<string, string | string[] | undefined> & {
          json?: boolean;
          record?: boolean;
          charter?: string;
          data?: string;
        },
      ) => {
        const outcome = await importer.run({ source: source ?? '', options });
        const observations = outcome.observations ?? [];
        if (options.record === true) {
          if (observations.length === 0)
            throw usageError({
              code: 'bad-options',
              message: `--record: the ${importer.name} import yields no observations to keep`,
            });
          await recordEvidence({
            charter: options.charter,
            data: options.data,
            json: options.json === true,
            entries: observations.map((observation) => ({
              entry: { kind: 'observation', observation },
              origin: { command: `import ${importer.name}`, from: source ?? '' },
            })),
          });
        }
        if (options.json) {
          printJson({
            importer: importer.name,
            source,
            rows: outcome.rows,
            issues: outcome.issues,
            ...outcome.summary,
            ...(options.record === true ? { recorded: observations.length } : {}),
          });
        } else {
          const style = defaultStyle();
          for (const issue of outcome.issues) console.error(formatImportIssue(issue));
          const mark = outcome.issues.length === 0 ? style.green('✓') : style.red('✗');
          console.log(
            `${mark} ${source}: ${outcome.rows} rows, ${outcome.issues.length} bad; ${toJson(outcome.summary).replace(/\s+/g, ' ')}`,
          );
        }
        if (outcome.issues.length > 0) process.exitCode = 1;
      },
    );
  }
}
