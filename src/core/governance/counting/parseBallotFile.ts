import { parseRatio } from '../../ratio/Ratio.js';
import { type Path, type Schema, type SchemaIssue, s } from '../../schema/Schema.js';
import type { CountingModule, TallyInput } from './CountingModule.js';

/** One thing wrong with a ballot file, located by a path such as `ballots[2].ballot.choice`. */
export interface BallotFileProblem {
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
}

export type BallotFileParse =
  | { readonly ok: true; readonly input: TallyInput<unknown> }
  | { readonly ok: false; readonly problems: readonly BallotFileProblem[] };

const weightSchema = s
  .union(
    [
      s.string({
        pattern: /^(0|[1-9][0-9]*)$/,
        patternHint: 'write a whole number of weight units, e.g. "42"',
      }),
      s.integer({ min: 0 }).refine((n) =>
        Number.isSafeInteger(n)
          ? undefined
          : {
              code: 'unsafe-weight',
              reason: `${n} is too large to be exact`,
              hint: 'write it as a string: "…"',
            },
      ),
    ],
    'a weight (a whole number, or its decimal digits as a string)',
  )
  .describe('Voting weight in whole units (token base units, reputation points); 1 when absent.');

/**
 * The shape of a ballot file for one counting module, in the schema language (so the README and
 * editors can show it as JSON Schema): the proposal's options and parameters, and the ballots,
 * each checked against the module's own ballot shape.
 */
export function ballotFileSchema(module: CountingModule<unknown>) {
  return s
    .object(
      {
        options: s.optional(
          s
            .array(s.string({ minLength: 1 }), { minItems: 1 })
            .describe('The options, for methods that choose among them.'),
        ),
        threshold: s.optional(
          s
            .union([s.string(), s.number()], 'a ratio')
            .describe('A fraction, percentage or decimal, e.g. "2/3".'),
        ),
        winners: s.optional(s.integer({ min: 1, max: 100 }).describe('How many options win (approval).')),
        electorate: s.optional(
          weightSchema.describe('The whole weight of those entitled to vote (optimistic).'),
        ),
        decision: s.optional(
          s.enum(['for', 'against'], 'decision').describe("The proposer's decision (advice)."),
        ),
        ballots: s.array(
          s.object(
            {
              voter: s.string({ minLength: 1 }),
              weight: s.optional(weightSchema),
              ballot: module.ballot as Schema<unknown>,
            },
            'weighted ballot',
          ),
        ),
      },
      'ballot file',
    )
    .describe(`Ballots to tally ${module.counting}.`);
}

/** `ballots[2].ballot.choice` for the path `['ballots', 2, 'ballot', 'choice']`. */
export function formatPath(path: Path): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text === '' ? part : `${text}.${part}`),
    '',
  );
}

const problemOf = (issue: SchemaIssue): BallotFileProblem => ({
  path: formatPath(issue.path) || '(the file)',
  message: issue.message,
  ...(issue.hint === undefined ? {} : { hint: issue.hint }),
});

/**
 * Reads a parsed ballot file (see the README, "Tallying ballots offline") into the input of
 * `module.tally`, collecting every problem: the file's shape, each ballot against the module's
 * ballot shape and against the options (`checkBallot`), a voter with two ballots, and options or
 * parameters the method needs or refuses. `overrides` (from the command line) take precedence over
 * the file's own options, threshold and winners.
 *
 * @example
 * parseBallotFile({ module: majority, document: { ballots: [{ voter: 'a', weight: '3', ballot: { choice: 'for' } }] } })
 * // { ok: true, input: { options: ['for', 'against', 'abstain'], ballots: [{ voter: 'a', weight: 3n, … }] } }
 */
export function parseBallotFile(args: {
  module: CountingModule<unknown>;
  document: unknown;
  overrides?: { options?: readonly string[]; threshold?: string; winners?: number };
}): BallotFileParse {
  const { module } = args;
  const overrides = args.overrides ?? {};
  const issues: SchemaIssue[] = [];
  const document = Array.isArray(args.document) ? { ballots: args.document } : args.document;
  const schema = ballotFileSchema(module);
  if (!schema.validate(document, [], issues)) return { ok: false, problems: issues.map(problemOf) };

  const problems: BallotFileProblem[] = [];
  const named = overrides.options ?? document.options;
  let options: readonly string[];
  if (module.fixedOptions !== undefined) {
    options = module.fixedOptions;
    if (named !== undefined && named.join('\u0000') !== options.join('\u0000')) {
      problems.push({
        path: 'options',
        message: `${module.method} has fixed options (${options.join(', ')})`,
        hint: 'leave the options out',
      });
    }
  } else if (named === undefined) {
    problems.push({
      path: 'options',
      message: `${module.method} chooses among options, and none are given`,
      hint: 'add "options": [...] to the file, or pass --options a,b,c',
    });
    options = [];
  } else {
    options = named;
    const duplicate = options.find((option, i) => options.indexOf(option) !== i);
    if (duplicate !== undefined)
      problems.push({ path: 'options', message: `the option '${duplicate}' is listed twice` });
  }

  const thresholdText =
    overrides.threshold ?? (document.threshold === undefined ? undefined : String(document.threshold));
  const threshold = thresholdText === undefined ? undefined : parseRatio(thresholdText);
  if (threshold !== undefined && !threshold.ok) {
    problems.push({ path: 'threshold', message: threshold.reason, hint: threshold.hint });
  } else if (threshold !== undefined && module.rule.threshold === 'forbidden') {
    problems.push({
      path: 'threshold',
      message: `${module.method} takes no threshold`,
      hint: 'leave the threshold out',
    });
  } else if (threshold === undefined && module.rule.threshold === 'required') {
    problems.push({
      path: 'threshold',
      message: `${module.method} needs a threshold`,
      hint: 'add "threshold": "2/3" to the file, or pass --threshold 2/3',
    });
  }
  const winners = overrides.winners ?? document.winners;
  if (winners !== undefined && !module.rule.winners) {
    problems.push({
      path: 'winners',
      message: `${module.method} elects a single outcome`,
      hint: 'leave winners out',
    });
  }

  const seen = new Map<string, number>();
  document.ballots.forEach((entry, i) => {
    const earlier = seen.get(entry.voter);
    if (earlier !== undefined) {
      problems.push({
        path: `ballots[${i}].voter`,
        message: `'${entry.voter}' already cast ballots[${earlier}]`,
        hint: 'keep one ballot per voter (the last one they cast)',
      });
    }
    seen.set(entry.voter, i);
    if (problems.some((problem) => problem.path === 'options')) return;
    const reason = module.checkBallot({ ballot: entry.ballot, options });
    if (reason !== undefined) problems.push({ path: `ballots[${i}].ballot`, message: reason });
  });
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    input: {
      options,
      ballots: document.ballots.map((entry) => ({
        voter: entry.voter,
        weight: BigInt(entry.weight ?? 1),
        ballot: entry.ballot,
      })),
      ...(threshold?.ok ? { threshold: threshold.ratio } : {}),
      ...(winners === undefined ? {} : { winners }),
      ...(document.electorate === undefined ? {} : { electorate: BigInt(document.electorate) }),
      ...(document.decision === undefined ? {} : { decision: document.decision }),
    },
  };
}
