import { makeRatio, type Ratio } from '../ratio/Ratio.js';

/**
 * A metric that is rational for integer holdings, kept exact. `ratio` is the value (reduced);
 * `value` is the same value as the nearest double, for charts, sorting and JSON. Readiness
 * thresholds compare `ratio` (with `compareRatio`), so a criterion never flips on a rounding error.
 */
export interface ExactValue {
  readonly ratio: Ratio;
  readonly value: number;
}

const EXACT_IN_DOUBLE = 2n ** 53n;

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/** `2 ** exponent` without overflowing or underflowing on the way for very large exponents. */
function timesPowerOfTwo(value: number, exponent: number): number {
  const half = Math.trunc(exponent / 2);
  return value * 2 ** half * 2 ** (exponent - half);
}

/**
 * `num / den` as a double. When both fit in 53 bits the division is the correctly rounded
 * quotient; otherwise a 64-bit integer quotient is taken first, so the result is within one unit
 * in the last place however large the operands (plain `Number(num) / Number(den)` would give
 * `Infinity / Infinity = NaN` beyond 2^1024).
 */
function quotientToNumber(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  if (num < 0n) return -quotientToNumber(-num, den);
  if (num <= EXACT_IN_DOUBLE && den <= EXACT_IN_DOUBLE) return Number(num) / Number(den);
  const shift = bitLength(den) - bitLength(num) + 64;
  const quotient = shift >= 0 ? (num << BigInt(shift)) / den : num / (den << BigInt(-shift));
  return timesPowerOfTwo(Number(quotient), -shift);
}

/**
 * Pairs an exact ratio with its nearest double.
 *
 * @example
 * exactValue({ ratio: makeRatio(1n, 4n) }) // { ratio: { num: 1n, den: 4n }, value: 0.25 }
 */
export function exactValue(args: { ratio: Ratio }): ExactValue {
  const ratio = makeRatio(args.ratio.num, args.ratio.den);
  return { ratio, value: quotientToNumber(ratio.num, ratio.den) };
}

/** The value every ratio metric takes when nothing is held: 0/1. */
export const ZERO_VALUE: ExactValue = Object.freeze({ ratio: Object.freeze({ num: 0n, den: 1n }), value: 0 });
