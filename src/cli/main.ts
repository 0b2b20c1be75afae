import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { exitCodeFor } from './CliError.js';
import { installUsageErrors } from './installUsageErrors.js';
import { recordInvocation } from './invocation.js';
import { failureJson, formatFailure, printJson } from './output.js';
import { packagePaths } from './packagePaths.js';

type Register = (program: Command) => void;

/**
 * Every command, loaded on demand: a command that serves HTTP or opens a database pulls in far
 * more code than `check` needs, and a command line should start at once. Listed in the order
 * `--help` shows them.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  templates: async () => (await import('./commands/templates.js')).registerTemplates,
  init: async () => (await import('./commands/init.js')).registerInit,
  check: async () => (await import('./commands/check.js')).registerCheck,
  status: async () => (await import('./commands/status.js')).registerStatus,
  explain: async () => (await import('./commands/explain.js')).registerExplain,
  plan: async () => (await import('./commands/plan.js')).registerPlan,
  report: async () => (await import('./commands/report.js')).registerReport,
  schema: async () => (await import('./commands/schema.js')).registerSchema,
  keys: async () => (await import('./commands/keys.js')).registerKeys,
  diff: async () => (await import('./commands/diff.js')).registerDiff,
  apply: async () => (await import('./commands/apply.js')).registerApply,
  propose: async () => (await import('./commands/propose.js')).registerPropose,
  vote: async () => (await import('./commands/vote.js')).registerVote,
  object: async () => (await import('./commands/object.js')).registerObject,
  advise: async () => (await import('./commands/advise.js')).registerAdvise,
  decide: async () => (await import('./commands/decide.js')).registerDecide,
  veto: async () => (await import('./commands/veto.js')).registerVeto,
  execute: async () => (await import('./commands/execute.js')).registerExecute,
  delegate: async () => (await import('./commands/delegate.js')).registerDelegate,
  attest: async () => (await import('./commands/attest.js')).registerAttest,
  proposals: async () => (await import('./commands/proposals.js')).registerProposals,
  proposal: async () => (await import('./commands/proposal.js')).registerProposal,
  whatif: async () => (await import('./commands/whatif.js')).registerWhatif,
  export: async () => (await import('./commands/export.js')).registerExport,
  verify: async () => (await import('./commands/verify.js')).registerVerify,
  conformance: async () => (await import('./commands/conformance.js')).registerConformance,
  tally: async () => (await import('./commands/tally.js')).registerTally,
  rebuild: async () => (await import('./commands/rebuild.js')).registerRebuild,
  serve: async () => (await import('./commands/serve.js')).registerServe,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  evidence: async () => (await import('./commands/evidence.js')).registerEvidence,
  import: async () => (await import('./commands/import.js')).registerImport,
  metrics: async () => (await import('./commands/metrics.js')).registerMetrics,
  observe: async () => (await import('./commands/observe.js')).registerObserve,
};

const { version } = JSON.parse(readFileSync(join(packagePaths.root, 'package.json'), 'utf8')) as {
  version: string;
};

const program = new Command('devolve')
  .description('Progressive decentralization as code: units, sliders, policies, plans and proof.')
  .version(version)
  .showSuggestionAfterError(true)
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) })
  // Hints name the command that was run (see invocation.ts).
  .hook('preAction', (_program, command) => recordInvocation(command));

try {
  // The command named on the line is the only one loaded; help, or a name that is not a command
  // (for the suggestion), needs them all.
  const named = process.argv[2];
  const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
  for (const register of await Promise.all(wanted.map((name) => COMMANDS[name]!()))) register(program);
  installUsageErrors(program);
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; help shown for want of a command is a usage error (exit 2). Every
    // other parse problem arrives as a usage DevolveError (see installUsageErrors.ts).
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else {
    // Arguments after `--` are another program's (`devolve conformance -- <verifier> --json`).
    const own = process.argv.includes('--')
      ? process.argv.slice(0, process.argv.indexOf('--'))
      : process.argv;
    if (own.includes('--json')) printJson(failureJson(error));
    else console.error(formatFailure(error));
    process.exitCode = exitCodeFor(error);
  }
}
