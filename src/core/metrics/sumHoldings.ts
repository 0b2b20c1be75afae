/**
 * Holdings with their exact ascending order, in the arrays the exact sums read: what
 * `sortHoldings` builds. All arrays but `order` are in input order: `approx[i]` is the double of
 * `values[i]`, `low[i]` its low 64 bits (x mod 2^64) and `rank[i]` its rank, 1 for the smallest;
 * `values[order[j]]` is the (j+1)-th smallest holding.
 */
export interface OrderedHoldings {
  readonly values: readonly bigint[];
  readonly order: Int32Array;
  readonly rank: Int32Array;
  readonly approx: Float64Array;
  readonly low: BigUint64Array;
}

/** Σx (the total), Σx² (for the Herfindahl–Hirschman index) and Σ i·x_(i) (for the Gini), exact. */
export interface HoldingSums {
  readonly total: bigint;
  readonly squares: bigint;
  readonly rankWeighted: bigint;
}

/** Which 32-bit half of a 64-bit word holds its low bits: 0 on little-endian machines. */
const LOW_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH_WORD = 1 - LOW_WORD;

/**
 * Limbs are used when every holding's double is below this: then every holding is below 2^114
 * and its high part ⌊x / 2^64⌋ below 2^50, where `highPart` is proven exact.
 */
export const LIMB_LIMIT = 2 ** 114;

/** Below this double every holding is below 2^96, and its two top limbs are zero. */
export const NARROW_LIMIT = 2 ** 96;

const TWO_32 = 2 ** 32;
const TWO_MINUS_64 = 2 ** -64;

/**
 * ⌊x / 2^64⌋ from f = Number(x) and the low 64 bits L = x mod 2^64 as two words. The double
 * (f − L)·2^-64 differs from ⌊x/2^64⌋ by at most 2^-52·(⌊x/2^64⌋ + 1) (one rounding each in f, in
 * L and in the difference), which is < 1/2 while x < 2^114, so rounding it gives the high part
 * exactly. For x = 2^64 + 5: f = 2^64, L = 5, (2^64 − 5)·2^-64 rounds to 1.
 */
function highPart(f: number, mid: number, lo: number): number {
  return Math.round((f - (mid * TWO_32 + lo)) * TWO_MINUS_64);
}

/** Σ columns[m]·2^(16m): the integer a row of 16-bit limb columns stands for. */
function fromColumns(columns: readonly number[]): bigint {
  let sum = 0n;
  for (let m = columns.length - 1; m >= 0; m--) sum = (sum << 16n) + BigInt(columns[m]!);
  return sum;
}

/** The double of the largest holding (0 for none). */
function largest(holdings: OrderedHoldings): number {
  const n = holdings.order.length;
  return n === 0 ? 0 : holdings.approx[holdings.order[n - 1]!]!;
}

function usesLimbs(holdings: OrderedHoldings): boolean {
  return largest(holdings) < LIMB_LIMIT;
}

function lowWordsOf(holdings: OrderedHoldings): Uint32Array {
  const low = holdings.low;
  return new Uint32Array(low.buffer, low.byteOffset, 2 * low.length);
}

/**
 * The sums in doubles, exactly. Each holding is split into 16-bit limbs a_0 … a_7
 * (x = Σ a_k·2^(16k)); products of limbs are < 2^32, and sums of them are exact integers in
 * doubles while they stay below 2^53. Per holding, a column of Σx gains < 2^16, a column of Σx²
 * (Σ_{k+l=m} a_k·a_l, at most 8 products) < 2^35, and a column of Σ i·x < 2^(16+b) for ranks
 * i < 2^b; every column is turned into a bigint after a chunk of min(2^18, 2^(37−b)) holdings,
 * before any can reach 2^53.
 */
