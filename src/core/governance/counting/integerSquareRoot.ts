const TWO_106 = 1n << 106n;
const TWO_212 = 1n << 212n;

/**
 * ⌊√n⌋ for a non-negative bigint, exact at any size.
 *
 * Starts from the double-precision root `x`, within a relative 2⁻⁵² of the true root. Below 2¹⁰⁶
 * that is a few units. Above, one step of x + (n − x²)/(2x), computed in doubles, cuts the error to
 * about x · 2⁻¹⁰⁵, under two units while n < 2²¹²; larger n repeat the step until it moves less
 * than a unit. Exact bigint squares settle the last units. Beyond what a double holds (about
 * 10³⁰⁸), Newton's method from a power of two above the root.
 *
 * @example
 * integerSquareRoot(99n) // 9n (9² = 81 ≤ 99 < 100 = 10²)
 */
export function integerSquareRoot(n: bigint): bigint {
  if (n < 0n) throw new RangeError('square root of a negative number');
  if (n < 2n) return n;
  const estimate = Math.sqrt(Number(n));
  if (!Number.isFinite(estimate)) return newtonSquareRoot(n);
  let x = BigInt(Math.floor(estimate));
  let rest = n - x * x; // n − x², kept exact as x moves
  if (n >= TWO_106) {
    for (;;) {
      const step = Math.trunc(Number(rest) / (2 * estimate));
      if (step === 0) break;
      x += BigInt(step);
      rest = n - x * x;
      if (n < TWO_212 || Math.abs(step) <= 1) break;
    }
  }
  // (x − 1)² = x² − 2x + 1 and (x + 1)² = x² + 2x + 1: x is the floor when 0 ≤ n − x² ≤ 2x.
  while (rest < 0n) {
    x--;
    rest += 2n * x + 1n;
  }
  while (rest > 2n * x) {
    rest -= 2n * x + 1n;
    x++;
  }
  return x;
}

function newtonSquareRoot(n: bigint): bigint {
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}
