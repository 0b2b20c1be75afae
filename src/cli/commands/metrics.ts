import type { Command } from 'commander';
import { groupByEntity } from '../../core/evidence/groupByEntity.js';
import type { ImportIssue } from '../../core/evidence/ImportIssue.js';
import { concentrationReport } from '../../core/metrics/concentrationReport.js';
import { formatRatio } from '../../core/ratio/Ratio.js';
import { readEntities } from '../../importers/entitiesImporter.js';
import { readGitHistory, unitsOption } from '../../importers/gitImporter.js';
import { parseDecimals, readHoldings } from '../../importers/readHoldings.js';
import { usageError } from '../CliError.js';
import { formatImportIssue } from '../formatImportIssue.js';
import { registerMetricsLog } from '../metricsLog.js';
import { printJson } from '../output.js';

/**
 * `devolve metrics --holdings f.csv [--entities e.csv]` (holder concentration) or
 * `devolve metrics --git <repo> --unit u=prefix… [--entities e.csv]` (contributor concentration
 * per unit): the concentration report of `src/core/metrics`, over entities when an entities file
 * is given. Bad rows are reported as by `import` and make the exit status 1. `devolve metrics log`
 * gives the signed log's own metrics (`metricsLog.ts`).
 */
export function registerMetrics(program: Command): void {
  const metrics = program.command('metrics');
  registerMetricsLog(metrics);
  // Options declared like observe.ts's, by design: each command file declares its own words.
  metrics
    .description('concentration metrics (Gini, Nakamoto, HHI, …) from imported holdings or git history')
    .option('--holdings <file>', 'a holdings CSV')
    .option('--decimals <n>', "the token's decimals, for decimal balances", '18')
    .option('--git <repository>', 'a git repository, for contributor concentration per unit')
    .option(
      '--unit <unit=prefix>',
      'with --git: a unit and its path prefix (repeat)',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option('--entities <file>', 'an entities CSV: count entities, not addresses')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        holdings?: string;
        decimals: string;
        git?: string;
        unit?: string[];
        entities?: string;
        json?: boolean;
      }) => {
        if ((options.holdings === undefined) === (options.git === undefined))
          throw usageError({
            code: 'metrics-source',
            message: 'give exactly one of --holdings <file> or --git <repository>',
          });
        const issues: ImportIssue[] = [];
        let entities = new Map<string, string>();
        if (options.entities !== undefined) {
          const read = await readEntities({ path: options.entities });
          entities = read.result;
          issues.push(...read.issues);
        }
        const report = (amounts: ReadonlyMap<string, bigint>) => {
          const grouped = groupByEntity({ amounts, entities });
          return concentrationReport({ holdings: grouped.values() });
        };
        let body: Record<string, unknown>;
        if (options.holdings !== undefined) {
          const read = await readHoldings({
            path: options.holdings,
            decimals: parseDecimals(options.decimals),
          });
          issues.push(...read.issues);
          body = { source: options.holdings, rows: read.rows, holdings: report(read.result) };
        } else {
          const read = await readGitHistory({ repository: options.git!, units: unitsOption(options.unit) });
          issues.push(...read.issues);
          body = {
            source: options.git,
            commits: read.rows,
            units: Object.fromEntries([...read.result].map(([unit, counts]) => [unit, report(counts)])),
          };
        }
        const output = { ...body, countedBy: options.entities === undefined ? 'holder' : 'entity', issues };
        if (options.json) printJson(output);
        else {
          for (const issue of issues) console.error(formatImportIssue(issue));
          const reports =
            options.holdings !== undefined
              ? { holdings: body['holdings'] as ReturnType<typeof report> }
              : (body['units'] as Record<string, ReturnType<typeof report>>);
          for (const [name, r] of Object.entries(reports))
            console.log(
              `${name}: ${r.nonZeroHolders} ${output.countedBy}s, gini ${formatRatio(r.gini.ratio)} (${r.gini.value.toFixed(4)}), ` +
                `nakamoto ${r.nakamoto.count}, hhi ${r.herfindahl.value.toFixed(4)}, top-${r.topShare.k} ${r.topShare.value.toFixed(4)}`,
            );
        }
        if (issues.length > 0) process.exitCode = 1;
      },
    );
}
