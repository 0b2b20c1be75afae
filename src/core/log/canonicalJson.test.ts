import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';

/**
 * The rule as RFC 8785 states it, written plainly (no shortcuts): the reference the optimized
 * encoder must match. (A re-sorted object cannot serve: JavaScript lists integer-like keys first.)
 */
function plainCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(plainCanonical).join(',')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${plainCanonical(item)}`).join(',')}}`;
}

/** `[1, <hole>, 2]`: index 1 was never set. */
function holey(): unknown[] {
  const list: unknown[] = [1];
  list[2] = 2;
  return list;
}

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every depth and writes no whitespace', () => {
    // RFC 8785 §3.2.3's ordering example: "\r" < "1" < "\u0080" < "ö" < "€" < "😀" < "\ufb33".
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\ud83d\ude00', '\u0080', '\u00f6'];
    const value = Object.fromEntries(keys.map((key, i) => [key, i]));
    expect(canonicalJson(value)).toBe(
      '{"\\r":1,"1":3,"\u0080":5,"\u00f6":6,"\u20ac":0,"\ud83d\ude00":4,"\ufb33":2}',
    );
    expect(canonicalJson({ b: [{ z: 1, a: null }, 'x'], a: { d: true, c: false } })).toBe(
      '{"a":{"c":false,"d":true},"b":[{"a":null,"z":1},"x"]}',
    );
    // Keys already in order come out the same as keys that had to be sorted.
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('writes numbers and strings as ECMAScript does, and leaves out undefined properties', () => {
    expect(canonicalJson([1e21, 1e-7, -0, 0.1 + 0.2, 333333333.3333333])).toBe(
      '[1e+21,1e-7,0,0.30000000000000004,333333333.3333333]',
    );
    expect(canonicalJson({ a: undefined, b: '\u2028"\\', c: '\ud800' })).toBe(
      '{"b":"\u2028\\"\\\\","c":"\\ud800"}',
    );
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });

  it('refuses what JSON cannot say', () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      10n,
      [1, undefined],
      // A hole in a list reads as undefined.
      holey(),
      () => 1,
      Symbol('s'),
      { nested: [Number.NEGATIVE_INFINITY] },
    ]) {
      expect(() => canonicalJson(bad), String(bad)).toThrow(
        expect.objectContaining({ code: 'log/not-json' }),
      );
    }
  });

  it('matches the rule written plainly and reads back as the value, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(text).toBe(plainCanonical(value));
        // (-0 is written 0, as JSON.stringify writes it.)
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });
});
