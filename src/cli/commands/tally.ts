import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DevolveError } from '../../core/errors/DevolveError.js';
import type { TallyResult } from '../../core/governance/counting/CountingModule.js';
import { COUNTING_MODULE_BY_METHOD } from '../../core/governance/counting/countingModules.js';
import { type BallotFileProblem, parseBallotFile } from '../../core/governance/counting/parseBallotFile.js';
import { parseSnapshotVotes } from '../../core/governance/counting/parseSnapshotVotes.js';
import { SNAPSHOT_TYPE_OF_METHOD, snapshotScores } from '../../core/governance/counting/snapshotScores.js';
import { METHODS, type MethodName } from '../../core/policy/MethodName.js';
import { parseRatio } from '../../core/ratio/Ratio.js';
import { suggestionHint } from '../../core/text/didYouMean.js';
import { usageError } from '../CliError.js';
import { defaultStyle, printJson } from '../output.js';

interface TallyOptions {
  method: string;
  input: string;
  options?: string;
  threshold?: string;
  winners?: string;
  compat?: string;
  json?: boolean;
}

function readInput(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw usageError({
      code: 'input-not-found',
      message: `cannot read the ballot file '${file}': ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      hint: 'pass --input <ballots.json>, or --input - to read standard input',
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new DevolveError({
      code: 'tally/bad-json',
      message: `${file} is not JSON: ${(error as Error).message}`,
      hint: 'see "Tallying ballots offline" in the README for the format',
    });
  }
}

function invalid(file: string, problems: readonly BallotFileProblem[]): DevolveError {
  const [first] = problems;
  const more =
    problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return new DevolveError({
    code: 'tally/invalid-ballots',
    message: `${file}: ${first?.path}: ${first?.message}${more}`,
    ...(first?.hint === undefined ? {} : { hint: first.hint }),
    details: { problems },
  });
}

function parseMethod(method: string): MethodName {
  if ((METHODS as readonly string[]).includes(method)) return method as MethodName;
  throw usageError({
    code: 'unknown-method',
    message: `unknown counting method '${method}'`,
    hint: suggestionHint({ input: method, candidates: METHODS, noun: 'method' }),
  });
}

function parseFlags(options: TallyOptions) {
  const list = options.options?.split(',').map((option) => option.trim());
  if (list?.some((option) => option === '')) {
    throw usageError({ code: 'bad-options', message: `--options '${options.options}' has an empty option` });
  }
  if (options.threshold !== undefined && !parseRatio(options.threshold).ok) {
    throw usageError({
      code: 'bad-threshold',
      message: `--threshold '${options.threshold}' is not a ratio`,
      hint: 'write a fraction like 2/3, a percentage like 66.7%, or a decimal like 0.5',
    });
  }
  const winners = options.winners === undefined ? undefined : Number(options.winners);
  if (winners !== undefined && !(Number.isInteger(winners) && winners >= 1 && winners <= 100)) {
    throw usageError({
      code: 'bad-winners',
      message: `--winners '${options.winners}' is not a whole number from 1 to 100`,
    });
  }
  if (options.compat !== undefined && options.compat !== 'snapshot') {
    throw usageError({
      code: 'unknown-compat',
      message: `unknown --compat '${options.compat}'`,
      hint: "the one known is 'snapshot'",
    });
  }
  return {
    ...(list === undefined ? {} : { options: list }),
    ...(options.threshold === undefined ? {} : { threshold: options.threshold }),
    ...(winners === undefined ? {} : { winners }),
  };
}

function resultLines(result: TallyResult): string[] {
  const style = defaultStyle();
  const width = Math.max(0, ...Object.keys(result.totals).map((option) => option.length));
  const winners = result.winners.length === 0 ? '' : ` — ${result.winners.join(', ')}`;
  const outcome = result.outcome === 'passed' || result.outcome === 'decided' ? style.green : style.yellow;
  const lines = [`outcome        ${outcome(result.outcome)}${winners}`];
  for (const [option, total] of Object.entries(result.totals))
    lines.push(`  ${option.padEnd(width)}  ${total}`);
  lines.push(
    `participation  ${result.participation} from ${result.voters} voter${result.voters === 1 ? '' : 's'}`,
  );
  result.rounds?.forEach((round, i) => {
    const totals = Object.entries(round.totals).map(([option, total]) => `${option} ${total}`);
    const out = round.eliminatedTogether ?? (round.eliminated === undefined ? [] : [round.eliminated]);
    lines.push(
      `round ${i + 1}        ${totals.join(', ')}${out.length === 0 ? '' : style.dim(` — out: ${out.join(', ')}`)}`,
    );
  });
  for (const note of result.notes ?? [])
    lines.push(`${note.kind.padEnd(15)}${note.voter}${note.text === '' ? '' : `: ${note.text}`}`);
  return lines;
}

/**
 * `devolve tally --method <m> --input ballots.json`: tallies a ballot file offline through the
 * same counting modules the governance runtime uses. With `--compat snapshot` it reads Snapshot's
 * vote data instead and reproduces Snapshot's published scores. Exit 0 with the result, 1 when
 * the file holds invalid ballots, 2 for a usage mistake.
 */
export function registerTally(program: Command): void {
  program
    .command('tally')
    .description('tally a ballot file offline with a counting method (or as Snapshot counts it)')
    .requiredOption('--method <method>', `the counting method (${METHODS.join(', ')})`)
    .requiredOption('--input <file>', 'the ballot file (JSON; - for standard input)')
    .option('--options <list>', 'the options, comma-separated (instead of the file’s "options")')
    .option('--threshold <ratio>', 'the threshold, e.g. 2/3 (supermajority, optimistic)')
    .option('--winners <n>', 'how many options win (approval)')
    .option('--compat <system>', "count as another system publishes results: 'snapshot'")
    .option('--json', 'print the result as JSON')
    .action((options: TallyOptions) => {
      const method = parseMethod(options.method);
      const flags = parseFlags(options);
      if (options.compat === 'snapshot') {
        const type = SNAPSHOT_TYPE_OF_METHOD[method];
        if (type === undefined) {
          throw usageError({
            code: 'no-snapshot-method',
            message: `Snapshot has no voting type for '${method}'`,
            hint: `with --compat snapshot use ${Object.keys(SNAPSHOT_TYPE_OF_METHOD).join(', ')}`,
          });
        }
        const parsed = parseSnapshotVotes({
          document: readInput(options.input),
          ...(flags.options === undefined ? {} : { choices: flags.options }),
        });
        if (!parsed.ok) throw invalid(options.input, parsed.problems);
        const scores = snapshotScores({ type, choices: parsed.choices, votes: parsed.votes });
        if (options.json) {
          printJson({ method, compat: 'snapshot', type, choices: parsed.choices, ...scores });
          return;
        }
        console.log(`${method} as Snapshot counts it (${type})`);
        const width = Math.max(...parsed.choices.map((choice) => choice.length));
        parsed.choices.forEach((choice, i) => {
          console.log(`  ${choice.padEnd(width)}  ${scores.scores[i]}`);
        });
        console.log(`scores total   ${scores.scoresTotal}`);
        console.log(
          `votes          ${scores.validVotes} valid, ${scores.invalidVotes} dropped as Snapshot drops them`,
        );
        return;
      }
      const module = COUNTING_MODULE_BY_METHOD[method];
      const parsed = parseBallotFile({ module, document: readInput(options.input), overrides: flags });
      if (!parsed.ok) throw invalid(options.input, parsed.problems);
      const result = module.tally(parsed.input);
      if (options.json) {
        printJson({ method, mode: module.mode, ...result });
        return;
      }
      console.log(`${method}: ${module.counting}`);
      console.log(defaultStyle().dim(`mode           ${module.mode}`));
      for (const line of resultLines(result)) console.log(line);
    });
}
