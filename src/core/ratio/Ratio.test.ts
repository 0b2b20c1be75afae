import { describe, expect, it } from 'vitest';
import {
  compareRatio,
  formatRatio,
  makeRatio,
  parseRatio,
  ratioFromDecimal,
  ratioToNumber,
} from './Ratio.js';

const HINT = 'write a fraction like 2/3, a percentage like 66.7%, or a decimal like 0.5';

describe('parseRatio', () => {
  it.each([
    [0.5, 1n, 2n],
    // 0.04 = 4/100 = 1/25, exactly: the decimal as written, not its binary approximation.
    [0.04, 1n, 25n],
    [0, 0n, 1n],
    [1, 1n, 1n],
  ])('reads the number %d as %i/%i', (value, num, den) => {
    expect(parseRatio(value)).toEqual({ ok: true, ratio: { num, den } });
  });

  it.each([
    ['0.5', 1n, 2n],
    ['1', 1n, 1n],
    ['4%', 1n, 25n],
    ['50 %', 1n, 2n],
    ['100%', 1n, 1n],
    // 66.7% = 667/1000, which is not 2/3: a percentage says what it says.
    ['66.7%', 667n, 1000n],
    ['2/3', 2n, 3n],
    [' 2 / 3 ', 2n, 3n],
    // 6/8 is reduced to 3/4.
    ['6/8', 3n, 4n],
  ])('reads the text %j as %i/%i', (value, num, den) => {
    expect(parseRatio(value)).toEqual({ ok: true, ratio: { num, den } });
  });

  it('keeps 2/3 exact: three times it is exactly one', () => {
    const parsed = parseRatio('2/3');
    if (!parsed.ok) throw new Error('should parse');
    // 2/3 · 3/2 = 6/6 = 1, which no floating-point 0.666… would give back exactly.
    expect(makeRatio(parsed.ratio.num * 3n, parsed.ratio.den * 2n)).toEqual({ num: 1n, den: 1n });
    expect(compareRatio(parsed.ratio, makeRatio(667n, 1000n))).toBe(-1);
  });

  it.each(['3/2', '101%', '1.5'])('refuses %j as more than 100%%', (value) => {
    expect(parseRatio(value)).toEqual({ ok: false, reason: `'${value}' is more than 100%`, hint: HINT });
  });

  it('refuses a number above 1', () => {
    expect(parseRatio(1.5)).toEqual({ ok: false, reason: "'1.5' is more than 100%", hint: HINT });
  });

  it.each([['abc'], ['0/0'], ['1/0'], ['-0.5'], ['half'], [1e-7]])('refuses %j as not a ratio', (value) => {
    expect(parseRatio(value)).toEqual({ ok: false, reason: `'${value}' is not a ratio`, hint: HINT });
  });
});

describe('makeRatio', () => {
  it('reduces and moves the sign to the numerator', () => {
    expect(makeRatio(4n, -6n)).toEqual({ num: -2n, den: 3n });
    expect(makeRatio(0n, 5n)).toEqual({ num: 0n, den: 1n });
  });

  it('refuses a zero denominator', () => {
    expect(() => makeRatio(1n, 0n)).toThrow(RangeError);
  });
});

describe('ratioFromDecimal', () => {
  it('reads plain decimals of any size', () => {
    expect(ratioFromDecimal('0.25')).toEqual({ num: 1n, den: 4n });
    expect(ratioFromDecimal('12.5')).toEqual({ num: 25n, den: 2n });
    expect(ratioFromDecimal('1e3')).toBeUndefined();
    expect(ratioFromDecimal('.5')).toBeUndefined();
  });
});

describe('compareRatio', () => {
  it('orders by value, not by how the fraction is written', () => {
    expect(compareRatio(makeRatio(1n, 2n), makeRatio(2n, 3n))).toBe(-1);
    expect(compareRatio(makeRatio(2n, 3n), makeRatio(1n, 2n))).toBe(1);
    // 2/4 and 1/2 are the same share.
    expect(compareRatio({ num: 2n, den: 4n }, makeRatio(1n, 2n))).toBe(0);
  });
});

describe('formatRatio', () => {
  it.each([
    [1n, 2n, '50%'],
    [1n, 25n, '4%'],
    [3n, 4n, '75%'],
    [1n, 8n, '12.5%'],
    [0n, 1n, '0%'],
    [1n, 1n, '100%'],
    [667n, 1000n, '66.7%'],
    // 2/3 = 66.666…% rounds to 66.7%, and the exact fraction is shown beside it.
    [2n, 3n, '66.7% (2/3)'],
    [1n, 3n, '33.3% (1/3)'],
    // 1/7 = 14.2857…% rounds to 14.3%.
    [1n, 7n, '14.3% (1/7)'],
  ])('renders %i/%i as %s', (num, den, text) => {
    expect(formatRatio(makeRatio(num, den))).toBe(text);
  });
});

describe('ratioToNumber', () => {
  it('approximates for display and charts', () => {
    expect(ratioToNumber(makeRatio(3n, 4n))).toBe(0.75);
  });
});
