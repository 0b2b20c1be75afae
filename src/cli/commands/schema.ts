import type { Command } from 'commander';
import { charterJsonSchema } from '../../core/charter/charterJsonSchema.js';
import { printJson } from '../output.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of devolve.yaml (for editors and other tools)')
    .option('--json', 'accepted for symmetry with every other command: the schema is JSON already')
    .action(() => {
      printJson(charterJsonSchema());
    });
}
