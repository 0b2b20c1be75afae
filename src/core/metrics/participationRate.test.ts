import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DevolveError } from '../errors/DevolveError.js';
import { makeRatio } from '../ratio/Ratio.js';
import { participationRate } from './participationRate.js';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DevolveError ? error.code : 'not a DevolveError';
  }
  return undefined;
}

describe('participationRate', () => {
  it('divides participating weight by eligible weight from two totals', () => {
    // 30 / 120 = 1/4.
    expect(participationRate({ participated: 30n, eligible: 120n })).toEqual({
      ratio: { num: 1n, den: 4n },
      value: 0.25,
      participated: 30n,
      eligible: 120n,
    });
  });

  it('adds up an electorate: who took part, with what weight', () => {
    // Took part: 3 + 1 = 4 of 3 + 9 + 1 + 3 = 16 → 1/4.
    const rate = participationRate({
      electorate: [
        { weight: 3n, tookPart: true },
        { weight: 9n, tookPart: false },
        { weight: 1n, tookPart: true },
        { weight: 3n, tookPart: false },
      ],
    });
    expect(rate.ratio).toEqual({ num: 1n, den: 4n });
    expect(rate.participated).toBe(4n);
    expect(rate.eligible).toBe(16n);
  });

  it('stays exact for wei amounts: one wei short of everyone is not 100%', () => {
    const e27 = 10n ** 27n;
    const rate = participationRate({ participated: e27 - 1n, eligible: e27 });
    expect(rate.ratio).toEqual({ num: e27 - 1n, den: e27 });
    expect(rate.value).toBe(1); // the double rounds; the ratio does not
  });

  it('is 0 when no weight is eligible', () => {
    expect(participationRate({ participated: 0n, eligible: 0n }).ratio).toEqual({ num: 0n, den: 1n });
    expect(participationRate({ electorate: [] }).value).toBe(0);
    expect(participationRate({ electorate: [{ weight: 0n, tookPart: true }] }).value).toBe(0);
  });

  it('refuses impossible participation with a typed error', () => {
    expect(codeOf(() => participationRate({ participated: 5n, eligible: 4n }))).toBe(
      'metrics/invalid-participation',
    );
    expect(codeOf(() => participationRate({ participated: -1n, eligible: 4n }))).toBe(
      'metrics/invalid-participation',
    );
    expect(codeOf(() => participationRate({ electorate: [{ weight: -2n, tookPart: false }] }))).toBe(
      'metrics/invalid-participation',
    );
    expect(codeOf(() => participationRate({ participated: 1 as unknown as bigint, eligible: 4n }))).toBe(
      'metrics/invalid-participation',
    );
  });

  it('gives the same rate from the electorate as from its totals (property)', () => {
    const participant = fc.record({
      weight: fc.bigInt({ min: 0n, max: 10n ** 27n }),
      tookPart: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(participant, { maxLength: 50 }), (electorate) => {
        const eligible = electorate.reduce((a, p) => a + p.weight, 0n);
        const participated = electorate.reduce((a, p) => (p.tookPart ? a + p.weight : a), 0n);
        const rate = participationRate({ electorate });
        expect(rate).toEqual(participationRate({ participated, eligible }));
        if (eligible > 0n) expect(rate.ratio).toEqual(makeRatio(participated, eligible));
      }),
    );
  });
});
