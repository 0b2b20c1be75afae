import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTokenAmount } from './parseTokenAmount.js';

describe('parseTokenAmount', () => {
  it('scales integers and decimals of whole tokens by 10^decimals', () => {
    // 2 at 2 decimals = 2·100 = 200; 1.5 = 150; .25 = 25; 3. = 300; ' 7 ' trims to 7 → 700.
    expect(parseTokenAmount({ text: '2', decimals: 2 })).toEqual({ ok: true, value: 200n });
    expect(parseTokenAmount({ text: '1.5', decimals: 2 })).toEqual({ ok: true, value: 150n });
    expect(parseTokenAmount({ text: '.25', decimals: 2 })).toEqual({ ok: true, value: 25n });
    expect(parseTokenAmount({ text: '3.', decimals: 2 })).toEqual({ ok: true, value: 300n });
    expect(parseTokenAmount({ text: ' 7 ', decimals: 2 })).toEqual({ ok: true, value: 700n });
    expect(parseTokenAmount({ text: '12', decimals: 0 })).toEqual({ ok: true, value: 12n });
  });

  it('refuses what it cannot read exactly, with a code', () => {
    const code = (text: string, decimals = 2) => {
      const parsed = parseTokenAmount({ text, decimals });
      return parsed.ok ? 'ok' : parsed.code;
    };
    expect(code('1.234')).toBe('import/too-many-decimals');
    expect(code('1.5', 0)).toBe('import/too-many-decimals');
    expect(code('-1')).toBe('import/negative-amount');
    expect(code('')).toBe('import/invalid-amount');
    expect(code('.')).toBe('import/invalid-amount');
    expect(code('1e18')).toBe('import/invalid-amount');
    expect(code('1.2.3')).toBe('import/invalid-amount');
  });

  it('equals the definition whole·10^d + fraction·10^(d − digits) for any amount', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.nat({ max: 24 }),
        fc.nat({ max: 24 }),
        (units, d, shown) => {
          const digits = Math.min(shown, d);
          // units / 10^digits tokens, written with exactly `digits` decimal places.
          const scale = 10n ** BigInt(digits);
          const text =
            digits === 0
              ? `${units}`
              : `${units / scale}.${(units % scale).toString().padStart(digits, '0')}`;
          expect(parseTokenAmount({ text, decimals: d })).toEqual({
            ok: true,
            value: units * 10n ** BigInt(d - digits),
          });
        },
      ),
    );
  });
});
