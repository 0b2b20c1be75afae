import type { Command } from 'commander';
import type { VectorExpectation } from '../../conformance/ConformanceVector.js';
import type { VectorResult, VerifierAnswer } from '../../conformance/compareWithVector.js';
import { readVectors } from '../../conformance/readVectors.js';
import { type ConformanceReport, runConformance } from '../../conformance/runConformance.js';
import { usageError } from '../CliError.js';
import { defaultStyle, printJson, type Style } from '../output.js';
import { packagePaths } from '../packagePaths.js';

const DEFAULT_JOBS = 2;
const MAX_JOBS = 64;
const DEFAULT_TIMEOUT_SECONDS = 20;
const MAX_TIMEOUT_SECONDS = 86_400;
const STDERR_COLUMNS = 100;

interface ConformanceOptions {
  vectors?: string;
  json?: boolean;
  jobs: string;
  timeout: string;
}

/**
 * `devolve conformance -- <command> [args…]`: runs any log verifier over the conformance vectors
 * (`<command> [args…] [vector args…] <log>`) and prints where it agrees with them. Exit 0 when it
 * agrees with every vector, 1 on any disagreement, 2 for a usage error.
 */
export function registerConformance(program: Command): void {
  program
    .command('conformance')
    .description('check a log verifier — any command — against the conformance vectors')
    .argument('[verifier...]', 'after --: the verifier command and its arguments; the log path is appended')
    .option('--vectors <dir>', 'the vectors directory (default: the vectors shipped with Devolve)')
    .option('--jobs <n>', 'vectors checked at once', String(DEFAULT_JOBS))
    .option(
      '--timeout <seconds>',
      'time limit per vector; a verifier still running is killed',
      String(DEFAULT_TIMEOUT_SECONDS),
    )
    .option('--json', 'print the whole report as JSON')
    .action(async (operands: string[], options: ConformanceOptions) => {
      const command = verifierCommand(operands);
      const jobs = parseJobs(options.jobs);
      const timeoutSeconds = parseTimeout(options.timeout);
      const vectors = readVectors({ dir: options.vectors ?? packagePaths.conformanceVectors });
      const progress = progressReporter();
      const report = await runConformance({ vectors, command, jobs, timeoutSeconds, onProgress: progress });
      progress(vectors.length, vectors.length, true);
      const unstarted = report.results
        .map((result) => result.answer)
        .filter((answer) => answer.kind === 'not-started');
      if (unstarted.length === report.results.length) {
        throw usageError({
          code: 'no-verifier',
          message: `cannot start '${command[0]}': ${unstarted[0]?.error}`,
          hint: 'after --, give a command on your PATH or a path to one, e.g. -- devolve verify --json',
        });
      }
      if (report.totals.disagree > 0) process.exitCode = 1;
      if (options.json) printJson(report);
      else printReport(report, defaultStyle());
    });
}

/** The verifier: everything after `--`, and nothing before it. */
function verifierCommand(operands: readonly string[]): [string, ...string[]] {
  const at = process.argv.indexOf('--');
  const after = at === -1 ? [] : process.argv.slice(at + 1);
  const hint = 'put the verifier after --, e.g. devolve conformance -- devolve verify --json';
  if (at === -1 || after.length === 0)
    throw usageError({ code: 'no-verifier', message: 'no verifier command after --', hint });
  if (operands.length !== after.length)
    throw usageError({ code: 'no-verifier', message: `unexpected '${operands[0]}' before --`, hint });
  const [program, ...rest] = after;
  return [program!, ...rest];
}

function parseJobs(text: string): number {
  const jobs = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!(jobs >= 1 && jobs <= MAX_JOBS)) {
    throw usageError({
      code: 'invalid-argument',
      message: `--jobs '${text}' is not a number of jobs`,
      hint: `use a whole number from 1 to ${MAX_JOBS}`,
    });
  }
  return jobs;
}

