/**
 * ⌊√n⌋ for a non-negative bigint, exact at any size.
 *
 * Below 2¹⁰⁶ the root is under 2⁵³, so the double `Math.sqrt` lands within a few units of it and
 * is corrected with exact bigint squares; above that, Newton's method from a power of two above
 * the root.
 *
 * @example
 * integerSquareRoot(99n) // 9n (9² = 81 ≤ 99 < 100 = 10²)
 */
export function integerSquareRoot(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  if (n < 1n << 106n) {
    let x = BigInt(Math.floor(Math.sqrt(Number(n))));
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
