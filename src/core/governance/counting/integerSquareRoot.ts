/**
 * ⌊√n⌋ for a non-negative bigint, exact at any size.
 *
 * Starts from the double-precision root wherever `n` fits in a double (below about 10³⁰⁸) and
 * corrects it exactly; beyond that, Newton's method from a power of two above the root.
 *
 * @example
 * integerSquareRoot(99n) // 9n (9² = 81 ≤ 99 < 100 = 10²)
 */
export function integerSquareRoot(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  const estimate = Math.sqrt(Number(n));
  if (Number.isFinite(estimate)) {
    // The double root is within a relative 2⁻⁵² of the true one; below 2¹⁰⁶ that is a few units.
    // Above, each Newton step (x + n/x)/2 squares the relative error (2⁻¹⁰⁴ after one, 2⁻²⁰⁸
    // after two), so a few steps bring it within a unit. Exact squares settle the rest.
    let x = BigInt(Math.floor(estimate));
    if (n >= 1n << 106n) {
      for (;;) {
        const next = (x + n / x) >> 1n;
        const step = next > x ? next - x : x - next;
        x = next;
        if (step <= 1n) break;
      }
    }
    while (x * x > n) x--;
    while ((x + 1n) * (x + 1n) <= n) x++;
    return x;
  }
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}
