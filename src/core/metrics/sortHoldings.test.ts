import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DevolveError } from '../errors/DevolveError.js';
import { sortHoldings } from './sortHoldings.js';

/** Holdings that stress the sort: ties, zeros, wei amounts, and distinct bigints with one double. */
const holding = fc.oneof(
  { arbitrary: fc.bigInt({ min: 0n, max: 5n }), weight: 2 },
  { arbitrary: fc.bigInt({ min: 0n, max: 10n ** 27n }), weight: 2 },
  // 2^70 + d for d < 2^8 all round to the same double (2^70 needs 53 bits; d sits below them).
  { arbitrary: fc.bigInt({ min: 0n, max: 255n }).map((d) => 2n ** 70n + d), weight: 2 },
  // Around 2^64, where doubles stop being read from the 64-bit words.
  { arbitrary: fc.bigInt({ min: -4096n, max: 4096n }).map((d) => 2n ** 64n + d), weight: 1 },
  { arbitrary: fc.bigInt({ min: 0n, max: 2n ** 200n }), weight: 1 },
);

function exactOrder(values: readonly bigint[]): number[] {
  return values
    .map((_, i) => i)
    .sort((a, b) => (values[a]! < values[b]! ? -1 : values[a]! > values[b]! ? 1 : a - b));
}

describe('sortHoldings', () => {
  it('orders positions by value, smallest first, and totals exactly', () => {
    const sorted = sortHoldings({ holdings: [30n, 0n, 10n] });
    expect(Array.from(sorted.order)).toEqual([1, 2, 0]);
    expect(sorted.total).toBe(40n); // 30 + 0 + 10
    expect(sorted.sumOfSquares).toBe(1000n); // 900 + 0 + 100
    expect(sorted.rankWeightedSum).toBe(110n); // ascending 0, 10, 30: 1·0 + 2·10 + 3·30
    expect(sorted.zeros).toBe(1);
  });

  it('keeps equal holdings in input order', () => {
    const sorted = sortHoldings({ holdings: [7n, 3n, 7n, 3n, 7n] });
    expect(Array.from(sorted.order)).toEqual([1, 3, 0, 2, 4]);
  });

  it('orders distinct holdings that share one double exactly', () => {
    // 2^60 + 3, 2^60 + 1, 2^60 + 2 all convert to the double 2^60.
    const base = 2n ** 60n;
    const holdings = [base + 3n, base + 1n, base + 2n, base];
    expect(new Set(holdings.map(Number)).size).toBe(1);
    expect(Array.from(sortHoldings({ holdings }).order)).toEqual([3, 1, 2, 0]);
  });

  it('orders holdings beyond 2^1024, where doubles are infinite', () => {
    const huge = 2n ** 1100n;
    const sorted = sortHoldings({ holdings: [huge + 1n, 5n, huge, 0n] });
    expect(Array.from(sorted.order)).toEqual([3, 1, 2, 0]);
    expect(sorted.total).toBe(2n * huge + 6n);
  });

  it('accepts any iterable of bigints, and an already sorted input as is', () => {
    const sorted = sortHoldings({ holdings: BigUint64Array.of(4n, 1n) });
    expect(Array.from(sorted.order)).toEqual([1, 0]);
    expect(sortHoldings({ holdings: sorted })).toBe(sorted);
  });

  it('copies the holdings, so later changes to the caller array do not leak in, unless borrowing', () => {
    const holdings = [1n, 2n];
    const sorted = sortHoldings({ holdings });
    holdings[0] = 100n;
    expect(sorted.values).toEqual([1n, 2n]);
    expect(sortHoldings({ holdings, borrow: true }).values).toBe(holdings);
  });

  it('handles no holdings and a single holding', () => {
    const empty = sortHoldings({ holdings: [] });
    expect(empty.order.length).toBe(0);
    expect(empty.total).toBe(0n);
    expect(empty.zeros).toBe(0);
    expect(Array.from(sortHoldings({ holdings: [9n] }).order)).toEqual([0]);
  });

  it('refuses negative and non-bigint holdings with a typed error', () => {
    expect(() => sortHoldings({ holdings: [1n, -1n] })).toThrow(DevolveError);
    for (const bad of [[1n, -1n], [1n, 2 as unknown as bigint], ['3' as unknown as bigint]]) {
      try {
        sortHoldings({ holdings: bad });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(DevolveError);
        expect((error as DevolveError).code).toBe('metrics/invalid-holding');
      }
    }
    expect(() => sortHoldings({ holdings: [0n, -5n] })).toThrow(/holding #1 is -5n/);
  });

  it('matches a bigint comparator sort on any holdings (property)', () => {
    fc.assert(
      fc.property(fc.array(holding, { maxLength: 300 }), (values) => {
        const sorted = sortHoldings({ holdings: values });
        const ascending = exactOrder(values).map((i) => values[i]!);
        expect(Array.from(sorted.order)).toEqual(exactOrder(values));
        expect(sorted.total).toBe(values.reduce((a, b) => a + b, 0n));
        expect(sorted.sumOfSquares).toBe(values.reduce((a, x) => a + x * x, 0n));
        expect(sorted.rankWeightedSum).toBe(ascending.reduce((a, x, i) => a + BigInt(i + 1) * x, 0n));
        expect(sorted.zeros).toBe(values.filter((x) => x === 0n).length);
        expect(Array.from(sorted.approx)).toEqual(values.map((x) => Number(x)));
        expect(Array.from(sorted.low)).toEqual(values.map((x) => BigInt.asUintN(64, x)));
        expect(Array.from(sorted.order, (i) => sorted.rank[i])).toEqual(values.map((_, j) => j + 1));
      }),
      { numRuns: 300 },
    );
  });
});