function parseTimeout(text: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(seconds > 0 && seconds <= MAX_TIMEOUT_SECONDS)) {
    throw usageError({
      code: 'invalid-argument',
      message: `--timeout '${text}' is not a time limit`,
      hint: `give seconds, more than 0 and at most ${MAX_TIMEOUT_SECONDS} (decimals allowed: 0.5)`,
    });
  }
  return seconds;
}

/** A live count on a terminal's stderr; nothing elsewhere, where only the report belongs. */
function progressReporter(): (done: number, total: number, finished?: boolean) => void {
  if (process.stderr.isTTY !== true) return () => {};
  let lastDraw = 0;
  return (done, total, finished = false) => {
    if (finished) {
      process.stderr.write('\r\u001b[K');
      return;
    }
    const now = performance.now();
    if (now - lastDraw < 100) return;
    lastDraw = now;
    process.stderr.write(`\rchecking vectors… ${done}/${total}`);
  };
}

function printReport(report: ConformanceReport, style: Style): void {
  const { totals } = report;
  console.log(`${style.bold('Conformance')} of ${report.command.map(quoted).join(' ')}`);
  const disagreements = report.results.filter((result) => result.agreement === 'disagree');
  if (disagreements.length > 0) {
    console.log('');
    console.log(style.bold('Disagreements'));
    for (const result of disagreements) printDisagreement(result, style);
  }
  console.log('');
  console.log(style.bold('By rule'));
  printTable(
    ['rule', 'vectors', 'agree', 'partial', 'disagree'],
    report.rules.map((row) => [row.rule, row.vectors, row.agree, row.partial, row.disagree].map(String)),
  );
  console.log('');
  const mark = totals.disagree > 0 ? style.red('✗') : style.green('✓');
  console.log(
    `${mark} ${totals.vectors} vector${totals.vectors === 1 ? '' : 's'}: ${totals.agree} agree, ${totals.partial} partial, ${totals.disagree} disagree`,
  );
  if (totals.partial > 0) {
    console.log(
      style.dim(
        '  partial: the verdict agrees, but the verifier printed no line or rule to compare (see README, "Conformance")',
      ),
    );
  }
}

function printDisagreement(result: VectorResult, style: Style): void {
  const rules =
    result.rules.length === 0
      ? ''
      : style.dim(` [rule${result.rules.length === 1 ? '' : 's'} ${result.rules.join(', ')}]`);
  console.log(`  ${style.red('✗')} ${result.id}${rules}`);
  console.log(`      expected  ${expectedText(result.expected)}`);
  console.log(`      came      ${answerText(result.answer, result.exitCode)}`);
  if (result.stderrLine !== undefined) {
    const line =
      result.stderrLine.length > STDERR_COLUMNS
        ? `${result.stderrLine.slice(0, STDERR_COLUMNS - 1)}…`
        : result.stderrLine;
    console.log(`      stderr    ${style.dim(line)}`);
  }
}

function expectedText(expected: VectorExpectation): string {
  return expected.verdict === 'ok' ? 'ok' : `bad, line ${expected.line}, rule ${expected.rule}`;
}

function answerText(answer: VerifierAnswer, exitCode: number | null): string {
  switch (answer.kind) {
    case 'ok':
      return 'ok (exit 0)';
    case 'bad': {
      const shown = (value: unknown, name: string) =>
        value === undefined
          ? `no ${name}`
          : `${name} ${typeof value === 'string' ? value : JSON.stringify(value)}`;
      return `bad, ${shown(answer.line, 'line')}, ${shown(answer.rule, 'rule')} (exit ${exitCode})`;
    }
    case 'crashed':
      return answer.signal === null
        ? `crashed: exit ${answer.exitCode}`
        : `crashed: killed by ${answer.signal}`;
    case 'timed-out':
      return `timed out: still running after ${answer.seconds} s, killed`;
    case 'not-started':
      return `could not start: ${answer.error}`;
  }
}

function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function quoted(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
