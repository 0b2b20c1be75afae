import type { Command } from 'commander';
import { DATA_OPTION, openStore } from '../openStore.js';
import { defaultStyle, printJson } from '../output.js';

/**
 * `devolve rebuild`: replays every organization's log from its first event — checking hashes,
 * links, signatures and authorization as `devolve verify` does — and compares the state it
 * reaches with the stored projection. Exit 0 when they are identical; exit 1 listing what differs.
 * It only reads: a difference means the stored projection cannot be trusted, and is reported
 * for a person to look at, not overwritten.
 */
export function registerRebuild(program: Command): void {
  program
    .command('rebuild')
    .description('replay the log from scratch and check the stored projection is identical')
    .option('--org <id>', 'only this organization (default: all)')
    .option(...DATA_OPTION)
    .option('--json', 'print the report as JSON')
    .action(async (options: { org?: string; data?: string; json?: boolean }) => {
      const { store, where } = await openStore({ data: options.data, mode: 'read' });
      try {
        const report = await store.rebuild(options.org === undefined ? {} : { org: options.org });
        if (!report.identical) process.exitCode = 1;
        if (options.json) {
          printJson(report);
          return;
        }
        const style = defaultStyle();
        if (report.organizations.length === 0) console.log(style.dim(`no organizations in ${where}`));
        for (const outcome of report.organizations) {
          const events = `${outcome.events} event${outcome.events === 1 ? '' : 's'} replayed`;
          if (outcome.identical) {
            console.log(`${style.green('✓')} ${outcome.org}: ${events}; the projection is identical`);
          } else {
            console.log(`${style.red('✗')} ${outcome.org}: ${events}; the stored projection differs:`);
            for (const difference of outcome.differences) console.log(`  ${difference}`);
          }
        }
      } finally {
        await store.close();
      }
    });
}