function sumByLimbs(holdings: OrderedHoldings): HoldingSums {
  const { approx, rank: ranks } = holdings;
  const words = lowWordsOf(holdings);
  const n = approx.length;
  const chunk = 2 ** Math.min(18, 37 - (32 - Math.clz32(n)));
  let total = 0n;
  let squares = 0n;
  let rankWeighted = 0n;
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let w3 = 0;
    let w4 = 0;
    let w5 = 0;
    let w6 = 0;
    let w7 = 0;
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
      const lo = words[2 * i + LOW_WORD]!;
      const mid = words[2 * i + HIGH_WORD]!;
      const hi = highPart(approx[i]!, mid, lo);
      const hiLow = hi >>> 0; // hi mod 2^32
      const hiHigh = (hi - hiLow) / TWO_32;
      // Unrolled, and again with 6 limbs in the loop below, by design: the hot path of every concentration
      // metric; limb arrays or a shared helper cost speed.
      const a0 = lo & 0xffff;
      const a1 = lo >>> 16;
      const a2 = mid & 0xffff;
      const a3 = mid >>> 16;
      const a4 = hiLow & 0xffff;
      const a5 = hiLow >>> 16;
      const a6 = hiHigh & 0xffff;
      const a7 = hiHigh >>> 16;
      s0 += a0;
      s1 += a1;
      s2 += a2;
      s3 += a3;
      s4 += a4;
      s5 += a5;
      s6 += a6;
      s7 += a7;
      const rank = ranks[i]!;
      w0 += rank * a0;
      w1 += rank * a1;
      w2 += rank * a2;
      w3 += rank * a3;
      w4 += rank * a4;
      w5 += rank * a5;
      w6 += rank * a6;
      w7 += rank * a7;
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
    total += fromColumns([s0, s1, s2, s3, s4, s5, s6, s7]);
    rankWeighted += fromColumns([w0, w1, w2, w3, w4, w5, w6, w7]);
    squares += fromColumns([q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, q10, q11, q12, q13, q14]);
  }
  return { total, squares, rankWeighted };
}

/**
 * `sumByLimbs` for holdings below 2^96 (most token amounts: 2^96 wei is 79 billion tokens of 18
 * decimals), whose top two limbs are zero: six limbs, 21 products per square instead of 36.
 * The bounds of `sumByLimbs` hold a fortiori.
 *
 * Deliberately a second, unrolled copy of `sumByLimbs`' loop (the `duplicates` tool lists the
 * pair): the limbs live in locals, not arrays, because this loop is the import benchmark's hot
 * path, and a shared loop over a limb count would keep them in memory and drop the narrow case's
 * saving. Change one, change both; the property test checks both against bigint sums.
 */
function sumByNarrowLimbs(holdings: OrderedHoldings): HoldingSums {
  const { approx, rank: ranks } = holdings;
  const words = lowWordsOf(holdings);
  const n = approx.length;
  const chunk = 2 ** Math.min(18, 37 - (32 - Math.clz32(n)));
  let total = 0n;
  let squares = 0n;
  let rankWeighted = 0n;
  for (let start = 0; start < n; start += chunk) {
    const end = Math.min(n, start + chunk);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    let w3 = 0;
    let w4 = 0;
    let w5 = 0;
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
    for (let i = start; i < end; i++) {
      const lo = words[2 * i + LOW_WORD]!;
      const mid = words[2 * i + HIGH_WORD]!;
      const hi = highPart(approx[i]!, mid, lo); // < 2^32
      // The 8-limb loop above with 6 limbs, unrolled by design: the hot path of every concentration metric;
      // limb arrays or a shared helper cost speed.
      const a0 = lo & 0xffff;
      const a1 = lo >>> 16;
      const a2 = mid & 0xffff;
      const a3 = mid >>> 16;
      const a4 = hi & 0xffff;
      const a5 = hi >>> 16;
      s0 += a0;
      s1 += a1;
      s2 += a2;
      s3 += a3;
      s4 += a4;
      s5 += a5;
      const rank = ranks[i]!;
      w0 += rank * a0;
      w1 += rank * a1;
      w2 += rank * a2;
      w3 += rank * a3;
      w4 += rank * a4;
      w5 += rank * a5;
      const b0 = 2 * a0;
      const b1 = 2 * a1;
      const b2 = 2 * a2;
      const b3 = 2 * a3;
      const b4 = 2 * a4;
      q0 += a0 * a0;
      q1 += b0 * a1;
      q2 += a1 * a1 + b0 * a2;
      q3 += b0 * a3 + b1 * a2;
      q4 += a2 * a2 + b0 * a4 + b1 * a3;
      q5 += b0 * a5 + b1 * a4 + b2 * a3;
      q6 += a3 * a3 + b1 * a5 + b2 * a4;
      q7 += b2 * a5 + b3 * a4;
      q8 += a4 * a4 + b3 * a5;
      q9 += b4 * a5;
      q10 += a5 * a5;
    }
    total += fromColumns([s0, s1, s2, s3, s4, s5]);
    rankWeighted += fromColumns([w0, w1, w2, w3, w4, w5]);
    squares += fromColumns([q0, q1, q2, q3, q4, q5, q6, q7, q8, q9, q10]);
  }
  return { total, squares, rankWeighted };
}

