import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant, parseInstant } from './Instant.js';

/** 2027-06-30T00:00:00Z in epoch milliseconds. */
const JUNE_30_2027 = Date.UTC(2027, 5, 30);
const HOUR_MS = 3_600_000;

describe('parseInstant', () => {
  it('reads a calendar date as the start of that day in UTC', () => {
    expect(parseInstant('2027-06-30')).toEqual({ ok: true, epochMs: JUNE_30_2027 });
    // The documented example: 1,814,313,600,000 ms after the epoch.
    expect(JUNE_30_2027).toBe(1_814_313_600_000);
  });

  it('reads an instant in UTC', () => {
    expect(parseInstant('2027-06-30T00:00:00Z')).toEqual({ ok: true, epochMs: JUNE_30_2027 });
    expect(parseInstant('2027-06-30T12:00Z')).toEqual({ ok: true, epochMs: JUNE_30_2027 + 12 * HOUR_MS });
  });

  it('applies a positive offset: 09:00 at +02:00 is 07:00 UTC', () => {
    expect(parseInstant('2027-06-30T09:00:00+02:00')).toEqual({
      ok: true,
      epochMs: JUNE_30_2027 + 7 * HOUR_MS,
    });
  });

  it('applies a negative offset with minutes: 09:00 at -05:30 is 14:30 UTC', () => {
    expect(parseInstant('2027-06-30T09:00:00-05:30')).toEqual({
      ok: true,
      epochMs: JUNE_30_2027 + 14.5 * HOUR_MS,
    });
  });

  it('keeps milliseconds', () => {
    // 12 hours after midnight, plus 123 ms
    expect(parseInstant('2027-06-30T12:00:00.123Z')).toEqual({
      ok: true,
      epochMs: JUNE_30_2027 + 12 * HOUR_MS + 123,
    });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseInstant('2028-02-29')).toEqual({ ok: true, epochMs: Date.UTC(2028, 1, 29) });
    expect(parseInstant('2027-02-29')).toMatchObject({ ok: false });
  });

  it.each(['2027-02-30', '2027-13-01', '2027-04-31', '2027-06-30T24:00:00Z', '2027-06-30T12:60:00Z'])(
    'refuses %s, which is not a real calendar date or time',
    (text) => {
      expect(parseInstant(text)).toEqual({
        ok: false,
        reason: `'${text}' is not a real calendar date or time`,
        hint: 'check the day and month',
      });
    },
  );

  it('refuses an offset beyond ±23:59', () => {
    expect(parseInstant('2027-06-30T12:00:00+24:00')).toEqual({
      ok: false,
      reason: "'2027-06-30T12:00:00+24:00' has an impossible offset +24:00",
      hint: 'offsets run from -23:59 to +23:59',
    });
  });

  it('refuses a date and time without an offset, and hints at the same time in UTC', () => {
    expect(parseInstant('2027-06-30T12:00:00')).toEqual({
      ok: false,
      reason: "'2027-06-30T12:00:00' has no time zone offset",
      hint: "add one, e.g. '2027-06-30T12:00:00Z' for UTC",
    });
    // A space between date and time is turned into the T the hint's form needs.
    expect(parseInstant('2027-06-30 12:00')).toMatchObject({
      ok: false,
      hint: "add one, e.g. '2027-06-30T12:00Z' for UTC",
    });
  });

  it.each(['next week', '30/06/2027', '2027-6-30', ''])('refuses %j as not a date or an instant', (text) => {
    expect(parseInstant(text)).toEqual({
      ok: false,
      reason: `'${text}' is not a date or an instant`,
      hint: "write a date like '2027-06-30' or an instant like '2027-06-30T12:00:00Z'",
    });
  });
});

describe('formatInstant and formatDate', () => {
  it('render in UTC', () => {
    expect(formatInstant(0)).toBe('1970-01-01T00:00:00.000Z');
    expect(formatDate(0)).toBe('1970-01-01');
    // 23:30 at -02:00 is 01:30 UTC the next day.
    const parsed = parseInstant('2027-06-30T23:30:00-02:00');
    if (!parsed.ok) throw new Error('should parse');
    expect(formatInstant(parsed.epochMs)).toBe('2027-07-01T01:30:00.000Z');
    expect(formatDate(parsed.epochMs)).toBe('2027-07-01');
  });
});
