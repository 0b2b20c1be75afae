import type { Command } from 'commander';
import { defaultStyle, printJson } from '../output.js';
import { listTemplates } from '../templates.js';

export function registerTemplates(program: Command): void {
  program
    .command('templates')
    .description('list the charter templates `init` can start from')
    .option('--json', 'print the list as JSON')
    .action(async (options: { json?: boolean }) => {
      const templates = await listTemplates();
      if (options.json) {
        printJson(templates.map(({ name, description }) => ({ name, description })));
        return;
      }
      const style = defaultStyle();
      const width = Math.max(...templates.map((t) => t.name.length));
      for (const t of templates) console.log(`  ${style.bold(t.name.padEnd(width))}  ${t.description}`);
      console.log(style.dim('\nStart one with: devolve init --template <name>'));
    });
}
