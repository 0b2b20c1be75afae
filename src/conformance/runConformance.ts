import type { ConformanceVector } from './ConformanceVector.js';
import { compareWithVector, type VectorResult } from './compareWithVector.js';
import { killRunningVerifiers, runVerifier } from './runVerifier.js';
import { type ConformanceSummary, summarizeConformance } from './summarizeConformance.js';

export interface ConformanceReport extends ConformanceSummary {
  /** The verifier's command line, without the per-vector arguments and log path. */
  readonly command: readonly string[];
  /** One result per vector, in the vectors' order. */
  readonly results: readonly VectorResult[];
}

/**
 * Runs a verifier command over every vector — `command… vector.args… <log path>` — at most
 * `jobs` at a time, each killed after `timeoutSeconds`, and judges every answer against its
 * vector. An interrupt (Ctrl-C) stops the verifiers still running before this process ends.
 *
 * @example
 * const report = await runConformance({ vectors, command: ['devolve', 'verify', '--json'], jobs: 2, timeoutSeconds: 20 });
 * report.totals.disagree // 0 when the verifier agrees with every vector
 */
export async function runConformance(args: {
  vectors: readonly ConformanceVector[];
  command: readonly [string, ...string[]];
  jobs: number;
  timeoutSeconds: number;
  onProgress?: (done: number, total: number) => void;
}): Promise<ConformanceReport> {
  const { vectors, command } = args;
  const [program, ...fixed] = command;
  const results: VectorResult[] = new Array(vectors.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < vectors.length; i = next++) {
      const vector = vectors[i]!;
      const run = await runVerifier({
        command: program,
        args: [...fixed, ...vector.args, vector.log],
        timeoutSeconds: args.timeoutSeconds,
      });
      results[i] = compareWithVector({ vector, run });
      args.onProgress?.(++done, vectors.length);
    }
  };
  const interrupted = (signal: NodeJS.Signals) => {
    killRunningVerifiers();
    process.kill(process.pid, signal);
  };
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    await Promise.all(Array.from({ length: Math.min(args.jobs, vectors.length) }, worker));
  } finally {
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
  return { command, results, ...summarizeConformance({ results }) };
}
