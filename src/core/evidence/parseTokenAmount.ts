/** A token amount read from text: the integer in the token's smallest unit, or why it is not one. */
export type TokenAmountParse =
  | { readonly ok: true; readonly value: bigint }
  | { readonly ok: false; readonly code: string; readonly message: string };

const INTEGER = /^[0-9]+$/;
const DIGITS = /^[0-9]*$/;
const DECIMAL = /^([0-9]*)\.([0-9]*)$/;
/** Enough zeros to scale by any token's decimals (uint256 has 78 digits). */
const ZEROS = '0'.repeat(78);

/**
 * Reads a non-negative amount of whole tokens, an integer (`2`) or a decimal (`1.5`), and returns
 * base units: both are scaled by `10^decimals`, so `2` and `2.0` are the same amount (a file of raw
 * base units, such as wei, is read with `decimals` 0). A decimal must not have more fractional digits than the token has decimals: `1.5` with 18 decimals is
 * 1.5 · 10^18 = 1500000000000000000n; `0.0000001` with 6 decimals has 7 digits and is refused
 * rather than rounded, so nothing is lost silently. With `decimals` 0 a decimal point is refused.
 *
 * @example
 * parseTokenAmount({ text: '2.25', decimals: 2 }) // { ok: true, value: 225n }
 */
export function parseTokenAmount(args: { text: string; decimals: number }): TokenAmountParse {
  // Fast path, taken by every well-formed row of a large import: one BigInt from the digits with
  // the fraction padded to `decimals` (1.5 at 2 decimals is BigInt('150')), no multiplication.
  const raw = args.text;
  const dot = raw.indexOf('.');
  if (dot === -1) {
    if (raw !== '' && INTEGER.test(raw))
      return { ok: true, value: BigInt(raw + ZEROS.slice(0, args.decimals)) };
  } else {
    const whole = raw.slice(0, dot);
    const fraction = raw.slice(dot + 1);
    if (fraction.length <= args.decimals && raw.length > 1 && DIGITS.test(whole) && DIGITS.test(fraction))
      return { ok: true, value: BigInt(whole + fraction + ZEROS.slice(0, args.decimals - fraction.length)) };
  }
  return parseSlowly(args);
}

/** Everything the fast path does not take: surrounding blanks, and every error with its reason. */
function parseSlowly(args: { text: string; decimals: number }): TokenAmountParse {
  const text = args.text.trim();
  if (INTEGER.test(text)) return { ok: true, value: BigInt(text) * 10n ** BigInt(args.decimals) };
  const decimal = DECIMAL.exec(text);
  if (decimal === null || text === '.') {
    const negative = text.startsWith('-');
    return {
      ok: false,
      code: negative ? 'import/negative-amount' : 'import/invalid-amount',
      message: negative
        ? `amount '${text}' is negative; balances are never below zero`
        : `amount '${text}' is not a number (an integer or a decimal like 12.5)`,
    };
  }
  const whole = decimal[1] ?? '';
  const fraction = decimal[2] ?? '';
  if (fraction.length > args.decimals) {
    return {
      ok: false,
      code: 'import/too-many-decimals',
      message: `amount '${text}' has ${fraction.length} decimal places but the token has ${args.decimals}`,
    };
  }
  const scaled = (whole === '' ? 0n : BigInt(whole)) * 10n ** BigInt(args.decimals);
  const fractional = fraction === '' ? 0n : BigInt(fraction) * 10n ** BigInt(args.decimals - fraction.length);
  return { ok: true, value: scaled + fractional };
}
