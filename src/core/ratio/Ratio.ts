import { quote } from '../text/quote.js';
/**
 * An exact fraction. Thresholds and quorums are compared against `bigint` weights, so they are
 * held as reduced `num/den` pairs rather than floating point: 2/3 stays 2/3.
 */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export type RatioParse = { ok: true; ratio: Ratio } | { ok: false; reason: string; hint: string };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function makeRatio(num: bigint, den: bigint): Ratio {
  if (den === 0n) throw new RangeError('ratio denominator is zero');
  const sign = den < 0n ? -1n : 1n;
  const divisor = gcd(num, den) || 1n;
  return { num: (sign * num) / divisor, den: (sign * den) / divisor };
}

/**
 * An exact ratio from a non-negative decimal written in plain notation, or undefined:
 * `ratioFromDecimal('0.25')` is 1/4. Any size is allowed (unlike `parseRatio`, not capped at 1).
 */
export function ratioFromDecimal(text: string): Ratio | undefined {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (match === null) return undefined;
  const fraction = match[2] ?? '';
  return makeRatio(BigInt(match[1]! + fraction), 10n ** BigInt(fraction.length));
}

const HINT = 'write a fraction like 2/3, a percentage like 66.7%, or a decimal like 0.5';

/**
 * Reads a ratio written as a decimal (`0.5`), a percentage (`'4%'`) or a fraction (`'2/3'`);
 * the result must lie in [0, 1].
 *
 * @example
 * parseRatio('2/3') // { ok: true, ratio: { num: 2n, den: 3n } }
 * parseRatio(0.04)  // { ok: true, ratio: { num: 1n, den: 25n } }
 */
export function parseRatio(value: number | string): RatioParse {
  let ratio: Ratio | undefined;
  if (typeof value === 'number') {
    // The decimal the author wrote is what the shortest round-trip rendering of the number shows.
    // Exponent forms (1e-7) are refused rather than guessed at.
    ratio = ratioFromDecimal(String(value));
  } else {
    const text = value.trim();
    const percent = /^(.+)%$/.exec(text);
    const fraction = /^(\d+)\s*\/\s*(\d+)$/.exec(text);
    if (percent !== null) {
      const inner = ratioFromDecimal(percent[1]!.trim());
      ratio = inner === undefined ? undefined : makeRatio(inner.num, inner.den * 100n);
    } else if (fraction !== null) {
      ratio = BigInt(fraction[2]!) === 0n ? undefined : makeRatio(BigInt(fraction[1]!), BigInt(fraction[2]!));
    } else {
      ratio = ratioFromDecimal(text);
    }
  }
  if (ratio === undefined) return { ok: false, reason: `${quote(String(value))} is not a ratio`, hint: HINT };
  if (ratio.num > ratio.den)
    return { ok: false, reason: `${quote(String(value))} is more than 100%`, hint: HINT };
  return { ok: true, ratio };
}

/** `a < b`, `a = b`, `a > b` as -1, 0, 1. */
export function compareRatio(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Renders a ratio as a percentage with at most one decimal (`2/3` → `'66.7%'`, `1/2` → `'50%'`). */
export function formatRatio(ratio: Ratio): string {
  const tenths = (ratio.num * 1000n + ratio.den / 2n) / ratio.den;
  const whole = tenths / 10n;
  const rest = tenths % 10n;
  const exact = (ratio.num * 1000n) % ratio.den === 0n;
  const text = rest === 0n ? `${whole}%` : `${whole}.${rest}%`;
  // Fractions that a percentage cannot show exactly are written as fractions too: 66.7% (2/3).
  return exact || ratio.den > 1000n ? text : `${text} (${ratio.num}/${ratio.den})`;
}

export function ratioToNumber(ratio: Ratio): number {
  return Number(ratio.num) / Number(ratio.den);
}
