import { describe, expect, it } from 'vitest';
import { ACTION_FORMS, daysInMonth } from './actionForms.js';

describe('ACTION_FORMS.isoUtc', () => {
  it('accepts real instants, leap days of leap years included', () => {
    for (const text of [
      '2026-03-01T09:00:00.000Z',
      '2026-12-31T23:59:59Z',
      '2028-02-29T12:00:00.123456789Z', // 2028 is divisible by 4
      '2000-02-29T00:00:00Z', // divisible by 400: a leap year
    ])
      expect(ACTION_FORMS.isoUtc.test(text), text).toBe(true);
  });

  it('refuses instants that do not exist, though they have the shape', () => {
    for (const text of [
      '2026-02-30T10:00:00Z',
      '2026-02-29T10:00:00Z', // 2026 is a common year
      '1900-02-29T10:00:00Z', // divisible by 100, not 400: common
      '2026-04-31T10:00:00Z',
      '2026-13-01T10:00:00Z',
      '2026-00-01T10:00:00Z',
      '2026-01-00T10:00:00Z',
      '2026-01-01T24:00:00Z',
      '2026-01-01T25:00:00Z',
      '2026-01-01T10:60:00Z',
      '2026-01-01T10:00:60Z', // no leap seconds
      '2026-01-01T10:00:61Z',
    ])
      expect(ACTION_FORMS.isoUtc.test(text), text).toBe(false);
  });

  it('is a RegExp whose source is the shape, for JSON Schema', () => {
    expect(ACTION_FORMS.isoUtc).toBeInstanceOf(RegExp);
    expect(new RegExp(ACTION_FORMS.isoUtc.source).test('2026-02-30T10:00:00Z')).toBe(true);
  });

  it('counts the days of each month by the Gregorian calendar', () => {
    // 31 + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 = 365 in a common year, 366 in a leap year
    const year = (y: number) =>
      Array.from({ length: 12 }, (_, m) => daysInMonth(y, m + 1)).reduce((a, b) => a + b);
    expect(year(2026)).toBe(365);
    expect(year(2028)).toBe(366);
    expect(year(2100)).toBe(365);
    expect(year(2000)).toBe(366);
  });
});

describe('ACTION_FORMS.key', () => {
  it('takes an ed25519 key only in its canonical spelling, and a 0x address in any case', () => {
    const key = 'ed25519:A6EHv_POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg';
    expect(ACTION_FORMS.key.test(key)).toBe(true);
    // 'g' is 32 = 0b100000: its low two bits are unused; 'h' (33) spells the same bytes
    expect(ACTION_FORMS.key.test(`${key.slice(0, -1)}h`)).toBe(false);
    expect(ACTION_FORMS.key.test('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266')).toBe(true);
    expect(ACTION_FORMS.key.test('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266')).toBe(true);
  });
});
