/**
 * A benchmark reports a ratio between two timings measured in the same run — the work under test
 * and a floor that any implementation must pay (parsing the same text, sorting the same numbers) —
 * so results compare across machines. `goal` states the bound the ratio should meet, e.g. `<=3`.
 */
export interface BenchmarkResult {
  readonly name: string;
  readonly ratio: number;
  /** `<=x` or `>=x`; absent when a benchmark only reports figures. */
  readonly goal?: `<=${number}` | `>=${number}`;
  /** Raw figures behind the ratio (milliseconds, operations per second, sizes …). */
  readonly figures: Readonly<Record<string, number | string>>;
  /** The `RESULT …` line to print instead of the ratio, for a benchmark judged on several figures. */
  readonly line?: string;
}

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(log: (line: string) => void): Promise<BenchmarkResult>;
}

/**
 * Median wall time in milliseconds of `fn` over `rounds` runs, after `warmup` unmeasured runs.
 * The median keeps one slow round (a GC pause) from deciding the result.
 */
export async function medianMs(
  fn: () => unknown,
  options: { rounds?: number; warmup?: number } = {},
): Promise<number> {
  const rounds = options.rounds ?? 9;
  for (let i = 0; i < (options.warmup ?? 2); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function meetsGoal(result: BenchmarkResult): boolean | undefined {
  if (result.goal === undefined) return undefined;
  const bound = Number(result.goal.slice(2));
  return result.goal.startsWith('<=') ? result.ratio <= bound : result.ratio >= bound;
}
