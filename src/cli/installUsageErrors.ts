import type { Command, Option } from 'commander';
import { ERROR_CODES, type ProblemIn } from '../core/errors/ErrorCode.js';
import { didYouMean } from '../core/text/didYouMean.js';
import { usageError } from './CliError.js';

/** The parts of commander's `Command` that report parse problems (present at run time, not in its types). */
interface ParseProblems {
  args: string[];
  commands: readonly Command[];
  parent: Command | null;
  unknownOption(flag: string): void;
  unknownCommand(): void;
  missingArgument(name: string): void;
  optionMissingArgument(option: Option): void;
  missingMandatoryOptionValue(option: Option): void;
  _excessArguments(received: string[]): void;
  error(message: string, options?: { code?: string; exitCode?: number }): never;
}

/** `devolve keys new`: the command's full name, as typed. */
function fullName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** The hint every parse problem ends with: the suggestion, if any, then how the command is called. */
function hintFor(command: Command, suggestion: string | undefined): string {
  const usage = `usage: ${fullName(command)} ${command.usage()} (see ${fullName(command)} --help)`;
  return suggestion === undefined ? usage : `did you mean '${suggestion}'? U${usage.slice(1)}`;
}

/** The long options a command accepts, its parents' included (as commander reads them). */
function longOptions(command: Command): string[] {
  const flags: string[] = [];
  for (let c: Command | null = command; c !== null; c = c.parent) {
    for (const option of c.createHelp().visibleOptions(c))
      if (option.long !== undefined) flags.push(option.long);
  }
  return flags;
}

function install(command: Command): void {
  const self = command as unknown as ParseProblems;
  const name = fullName(command);
  const fail = (code: ProblemIn<'usage'>, message: string, suggestion?: string): never => {
    throw usageError({ code, message, hint: hintFor(command, suggestion) });
  };
  self.unknownOption = (flag) =>
    fail(
      'unknown-option',
      `unknown option '${flag}' for ${name}`,
      didYouMean({ input: flag, candidates: longOptions(command) }),
    );
  self.unknownCommand = () => {
    const input = self.args[0] ?? '';
    const names = self.commands.map((c) => c.name());
    const suggestion = didYouMean({ input, candidates: names });
    throw usageError({
      code: 'unknown-command',
      message: `unknown command '${input}'${self.parent === null ? '' : ` for ${name}`}`,
      hint:
        suggestion === undefined
          ? `the commands are ${names.join(', ')} (see ${name} --help)`
          : `did you mean '${suggestion}'? (see ${name} --help)`,
    });
  };
  self.missingArgument = (argument) => fail('missing-argument', `${name} needs <${argument}>`);
  self.optionMissingArgument = (option) =>
    fail('missing-option-value', `option '${option.flags}' needs a value`);
  self.missingMandatoryOptionValue = (option) => fail('missing-option', `${name} needs ${option.flags}`);
  self._excessArguments = (received) =>
    fail(
      'too-many-arguments',
      `${name} takes at most ${command.registeredArguments.length} argument${command.registeredArguments.length === 1 ? '' : 's'}, got ${received.length}`,
    );
  // Whatever else commander finds wrong (an invalid choice, a conflicting option) keeps its words,
  // under a code of ours.
  self.error = (message, options) => {
    const word = (options?.code ?? 'commander.error')
      .replace(/^commander\./, '')
      .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    const code = (ERROR_CODES.usage as readonly string[]).includes(word)
      ? (word as ProblemIn<'usage'>)
      : 'invalid-input';
    return fail(code, message.replace(/^error: /, ''));
  };
  for (const child of command.commands) install(child);
}

/**
 * Makes every parse problem — an unknown command or option, a missing argument or option value,
 * too many arguments — a `usage/…` error like every other (one line, exit 2, JSON with `--json`),
 * with a did-you-mean when one is close and the command's usage. Call it once every command is
 * registered.
 *
 * @example
 * installUsageErrors(program); await program.parseAsync(process.argv);
 */
export function installUsageErrors(program: Command): void {
  install(program);
}
