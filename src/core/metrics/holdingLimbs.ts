/**
 * Exact sums over holdings without bigint arithmetic per holding.
 *
 * Adding or multiplying a million bigints allocates a million bigints; it costs more than sorting
 * them. Instead each holding x < 2^114 is split once into 16-bit limbs a_0 … a_7
 * (x = Σ a_k·2^(16k)). Products of limbs (< 2^32) and their sums stay below 2^53, where doubles
 * are exact integers, so Σx, Σx² and Σ rank·x are accumulated column by column in doubles — exactly
 * — and each column is turned into a bigint once per chunk of holdings, sized so no column can
 * reach 2^53 before it is flushed. The results are the same integers bigint arithmetic would give.
 */
export interface HoldingLimbs {
  /** x mod 2^64 per holding, stored by a `BigUint64Array` and read as two 32-bit words. */
  readonly lowWords: Uint32Array;
  /** ⌊x / 2^64⌋ per holding: an integer below 2^50, exact in a double. */
  readonly high: Float64Array;
}

/** Which 32-bit half of a 64-bit word holds its low bits: 0 on little-endian machines. */
export const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
export const HIGH_WORD = 1 - LOW_WORD;

/** Holdings from here up have a high part ≥ 2^50, outside what `splitHoldings` proves exact. */
export const LIMB_LIMIT = 2 ** 114;

const TWO_32 = 2 ** 32;
const TWO_MINUS_64 = 2 ** -64;

/**
 * Splits holdings into limbs, or returns `undefined` when some holding is ≥ 2^114 (callers then
 * use bigint arithmetic). `approx[i]` must be `Number(values[i])`.
 *
 * The high part comes from the double: with L = x mod 2^64 (exact, from the typed-array store),
 * (Number(x) − L)/2^64 differs from ⌊x/2^64⌋ by at most 2^-52·(⌊x/2^64⌋ + 1) < 1/2 below 2^114, so
 * rounding it gives the high part exactly.
 *
 * @example
 * splitHoldings({ values: [2n ** 64n + 5n], approx: Float64Array.of(2 ** 64) })
 * // { lowWords: [5, 0] (little-endian), high: [1] }
 */
export function splitHoldings(args: {
  values: readonly bigint[];
  approx: Float64Array;
}): HoldingLimbs | undefined {
  const { values, approx } = args;
  const n = values.length;
  const low = new BigUint64Array(n);
  const lowWords = new Uint32Array(low.buffer);
  const high = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = approx[i]!;
    if (f >= LIMB_LIMIT) return undefined;
    low[i] = values[i]!; // stores x mod 2^64
    const lowPart = lowWords[2 * i + HIGH_WORD]! * TWO_32 + lowWords[2 * i + LOW_WORD]!;
    high[i] = Math.round((f - lowPart) * TWO_MINUS_64);
  }
  return { lowWords, high };
}

/** Σ columns[m]·2^(16m): the bigint a row of limb columns stands for. */
function fromColumns(columns: readonly number[]): bigint {
  let sum = 0n;
  for (let m = columns.length - 1; m >= 0; m--) sum = (sum << 16n) + BigInt(columns[m]!);
  return sum;
}

// The three sums below repeat the same limb split inline: a helper returning eight limbs would
// allocate per holding, which is what this file exists to avoid.

/**
 * Σx, exact. Each column gains < 2^16 per holding, so below 2^37 holdings none reaches 2^53.
 *
 * @example
 * limbTotal({ limbs }) // the same bigint as values.reduce((a, b) => a + b, 0n)
 */
export function limbTotal(args: { limbs: HoldingLimbs }): bigint {
  const { lowWords, high } = args.limbs;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  for (let i = 0; i < high.length; i++) {
    const lo = lowWords[2 * i + LOW_WORD]!;
    const mid = lowWords[2 * i + HIGH_WORD]!;
    const hi = high[i]!;
    const hiLow = hi >>> 0; // hi mod 2^32
    const hiHigh = (hi - hiLow) / TWO_32;
    s0 += lo & 0xffff;
    s1 += lo >>> 16;
    s2 += mid & 0xffff;
    s3 += mid >>> 16;
    s4 += hiLow & 0xffff;
    s5 += hiLow >>> 16;
    s6 += hiHigh & 0xffff;
    s7 += hiHigh >>> 16;
  }
  return fromColumns([s0, s1, s2, s3, s4, s5, s6, s7]);
}

