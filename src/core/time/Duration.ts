import { quote } from '../text/quote.js';
/**
 * Durations in charters are written as ISO-8601 (`P7D`, `PT12H`, `P2W`, `P1DT6H`) or in the short
 * form (`7d`, `12h`, `2w`, `1d6h`, `30m`, `45s`). They are held as whole seconds.
 *
 * Months and years are refused: their length varies, and a veto window or a timelock must mean the
 * same number of seconds whenever it is read.
 */
export type DurationParse = { ok: true; seconds: number } | { ok: false; reason: string; hint: string };

const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const SHORT = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const CALENDAR = /^P(?:\d+Y)?(?:\d+M)?/;

const UNIT_SECONDS = [7 * 86_400, 86_400, 3_600, 60, 1] as const;

/**
 * @example
 * parseDuration('P7D') // { ok: true, seconds: 604800 }
 * parseDuration('36h') // { ok: true, seconds: 129600 }
 */
export function parseDuration(text: string): DurationParse {
  const trimmed = text.trim();
  const match = ISO.exec(trimmed) ?? SHORT.exec(trimmed);
  if (match !== null && trimmed !== 'P' && trimmed !== '' && !trimmed.endsWith('T')) {
    let seconds = 0;
    for (let i = 0; i < UNIT_SECONDS.length; i++) {
      const part = match[i + 1];
      if (part !== undefined) seconds += Number(part) * UNIT_SECONDS[i]!;
    }
    if (!Number.isSafeInteger(seconds)) {
      return {
        ok: false,
        reason: `duration ${quote(text)} is too long`,
        hint: 'use at most a few years in days',
      };
    }
    return { ok: true, seconds };
  }
  if (/^P/.test(trimmed) && CALENDAR.exec(trimmed)?.[0] !== 'P') {
    return {
      ok: false,
      reason: `duration ${quote(text)} uses months or years, whose length varies`,
      hint: 'write it in days or weeks, e.g. P30D or P52W',
    };
  }
  return {
    ok: false,
    reason: `${quote(text)} is not a duration`,
    hint: 'write ISO-8601 like P7D or PT12H, or the short form like 7d, 12h, 2w',
  };
}

/**
 * Renders seconds in the short form, largest units first, without weeks (7d reads more plainly
 * than 1w): `formatDuration(129600)` is `'1d 12h'`. Zero renders as `'0s'`.
 */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, name] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) {
      parts.push(`${count}${name}`);
      rest -= count * size;
    }
  }
  return parts.join(' ');
}

/** Plain words for a duration: `describeDuration(604800)` is `'7 days'`, `describeDuration(3600)` `'1 hour'`. */
export function describeDuration(seconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const count = seconds / size;
      return `${count} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return seconds === 0 ? 'no time' : formatDuration(seconds);
}

/** A duration before a noun: `durationAdjective(7776000)` is `'90-day'` (a 90-day window). */
export function durationAdjective(seconds: number): string {
  return describeDuration(seconds).replace(/^(\d+) (day|hour|minute|second)s?$/, '$1-$2');
}
