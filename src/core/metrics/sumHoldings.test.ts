import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMB_LIMIT, NARROW_LIMIT, type OrderedHoldings, sumHoldings, sumRange } from './sumHoldings.js';

// The largest holding whose double is below 2^114 (2^114 − 2^60 rounds up to 2^114).
const MAX = 2n ** 114n - 2n ** 60n - 1n;

/** The arrays `sortHoldings` would build, made directly so the sums are tested on their own. */
function ascendingHoldings(values: readonly bigint[]): OrderedHoldings {
  const order = Int32Array.from(
    values.map((_, i) => i).sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : 0)),
  );
  const rank = new Int32Array(values.length);
  order.forEach((i, j) => {
    rank[i] = j + 1;
  });
  return {
    values,
    order,
    rank,
    approx: Float64Array.from(values, (x) => Number(x)),
    low: BigUint64Array.from(values, (x) => BigInt.asUintN(64, x)),
  };
}

function naive(values: readonly bigint[]) {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    total: sorted.reduce((a, x) => a + x, 0n),
    squares: sorted.reduce((a, x) => a + x * x, 0n),
    rankWeighted: sorted.reduce((a, x, i) => a + BigInt(i + 1) * x, 0n),
  };
}

/** Holdings weighted toward the edges of the limbs and of the doubles. */
const limbHolding = fc.oneof(
  fc.bigInt({ min: 0n, max: MAX }),
  fc.bigInt({ min: 0n, max: 10n ** 27n }),
  fc.constantFrom(0n, 1n, 2n ** 32n - 1n, 2n ** 64n - 1n, 2n ** 64n, 2n ** 64n + 1n, 2n ** 113n, MAX),
  fc.bigInt({ min: -4096n, max: 4096n }).map((d) => (d < 0n ? MAX + d + 1n : 2n ** 64n * 12345n + d)),
);
/** Holdings below 2^96, where the two top limbs are zero. */
const narrowHolding = fc.oneof(
  fc.bigInt({ min: 0n, max: 2n ** 96n - 1n }),
  fc.constantFrom(0n, 2n ** 64n - 1n, 2n ** 64n, 2n ** 96n - 2n ** 42n - 1n),
);
const anyHolding = fc.oneof(
  { arbitrary: narrowHolding, weight: 2 },
  { arbitrary: limbHolding, weight: 2 },
  fc.bigInt({ min: 0n, max: 2n ** 300n }),
);

describe('sumHoldings', () => {
  it('adds, squares and rank-weights a small example', () => {
    // Ascending 3, 4: Σx = 7; Σx² = 9 + 16 = 25; Σ i·x_(i) = 1·3 + 2·4 = 11.
    expect(sumHoldings({ holdings: ascendingHoldings([4n, 3n]) })).toEqual({
      total: 7n,
      squares: 25n,
      rankWeighted: 11n,
    });
    expect(sumHoldings({ holdings: ascendingHoldings([]) })).toEqual({
      total: 0n,
      squares: 0n,
      rankWeighted: 0n,
    });
  });

  it('gives the same integers as bigint arithmetic (property)', () => {
    fc.assert(
      fc.property(fc.array(anyHolding, { maxLength: 200 }), (values) => {
        expect(sumHoldings({ holdings: ascendingHoldings(values) })).toEqual(naive(values));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(narrowHolding, { maxLength: 200 }), (values) => {
        expect(sumHoldings({ holdings: ascendingHoldings(values) })).toEqual(naive(values));
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact across chunk flushes at the largest holdings', () => {
    // Columns are flushed every 2^18 holdings: 300 000 of the largest holdings cross one flush.
    const values = new Array<bigint>(300_000).fill(MAX);
    values[0] = 1n;
    expect(sumHoldings({ holdings: ascendingHoldings(values) })).toEqual(naive(values));
    // The same with the largest holdings below 2^96 (the six-limb path).
    const narrow = new Array<bigint>(300_000).fill(2n ** 96n - 2n ** 42n - 1n);
    expect(sumHoldings({ holdings: ascendingHoldings(narrow) })).toEqual(naive(narrow));
  });

  it('is exact on both sides of the six-limb and limb limits', () => {
    // 2^96 − 2^42 − 1 is the largest holding whose double is below 2^96.
    const narrowMax = 2n ** 96n - 2n ** 42n - 1n;
    expect(Number(narrowMax)).toBeLessThan(NARROW_LIMIT);
    expect(Number(narrowMax + 1n)).toBe(NARROW_LIMIT);
    expect(Number(MAX)).toBeLessThan(LIMB_LIMIT);
    expect(Number(MAX + 1n)).toBe(LIMB_LIMIT);
    for (const values of [
      [narrowMax, narrowMax - 1n, 5n],
      [narrowMax + 1n, narrowMax, 5n],
      [MAX, MAX - 1n, 5n],
      [MAX + 1n, MAX, 5n],
    ]) {
      expect(sumHoldings({ holdings: ascendingHoldings(values) })).toEqual(naive(values));
    }
  });
});

describe('sumRange', () => {
  it('adds the holdings ranked from … to − 1 in ascending order', () => {
    // Ascending 1, 3, 5: ranks 1 and 2 hold 3 + 5 = 8.
    expect(sumRange({ holdings: ascendingHoldings([5n, 1n, 3n]), from: 1, to: 3 })).toBe(8n);
    expect(sumRange({ holdings: ascendingHoldings([5n, 1n, 3n]), from: 2, to: 2 })).toBe(0n);
  });

  it('equals a bigint sum of the same slice (property)', () => {
    fc.assert(
      fc.property(
        fc.array(anyHolding, { minLength: 1, maxLength: 200 }),
        fc.nat(),
        fc.nat(),
        (values, a, b) => {
          const from = a % (values.length + 1);
          const to = from + (b % (values.length - from + 1));
          const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
          const expected = sorted.slice(from, to).reduce((s, x) => s + x, 0n);
          expect(sumRange({ holdings: ascendingHoldings(values), from, to })).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
