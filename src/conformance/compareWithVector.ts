import type { ConformanceVector, VectorExpectation } from './ConformanceVector.js';
import { lastJsonObject } from './lastJsonObject.js';
import type { VerifierRun } from './VerifierRun.js';

/**
 * What the verifier answered, read from its exit status and output. Exit 0 is "ok" and exit 1 is
 * "bad" — as `devolve verify` answers; any other exit status, a signal, a timeout or a command
 * that did not start is a crash, never a verdict: a verifier that fails on every input must not
 * "agree" with every bad vector.
 */
export type VerifierAnswer =
  | { readonly kind: 'ok' }
  | {
      readonly kind: 'bad';
      /** The printed `line` and `rule`, as printed (any JSON value), when the output had them. */
      readonly line?: unknown;
      readonly rule?: unknown;
    }
  | { readonly kind: 'crashed'; readonly exitCode: number | null; readonly signal: string | null }
  | { readonly kind: 'timed-out'; readonly seconds: number }
  | { readonly kind: 'not-started'; readonly error: string };

/**
 * `agree`: verdict, and for a bad log line and rule, as the vector says. `partial`: the verdict
 * agrees and nothing printed contradicts the vector, but the verifier did not report the line or
 * the rule (or either). `disagree`: anything that contradicts it, a crash or a timeout included.
 */
export type Agreement = 'agree' | 'partial' | 'disagree';

export type ComparedField = 'verdict' | 'line' | 'rule';

export interface VectorResult {
  readonly id: string;
  readonly description: string;
  readonly rules: readonly string[];
  readonly expected: VectorExpectation;
  readonly answer: VerifierAnswer;
  readonly agreement: Agreement;
  /** The fields that contradict the vector; empty unless `disagree`. */
  readonly differs: readonly ComparedField[];
  /** For a bad vector whose verdict agreed: the fields the verifier did not report. */
  readonly unreported: readonly ('line' | 'rule')[];
  readonly exitCode: number | null;
  /** The first non-empty line the verifier wrote on standard error, if any. */
  readonly stderrLine?: string;
}

/**
 * Judges one run of a verifier against one vector. Pure: the run is already over.
 *
 * @example
 * compareWithVector({ vector, run: { exitCode: 1, signal: null, stdout: '{"line":3,"rule":"6"}', stderr: '' } })
 * // for a vector expecting bad at line 3, rule 6: { agreement: 'agree', differs: [], … }
 */
export function compareWithVector(args: {
  vector: Omit<ConformanceVector, 'log' | 'args'>;
  run: VerifierRun;
}): VectorResult {
  const { vector, run } = args;
  const answer = answerOf(run);
  const { expected } = vector;
  const differs: ComparedField[] = [];
  const unreported: ('line' | 'rule')[] = [];
  if (expected.verdict === 'ok') {
    if (answer.kind !== 'ok') differs.push('verdict');
  } else if (answer.kind !== 'bad') {
    differs.push('verdict');
  } else {
    for (const field of ['line', 'rule'] as const) {
      if (!Object.hasOwn(answer, field)) unreported.push(field);
      else if (answer[field] !== expected[field]) differs.push(field);
    }
  }
  const agreement: Agreement = differs.length > 0 ? 'disagree' : unreported.length > 0 ? 'partial' : 'agree';
  const stderrLine = run.stderr
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  return {
    id: vector.id,
    description: vector.description,
    rules: vector.rules,
    expected,
    answer,
    agreement,
    differs,
    unreported: differs.length > 0 ? [] : unreported,
    exitCode: run.exitCode,
    ...(stderrLine === undefined ? {} : { stderrLine }),
  };
}

function answerOf(run: VerifierRun): VerifierAnswer {
  if (run.startError !== undefined) return { kind: 'not-started', error: run.startError };
  if (run.timedOutAfter !== undefined) return { kind: 'timed-out', seconds: run.timedOutAfter };
  if (run.exitCode === 0) return { kind: 'ok' };
  if (run.exitCode !== 1) return { kind: 'crashed', exitCode: run.exitCode, signal: run.signal };
  const printed = lastJsonObject(run.stdout) ?? {};
  return {
    kind: 'bad',
    ...(Object.hasOwn(printed, 'line') ? { line: printed['line'] } : {}),
    ...(Object.hasOwn(printed, 'rule') ? { rule: printed['rule'] } : {}),
  };
}