/**
 * Σx², exact. Column m of x² is Σ_{k+l=m} a_k·a_l: at most 8 products < 2^32, so < 2^35 per
 * holding, and chunks of 2^18 holdings keep every column below 2^53.
 *
 * @example
 * limbSquares({ limbs }) // the same bigint as values.reduce((a, x) => a + x * x, 0n)
 */
export function limbSquares(args: { limbs: HoldingLimbs }): bigint {
  const { lowWords, high } = args.limbs;
  const n = high.length;
  const chunk = 2 ** 18;
  let sum = 0n;
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    let q0 = 0;
    let q1 = 0;
    let q2 = 0;
    let q3 = 0;
    let q4 = 0;
    let q5 = 0;
    let q6 = 0;
    let q7 = 0;
    let q8 = 0;
    let q9 = 0;
    let q10 = 0;
    let q11 = 0;
    let q12 = 0;
    let q13 = 0;
    let q14 = 0;
    for (let i = start; i < end; i++) {
      const lo = lowWords[2 * i + LOW_WORD]!;
      const mid = lowWords[2 * i + HIGH_WORD]!;
      const hi = high[i]!;
      const hiLow = hi >>> 0;
      const hiHigh = (hi - hiLow) / TWO_32;
      const a0 = lo & 0xffff;
      const a1 = lo >>> 16;
      const a2 = mid & 0xffff;
      const a3 = mid >>> 16;
      const a4 = hiLow & 0xffff;
      const a5 = hiLow >>> 16;
      const a6 = hiHigh & 0xffff;
      const a7 = hiHigh >>> 16;
      // Cross products appear twice (a_k·a_l and a_l·a_k): doubled operands b_k = 2·a_k.
      const b0 = 2 * a0;
      const b1 = 2 * a1;
      const b2 = 2 * a2;
      const b3 = 2 * a3;
      const b4 = 2 * a4;
      const b5 = 2 * a5;
      const b6 = 2 * a6;
      q0 += a0 * a0;
      q1 += b0 * a1;
      q2 += a1 * a1 + b0 * a2;
      q3 += b0 * a3 + b1 * a2;
      q4 += a2 * a2 + b0 * a4 + b1 * a3;
      q5 += b0 * a5 + b1 * a4 + b2 * a3;
      q6 += a3 * a3 + b0 * a6 + b1 * a5 + b2 * a4;
      q7 += b0 * a7 + b1 * a6 + b2 * a5 + b3 * a4;
      q8 += a4 * a4 + b1 * a7 + b2 * a6 + b3 * a5;
      q9 += b2 * a7 + b3 * a6 + b4 * a5;
      q10 += a5 * a5 + b3 * a7 + b4 * a6;
      q11 += b4 * a7 + b5 * a6;
      q12 += a6 * a6 + b5 * a7;
      q13 += b6 * a7;
      q14 += a7 * a7;
    }
    sum += fromColumns([q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14]);
  }
  return sum;
}

/**
 * Σ rank[i]·x_i, exact, for ranks 0 ≤ rank < 2^31. Each column gains < 2^16·2^b per holding for
 * ranks below 2^b, so chunks of 2^(37−b) holdings keep every column below 2^53.
 *
 * @example
 * limbRankWeighted({ limbs, rank }) // the same bigint as Σ BigInt(rank[i]) * values[i]
 */
export function limbRankWeighted(args: { limbs: HoldingLimbs; rank: Int32Array }): bigint {
  const { limbs, rank } = args;
  const { lowWords, high } = limbs;
  const n = high.length;
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, rank[i]!);
  const chunk = 2 ** (37 - (32 - Math.clz32(largest)));
  let sum = 0n;
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let w3 = 0;
    let w4 = 0;
    let w5 = 0;
    let w6 = 0;
    let w7 = 0;
    for (let i = start; i < end; i++) {
      const lo = lowWords[2 * i + LOW_WORD]!;
      const mid = lowWords[2 * i + HIGH_WORD]!;
      const hi = high[i]!;
      const hiLow = hi >>> 0;
      const hiHigh = (hi - hiLow) / TWO_32;
      const r = rank[i]!;
      w0 += r * (lo & 0xffff);
      w1 += r * (lo >>> 16);
      w2 += r * (mid & 0xffff);
      w3 += r * (mid >>> 16);
      w4 += r * (hiLow & 0xffff);
      w5 += r * (hiLow >>> 16);
      w6 += r * (hiHigh & 0xffff);
      w7 += r * (hiHigh >>> 16);
    }
    sum += fromColumns([w0, w1, w2, w3, w4, w5, w6, w7]);
  }
  return sum;
}
