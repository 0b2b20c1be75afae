import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DevolveError } from '../errors/DevolveError.js';
import { makeRatio } from '../ratio/Ratio.js';
import { concentrationReport } from './concentrationReport.js';
import { giniCoefficient } from './giniCoefficient.js';
import { herfindahlIndex } from './herfindahlIndex.js';
import { nakamotoCoefficient } from './nakamotoCoefficient.js';
import { normalizedEntropy } from './normalizedEntropy.js';
import { theilIndex } from './theilIndex.js';
import { topKShare } from './topKShare.js';

const holding = fc.oneof(
  fc.bigInt({ min: 0n, max: 9n }),
  fc.bigInt({ min: 0n, max: 10n ** 27n }),
  fc.bigInt({ min: 0n, max: 255n }).map((d) => 2n ** 70n + d),
  { arbitrary: fc.bigInt({ min: 0n, max: 2n ** 130n }), weight: 1 },
);

const ZERO = { ratio: { num: 0n, den: 1n }, value: 0 };

describe('concentrationReport', () => {
  it('works every metric of [1, 2, 3, 4]', () => {
    const report = concentrationReport({ holdings: [4n, 2n, 1n, 3n], topK: 1 });
    expect(report.holders).toBe(4);
    expect(report.nonZeroHolders).toBe(4);
    expect(report.total).toBe(10n);
    // Gini: Σ i·x_i = 1 + 4 + 9 + 16 = 30; (2·30 − 5·10) / (4·10) = 10/40 = 1/4.
    expect(report.gini.ratio).toEqual({ num: 1n, den: 4n });
    // Nakamoto: 4/10 is not more than half; 4 + 3 = 7/10 is.
    expect(report.nakamoto.count).toBe(2);
    expect(report.nakamoto.share.ratio).toEqual({ num: 7n, den: 10n });
    // HHI: (1 + 4 + 9 + 16) / 10² = 30/100 = 3/10.
    expect(report.herfindahl.ratio).toEqual({ num: 3n, den: 10n });
    // Theil: μ = 2.5; ¼·(0.4·ln 0.4 + 0.8·ln 0.8 + 1.2·ln 1.2 + 1.6·ln 1.6)
    //      = ¼·(−0.366516 − 0.178515 + 0.218786 + 0.752006) = 0.106440.
    expect(report.theil).toBeCloseTo(0.10644013528622318, 14);
    // Entropy: 1 − T / ln 4 = 1 − 0.106440 / 1.386294 = 0.923220.
    expect(report.entropy).toBeCloseTo(0.9232196723355078, 14);
    // Top-1: 4/10 = 2/5.
    expect(report.topShare).toEqual({ k: 1, ratio: { num: 2n, den: 5n }, value: 0.4 });
  });

  it('shows no concentration for equal holdings', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.bigInt({ min: 1n, max: 10n ** 27n }), (n, x) => {
        const report = concentrationReport({ holdings: new Array<bigint>(n).fill(x) });
        expect(report.gini.ratio).toEqual({ num: 0n, den: 1n });
        expect(report.herfindahl.ratio).toEqual(makeRatio(1n, BigInt(n)));
        expect(report.entropy).toBe(1);
        expect(report.theil).toBe(0);
        expect(report.nakamoto.count).toBe(Math.floor(n / 2) + 1);
        expect(report.topShare.ratio).toEqual(makeRatio(BigInt(Math.min(10, n)), BigInt(n)));
      }),
    );
  });

  it('shows maximal concentration when one holder has everything', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200 }),
        fc.bigInt({ min: 1n, max: 10n ** 27n }),
        fc.nat(),
        (n, x, seat) => {
          const holdings = new Array<bigint>(n).fill(0n);
          holdings[seat % n] = x;
          const report = concentrationReport({ holdings });
          expect(report.gini.ratio).toEqual(makeRatio(BigInt(n - 1), BigInt(n)));
          expect(report.nakamoto.count).toBe(1);
          expect(report.herfindahl.ratio).toEqual({ num: 1n, den: 1n });
          expect(report.entropy).toBe(0);
          expect(report.theil).toBeCloseTo(Math.log(n), 14);
          expect(report.nonZeroHolders).toBe(1);
        },
      ),
    );
  });

  it('reports every metric as 0 when nothing is held', () => {
    for (const holdings of [[], [0n, 0n, 0n]]) {
      const report = concentrationReport({ holdings });
      expect(report).toEqual({
        holders: holdings.length,
        nonZeroHolders: 0,
        total: 0n,
        gini: ZERO,
        nakamoto: { count: 0, share: ZERO },
        herfindahl: ZERO,
        entropy: 0,
        theil: 0,
        topShare: { k: 10, ...ZERO },
      });
    }
  });

  it('reports a single holder as fully concentrated', () => {
    const report = concentrationReport({ holdings: [10n ** 26n] });
    expect(report.gini.value).toBe(0); // (n − 1)/n = 0 for n = 1
    expect(report.nakamoto.count).toBe(1);
    expect(report.herfindahl.value).toBe(1);
    expect(report.entropy).toBe(0);
    expect(report.theil).toBe(0);
  });

  it('passes its threshold and k on, and fails as the metrics do', () => {
    const holdings = [6n, 4n];
    expect(concentrationReport({ holdings, nakamotoThreshold: { num: 3n, den: 5n } }).nakamoto.count).toBe(2);
    expect(concentrationReport({ holdings, topK: 0 }).topShare.value).toBe(0);
    expect(() => concentrationReport({ holdings, topK: -1 })).toThrow(DevolveError);
    expect(() => concentrationReport({ holdings, nakamotoThreshold: { num: 1n, den: 1n } })).toThrow(
      DevolveError,
    );
    expect(() => concentrationReport({ holdings: [-1n] })).toThrow(DevolveError);
  });

  it('agrees with each metric computed on its own (property)', () => {
    fc.assert(
      fc.property(fc.array(holding, { maxLength: 120 }), fc.nat({ max: 20 }), (holdings, topK) => {
        const report = concentrationReport({ holdings, topK });
        expect(report.gini).toEqual(giniCoefficient({ holdings }));
        expect(report.nakamoto).toEqual(nakamotoCoefficient({ holdings }));
        expect(report.herfindahl).toEqual(herfindahlIndex({ holdings }));
        expect(report.theil).toBe(theilIndex({ holdings }));
        expect(report.entropy).toBe(normalizedEntropy({ holdings }));
        expect(report.topShare).toEqual({ k: topK, ...topKShare({ holdings, k: topK }) });
      }),
      { numRuns: 200 },
    );
  });

  // Same shape as giniCoefficient.test.ts's reordering property on purpose (see there).
  it('is unchanged by reordering, and its ratios by scaling every holding (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(holding, { maxLength: 120 })
          .chain((values) =>
            fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })),
          ),
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        ([values, shuffled], factor) => {
          const report = concentrationReport({ holdings: values });
          expect(concentrationReport({ holdings: shuffled })).toEqual(report);
          const scaled = concentrationReport({ holdings: values.map((x) => x * factor) });
          expect(scaled.gini).toEqual(report.gini);
          expect(scaled.nakamoto).toEqual(report.nakamoto);
          expect(scaled.herfindahl).toEqual(report.herfindahl);
          expect(scaled.topShare).toEqual(report.topShare);
          expect(scaled.theil).toBeCloseTo(report.theil, 12);
          expect(scaled.entropy).toBeCloseTo(report.entropy, 12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps whale-and-dust holdings exact', () => {
    // 10^26 wei (10^8 tokens) beside 1 wei: shares no double can hold, ratios that stay exact.
    const whale = 10n ** 26n;
    const report = concentrationReport({ holdings: [whale, 1n, 1n], topK: 1 });
    // HHI = (10^52 + 1 + 1) / (10^26 + 2)².
    expect(report.herfindahl.ratio).toEqual(makeRatio(whale * whale + 2n, (whale + 2n) * (whale + 2n)));
    // Top-1 = 10^26 / (10^26 + 2) = 5·10^25 / (5·10^25 + 1).
    expect(report.topShare.ratio).toEqual({ num: whale / 2n, den: whale / 2n + 1n });
    expect(report.topShare.value).toBe(1);
  });
});
