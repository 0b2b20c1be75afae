import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { exitCodeFor } from './CliError.js';
import { registerCheck } from './commands/check.js';
import { registerExplain } from './commands/explain.js';
import { registerInit } from './commands/init.js';
import { registerPlan } from './commands/plan.js';
import { registerReport } from './commands/report.js';
import { registerKeys } from './commands/keys.js';
import { registerSchema } from './commands/schema.js';
import { registerStatus } from './commands/status.js';
import { registerTemplates } from './commands/templates.js';
import { registerVerify } from './commands/verify.js';
import { failureJson, formatFailure, printJson } from './output.js';
import { packagePaths } from './packagePaths.js';

const { version } = JSON.parse(readFileSync(join(packagePaths.root, 'package.json'), 'utf8')) as {
  version: string;
};

const program = new Command('devolve')
  .description('Progressive decentralization as code: units, sliders, policies, plans and proof.')
  .version(version)
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

registerTemplates(program);
registerInit(program);
registerCheck(program);
registerStatus(program);
registerExplain(program);
registerPlan(program);
registerReport(program);
registerSchema(program);
registerKeys(program);
registerVerify(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; every other parse problem is a usage error, already printed.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    if (process.argv.includes('--json')) printJson(failureJson(error));
    else console.error(formatFailure(error));
    process.exitCode = exitCodeFor(error);
  }
}
