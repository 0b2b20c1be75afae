import { describe, expect, it } from 'vitest';
import { describeDuration, formatDuration, parseDuration } from './Duration.js';

const DAY = 86_400;
const HOUR = 3_600;

describe('parseDuration', () => {
  // One table for the three forms a charter may write a duration in; its rows are alike by design,
  // one case each (the tool that finds duplicates pairs the table with itself).
  it.each([
    ['ISO-8601', 'P7D', 7 * DAY],
    ['ISO-8601', 'PT12H', 12 * HOUR],
    ['ISO-8601', 'P2W', 14 * DAY],
    // 1 day + 6 hours = 86,400 + 21,600
    ['ISO-8601', 'P1DT6H', DAY + 6 * HOUR],
    ['ISO-8601', 'PT30M', 30 * 60],
    ['ISO-8601', 'PT45S', 45],
    // In the time part, M means minutes, not months.
    ['ISO-8601', 'PT1M', 60],
    ['ISO-8601', 'P0D', 0],
    ['short', '7d', 7 * DAY],
    ['short', '12h', 12 * HOUR],
    ['short', '2w', 14 * DAY],
    ['short', '1d6h', DAY + 6 * HOUR],
    ['short', '30m', 30 * 60],
    ['short', '45s', 45],
    // 1 week + 2 days + 3 hours + 4 minutes + 5 seconds = 604,800 + 172,800 + 10,800 + 240 + 5
    ['short', '1w2d3h4m5s', 788_645],
    ['short', '0s', 0],
    ['words', '7 days', 7 * DAY],
    ['words', '1 day', DAY],
    ['words', '12 hours', 12 * HOUR],
    ['words', '2 weeks', 14 * DAY],
    // 1 week + 2 days = 604,800 + 172,800
    ['words', '1 week 2 days', 777_600],
    // 1 day + 6 hours = 86,400 + 21,600, however the parts are joined
    ['words', '1 day, 6 hours', DAY + 6 * HOUR],
    ['words', '1 day and 6 hours', DAY + 6 * HOUR],
    ['words', '30 minutes', 30 * 60],
    ['words', '45 seconds', 45],
    // The short form as formatDuration writes it, with spaces between its parts.
    ['words', '1d 12h', DAY + 12 * HOUR],
  ])('reads the %s form %s as %i seconds', (_form, text, seconds) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  it.each(['7 fortnights', '2 days 1 week', '1 day 1 day', '7 Days', 'days 7', '7 days ago'])(
    'refuses %j: an unknown unit, units out of order or twice, or words around the number',
    (text) => {
      expect(parseDuration(text)).toEqual({
        ok: false,
        reason: `'${text}' is not a duration`,
        hint: "write 7d, 12h, '7 days', '12 hours', or ISO-8601 like P7D or PT12H",
      });
    },
  );

  it('ignores surrounding blanks', () => {
    expect(parseDuration('  7d ')).toEqual({ ok: true, seconds: 7 * DAY });
  });

  it.each(['P1M', 'P1Y', 'P1Y2D', 'P6M'])(
    'refuses %s, because months and years have no fixed length, and hints at days or weeks',
    (text) => {
      const parsed = parseDuration(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.reason).toBe(`duration '${text}' uses months or years, whose length varies`);
      expect(parsed.hint).toBe('write it in days or weeks, e.g. P30D or P52W');
    },
  );

  it.each(['', 'P', 'PT', 'P1DT', '7D', '1h1d', '-1d', '1.5d', 'seven days', 'P7'])(
    'refuses %j as not a duration, with a hint showing both forms',
    (text) => {
      const parsed = parseDuration(text);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.reason).toBe(`'${text}' is not a duration`);
      expect(parsed.hint).toContain('P7D');
      expect(parsed.hint).toContain('7d');
    },
  );

  it('refuses a duration too long to count exactly in seconds', () => {
    // 99,999,999,999,999,999 days is far beyond Number.MAX_SAFE_INTEGER seconds.
    const parsed = parseDuration('P99999999999999999D');
    expect(parsed).toMatchObject({ ok: false, reason: "duration 'P99999999999999999D' is too long" });
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [59, '59s'],
    [HOUR, '1h'],
    // 129,600 s = 1 day (86,400) + 12 hours (43,200)
    [129_600, '1d 12h'],
    // 90,061 s = 86,400 + 3,600 + 60 + 1
    [90_061, '1d 1h 1m 1s'],
    // Weeks are written as days: 7d reads more plainly than 1w.
    [7 * DAY, '7d'],
    [14 * DAY, '14d'],
  ])('renders %i seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('renders what parseDuration reads back to the same number of seconds', () => {
    for (const text of ['P7D', 'PT12H', 'P1DT6H', '1w2d3h4m5s', '45s']) {
      const first = parseDuration(text);
      if (!first.ok) throw new Error(`${text} should parse`);
      const again = parseDuration(formatDuration(first.seconds));
      expect(again).toEqual(first);
    }
  });
});

describe('describeDuration', () => {
  it.each([
    [7 * DAY, '7 days'],
    [DAY, '1 day'],
    [HOUR, '1 hour'],
    [2 * HOUR, '2 hours'],
    [60, '1 minute'],
    // 90 s is not a whole number of minutes, so it is said in seconds.
    [90, '90 seconds'],
    [0, 'no time'],
  ])('says %i seconds as %s', (seconds, words) => {
    expect(describeDuration(seconds)).toBe(words);
  });
});
