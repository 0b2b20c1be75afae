import { DevolveError } from '../errors/DevolveError.js';
import { type OrderedHoldings, sumHoldings } from './sumHoldings.js';

/**
 * Holdings validated, put in exact ascending order and summed once, so several metrics can share
 * one sort (sorting dominates their cost). Build it with `sortHoldings`; every metric accepts it in
 * place of raw holdings.
 */
export interface SortedHoldings extends OrderedHoldings {
  readonly kind: 'sorted-holdings';
  /** The holdings, in input order: a copy, unless built with `borrow`. */
  readonly values: readonly bigint[];
  /**
   * Positions into `values`, smallest holding first. Equal holdings keep their input order — no
   * metric depends on how equal holdings are ordered, but the order is deterministic anyway.
   */
  readonly order: Int32Array;
  /** Each holding's rank, in input order: 1 for the smallest, n for the largest. */
  readonly rank: Int32Array;
  /** `Number(x)` of each holding, in input order. */
  readonly approx: Float64Array;
  /** Each holding mod 2^64, in input order: with `approx`, enough for exact sums (`sumHoldings`). */
  readonly low: BigUint64Array;
  /** Σx, exact. */
  readonly total: bigint;
  /** Σx², exact: the Herfindahl–Hirschman numerator. */
  readonly sumOfSquares: bigint;
  /** Σ i·x_(i) over holdings in ascending order, i = 1 … n, exact: the sum the Gini is built on. */
  readonly rankWeightedSum: bigint;
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

/** Which 32-bit word of a double (or a 64-bit integer) holds the low bits: 0 on little-endian machines. */
const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH_WORD = 1 - LOW_WORD;
const TWO_32 = 2 ** 32;
const TWO_64 = 2n ** 64n;

function byValueThenPosition(values: readonly bigint[]): (a: number, b: number) => number {
  return (a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    return x < y ? -1 : x > y ? 1 : a - b;
  };
}

/** A run of equal keys lists positions ascending; put it in exact order if it is not already. */
function repairRun(
  values: readonly bigint[],
  order: Int32Array,
  rank: Int32Array,
  start: number,
  end: number,
): void {
  let sorted = true;
  for (let k = start + 1; k < end && sorted; k++) sorted = values[order[k - 1]!]! <= values[order[k]!]!;
  if (sorted) return;
  const run = Array.from(order.subarray(start, end));
  run.sort(byValueThenPosition(values));
  order.set(run, start);
  for (let j = start; j < end; j++) rank[order[j]!] = j + 1;
}

/**
 * Orders holdings by their packed keys (see `sortHoldings`): one native sort, each position read
 * back from the sorted keys, and runs whose truncated values are equal repaired with exact bigint
 * comparison. Fills `order` (positions, smallest first) and `rank` (1-based, by position).
 */
function orderByKeys(
  values: readonly bigint[],
  keys: Float64Array,
  mask: number,
  order: Int32Array,
  rank: Int32Array,
): void {
  const n = keys.length;
  const words = new Uint32Array(keys.buffer);
  keys.sort();
  let start = 0;
  for (let j = 0; j < n; j++) {
    const lowWord = words[2 * j + LOW_WORD]!;
    const position = lowWord & mask;
    order[j] = position;
    rank[position] = j + 1;
    const sameKey =
      j > 0 &&
      words[2 * j + HIGH_WORD] === words[2 * j - 2 + HIGH_WORD] &&
      ((lowWord ^ words[2 * j - 2 + LOW_WORD]!) & ~mask) === 0;
    if (sameKey) continue;
    if (j - start > 1) repairRun(values, order, rank, start, j);
    start = j;
  }
  if (n - start > 1) repairRun(values, order, rank, start, n);
}

/**
 * Validates holdings, orders them exactly, smallest first, and takes the exact sums the ratio
 * metrics need (`sumHoldings`). The order comes from one native `Float64Array` sort instead of a
 * bigint comparator sort, several times slower for a million holdings.
 *
 * Why floats are safe here: `Number()` is monotone on bigints, and so is clearing the low mantissa
 * bits of a non-negative double (its bit pattern orders like an unsigned integer). Each key is the
 * holding's double with its lowest ⌈log2 n⌉ mantissa bits replaced by the holding's position, so
 * the native sort orders keys by (truncated value, position) and the position is read back from
 * the sorted keys. Holdings whose truncated keys differ are then in exact order; only runs of equal
 * truncated keys — holdings within a relative 2^-(52−⌈log2 n⌉) of each other (2^-32 for a
 * million), or truly equal — are checked with exact bigint comparison and re-sorted if needed. So
 * a million holdings that differ only in their last digits sort at comparator speed, still
 * exactly. Holdings beyond 2^1024 (no real token has them) have no finite double and take the
 * bigint comparator sort. A `SortedHoldings` is returned as is.
 *
 * An array of holdings is copied, so later changes to it cannot leak into the result. With
 * `borrow: true` it is read in place instead — a million-entry copy, and the garbage it leaves,
 * saved — for callers that use the result only while the array cannot change (each metric does,
 * within one call).
 *
 * Throws `DevolveError` `metrics/invalid-holding` for a negative or non-bigint entry.
 *
 * @example
 * const sorted = sortHoldings({ holdings: [30n, 0n, 10n] });
 * sorted.order // Int32Array [1, 2, 0]  (0n, 10n, 30n)
 * sorted.total // 40n
 */
export function sortHoldings(args: { holdings: Holdings; borrow?: boolean }): SortedHoldings {
  const { holdings } = args;
  if (isSortedHoldings(holdings)) return holdings;
  const values: readonly bigint[] = Array.isArray(holdings)
    ? args.borrow === true
      ? holdings
      : holdings.slice()
    : Array.from(holdings);
  const n = values.length;
  const indexBits = n <= 1 ? 1 : 32 - Math.clz32(n - 1);
  const mask = indexBits === 32 ? -1 : (1 << indexBits) - 1;
  const approx = new Float64Array(n);
  const low = new BigUint64Array(n);
  const lowWords = new Uint32Array(low.buffer);
  const keys = new Float64Array(n);
  const keyWords = new Uint32Array(keys.buffer);
  let finite = true;
  // Validation, doubles and sort keys in one pass over the bigints.
  for (let i = 0; i < n; i++) {
    const x: unknown = values[i];
    if (typeof x !== 'bigint') throw invalidHolding(i, x);
    low[i] = x; // x mod 2^64, stored without allocating
    let f: number;
    if (x < TWO_64 && x >= 0n) {
      // The correctly rounded double of the two exact words is Number(x), three times cheaper.
      f = lowWords[2 * i + HIGH_WORD]! * TWO_32 + lowWords[2 * i + LOW_WORD]!;
    } else {
      f = Number(x);
      if (f < 0) throw invalidHolding(i, x);
      if (f === Number.POSITIVE_INFINITY) finite = false;
    }
    approx[i] = f;
    keys[i] = f;
    keyWords[2 * i + LOW_WORD] = (keyWords[2 * i + LOW_WORD]! & ~mask) | i;
  }
  const order = new Int32Array(n);
  const rank = new Int32Array(n);
  if (finite) {
    orderByKeys(values, keys, mask, order, rank);
  } else {
    const positions = Array.from({ length: n }, (_, i) => i);
    positions.sort(byValueThenPosition(values));
    order.set(positions);
    for (let j = 0; j < n; j++) rank[order[j]!] = j + 1;
  }
  const sums = sumHoldings({ holdings: { values, order, rank, approx, low } });
  let zeros = 0;
  while (zeros < n && approx[order[zeros]!] === 0) zeros++;
  return {
    kind: 'sorted-holdings',
    values,
    order,
    rank,
    approx,
    low,
    total: sums.total,
    sumOfSquares: sums.squares,
    rankWeightedSum: sums.rankWeighted,
    zeros,
  };
}