/**
 * Σx, Σx² and Σ i·x_(i) over holdings in ascending order (i = 1 … n), exact. The rank-weighted
 * sum is taken in input order as Σ rank[i]·values[i]: walking the sorted order instead would visit
 * memory at random, several times slower. Equal holdings may swap ranks without changing it.
 *
 * Adding and multiplying a million bigints allocates millions of bigints and costs about as much
 * as the sort itself, so holdings below 2^114 (every real token amount) are summed in doubles, exactly,
 * by 16-bit limbs (see `sumByLimbs`, and `sumByNarrowLimbs` below 2^96); larger ones with bigint
 * arithmetic. All give the same integers.
 *
 * @example
 * sumHoldings({ holdings: sortHoldings({ holdings: [4n, 3n] }) })
 * // { total: 7n, squares: 25n, rankWeighted: 11n }  (1·3 + 2·4)
 */
export function sumHoldings(args: { holdings: OrderedHoldings }): HoldingSums {
  const { holdings } = args;
  if (usesLimbs(holdings))
    return largest(holdings) < NARROW_LIMIT ? sumByNarrowLimbs(holdings) : sumByLimbs(holdings);
  const { values, rank } = holdings;
  let total = 0n;
  let squares = 0n;
  let rankWeighted = 0n;
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    total += x;
    squares += x * x;
    rankWeighted += BigInt(rank[i]!) * x;
  }
  return { total, squares, rankWeighted };
}

/**
 * The exact sum of the holdings at ascending positions `from` (inclusive) to `to` (exclusive), by
 * limbs where `sumHoldings` uses them: typed arrays are much cheaper to visit out of order than
 * bigints scattered in memory, and nothing is allocated per holding. Each limb column gains
 * < 2^16 per holding, so no chunking is needed below 2^37 holdings.
 *
 * @example
 * sumRange({ holdings: sortHoldings({ holdings: [5n, 1n, 3n] }), from: 1, to: 3 }) // 3n + 5n = 8n
 */
export function sumRange(args: { holdings: OrderedHoldings; from: number; to: number }): bigint {
  const { holdings, from, to } = args;
  const { order, approx } = holdings;
  if (!usesLimbs(holdings)) {
    let sum = 0n;
    for (let j = from; j < to; j++) sum += holdings.values[order[j]!]!;
    return sum;
  }
  const words = lowWordsOf(holdings);
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  for (let j = from; j < to; j++) {
    const i = order[j]!;
    const lo = words[2 * i + LOW_WORD]!;
    const mid = words[2 * i + HIGH_WORD]!;
    const hi = highPart(approx[i]!, mid, lo);
    const hiLow = hi >>> 0;
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
