import { DevolveError } from '../errors/DevolveError.js';
import { HIGH_WORD, type HoldingLimbs, LOW_WORD, limbTotal, splitHoldings } from './holdingLimbs.js';

/**
 * Holdings validated and put in exact ascending order once, so several metrics can share one
 * sort (sorting dominates their cost). Build it with `sortHoldings`; every metric accepts it in
 * place of raw holdings.
 */
export interface SortedHoldings {
  readonly kind: 'sorted-holdings';
  /** The holdings, in input order (a copy: later changes to the caller's array do not leak in). */
  readonly values: readonly bigint[];
  /**
   * Positions into `values`, smallest holding first. Equal holdings keep their input order — no
   * metric depends on how equal holdings are ordered, but the order is deterministic anyway.
   */
  readonly order: Int32Array;
  /** `Number(values[i])`, in input order: used only by the metrics that are irrational anyway. */
  readonly approx: Float64Array;
  /** Σ values, exact. */
  readonly total: bigint;
  /**
   * The holdings split for exact sums in doubles (see `holdingLimbs`); `undefined` when some
   * holding is ≥ 2^114, and metrics then add bigints.
   */
  readonly limbs: HoldingLimbs | undefined;
  /** How many holdings are zero (they come first in `order`). */
  readonly zeros: number;
}

/**
 * What every metric accepts: the holdings as non-negative `bigint`s (an array, a
 * `BigUint64Array`, any iterable), or a `SortedHoldings` already built from them.
 */
export type Holdings = Iterable<bigint> | SortedHoldings;

function isSortedHoldings(holdings: Holdings): holdings is SortedHoldings {
  return 'kind' in holdings && holdings.kind === 'sorted-holdings';
}

function invalidHolding(index: number, value: unknown): DevolveError {
  const shown =
    typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? `'${value}'` : String(value);
  return new DevolveError({
    code: 'metrics/invalid-holding',
    message: `holding #${index} is ${shown}; holdings must be non-negative bigints`,
    hint: 'pass token amounts and weights as bigint (e.g. 1000n), never as numbers or strings',
    details: { index, value: String(value) },
  });
}

/**
 * Ascending order by exact value, ties by position, without ever sorting bigints with a
 * comparator (which is ~20× slower than a native numeric sort for a million holdings).
 *
 * Why floats are safe here: `Number()` is monotone on bigints, and so is clearing the low
 * mantissa bits of a non-negative double (its bit pattern orders like an unsigned integer). Each
 * key is the holding's double with its lowest `indexBits` mantissa bits replaced by the holding's
 * position; one native `Float64Array` sort then orders keys by (truncated value, position), and
 * the position is read back from the sorted keys. Holdings whose truncated keys differ are in
 * exact order; only runs of equal truncated keys (about 1 in 2^32 relative difference, or truly
 * equal holdings) are checked with exact bigint comparison and re-sorted if needed.
 */
function sortByPackedKeys(values: readonly bigint[], approx: Float64Array): Int32Array {
  const n = approx.length;
  const indexBits = n <= 1 ? 1 : 32 - Math.clz32(n - 1);
  const mask = indexBits === 32 ? -1 : (1 << indexBits) - 1;
  const keys = new Float64Array(approx);
  const words = new Uint32Array(keys.buffer);
  for (let i = 0; i < n; i++) words[2 * i + LOW_WORD] = (words[2 * i + LOW_WORD]! & ~mask) | i;
  keys.sort();
  const order = new Int32Array(n);
  for (let j = 0; j < n; j++) order[j] = words[2 * j + LOW_WORD]! & mask;

  let start = 0;
  for (let j = 1; j <= n; j++) {
    const sameKey =
      j < n &&
      words[2 * j + HIGH_WORD] === words[2 * j - 2 + HIGH_WORD] &&
      ((words[2 * j + LOW_WORD]! ^ words[2 * j - 2 + LOW_WORD]!) & ~mask) === 0;
    if (sameKey) continue;
    if (j - start > 1) repairRun(values, order, start, j);
    start = j;
  }
  return order;
}

function byValueThenPosition(values: readonly bigint[]): (a: number, b: number) => number {
  return (a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  };
}

/** Within a run of equal keys positions ascend; put the run in exact order if it is not already. */
function repairRun(values: readonly bigint[], order: Int32Array, start: number, end: number): void {
  let sorted = true;
  for (let k = start + 1; k < end && sorted; k++) sorted = values[order[k - 1]!]! <= values[order[k]!]!;
  if (sorted) return;
  const run = Array.from(order.subarray(start, end));
  run.sort(byValueThenPosition(values));
  order.set(run, start);
}

/**
 * Validates holdings and orders them exactly, smallest first, with one native sort (see
 * `sortByPackedKeys`). Holdings beyond 2^1024 (no real token has them) have no finite double and
 * take a slower exact comparator sort. A `SortedHoldings` passed in is returned as is.
 *
 * Throws `DevolveError` `metrics/invalid-holding` for a negative or non-bigint entry.
 *
 * @example
 * const sorted = sortHoldings({ holdings: [30n, 0n, 10n] });
 * sorted.order // Int32Array [1, 2, 0]  (0n, 10n, 30n)
 * sorted.total // 40n
 */
export function sortHoldings(args: { holdings: Holdings }): SortedHoldings {
  const { holdings } = args;
  if (isSortedHoldings(holdings)) return holdings;
  const values: readonly bigint[] = Array.isArray(holdings) ? holdings.slice() : Array.from(holdings);
  const n = values.length;
  const approx = new Float64Array(n);
  let finite = true;
  for (let i = 0; i < n; i++) {
    const x: unknown = values[i];
    if (typeof x !== 'bigint' || x < 0n) throw invalidHolding(i, x);
    const f = Number(x);
    if (f === Number.POSITIVE_INFINITY) finite = false;
    approx[i] = f;
  }
  const limbs = splitHoldings({ values, approx });
  let total = 0n;
  if (limbs !== undefined) total = limbTotal({ limbs });
  else for (const x of values) total += x;
  let order: Int32Array;
  if (finite) {
    order = sortByPackedKeys(values, approx);
  } else {
    const positions = Array.from({ length: n }, (_, i) => i);
    positions.sort(byValueThenPosition(values));
    order = Int32Array.from(positions);
  }
  let zeros = 0;
  while (zeros < n && values[order[zeros]!] === 0n) zeros++;
  return { kind: 'sorted-holdings', values, order, approx, total, limbs, zeros };
}
