import { quote } from '../text/quote.js';
/**
 * Durations in charters are written as ISO-8601 (`P7D`, `PT12H`, `P2W`, `P1DT6H`), in the short
 * form (`7d`, `12h`, `2w`, `1d6h`, `1d 6h`, `30m`, `45s`) or in words (`7 days`, `12 hours`,
 * `1 week 2 days`). They are held as whole seconds.
 *
 * Months and years are refused: their length varies, and a veto window or a timelock must mean the
 * same number of seconds whenever it is read.
 */
export type DurationParse = { ok: true; seconds: number } | { ok: false; reason: string; hint: string };

/** The accepted forms, in the words every duration error uses. */
export const DURATION_FORMS = "7d, 12h, '7 days', '12 hours', or ISO-8601 like P7D or PT12H";

const ISO = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const SHORT = /^(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const CALENDAR = /^P(?:\d+Y)?(?:\d+M)?/;
/** `7 days`, `1 week 2 days`, `1 day, 6 hours`: one number and one unit word per part. */
const WORD_PART = /^(\d+)\s*(weeks?|days?|hours?|minutes?|seconds?)$/;
const WORD_SECONDS: Record<string, number> = {
  week: 7 * 86_400,
  day: 86_400,
  hour: 3_600,
  minute: 60,
  second: 1,
};

const UNIT_SECONDS = [7 * 86_400, 86_400, 3_600, 60, 1] as const;

/**
 * @example
 * parseDuration('P7D') // { ok: true, seconds: 604800 }
 * parseDuration('36h') // { ok: true, seconds: 129600 }
 * parseDuration('7 days') // { ok: true, seconds: 604800 }
 */
export function parseDuration(text: string): DurationParse {
  const trimmed = text.trim();
  const seconds = isoOrShort(trimmed) ?? inWords(trimmed);
  if (seconds !== undefined) {
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
  return { ok: false, reason: `${quote(text)} is not a duration`, hint: `write ${DURATION_FORMS}` };
}

/** Seconds of an ISO-8601 or short-form duration (the short form's parts may be spaced: `1d 6h`). */
function isoOrShort(text: string): number | undefined {
  const compact = /^\d/.test(text) ? text.replace(/\s+/g, '') : text;
  const match = ISO.exec(compact) ?? SHORT.exec(compact);
  if (match === null || compact === 'P' || compact === '' || compact.endsWith('T')) return undefined;
  let seconds = 0;
  for (let i = 0; i < UNIT_SECONDS.length; i++) {
    const part = match[i + 1];
    if (part !== undefined) seconds += Number(part) * UNIT_SECONDS[i]!;
  }
  return seconds;
}

/** Seconds of a duration in words, largest unit first, each unit at most once: `1 week 2 days`. */
function inWords(text: string): number | undefined {
  const parts = text.match(/\d+\s*[a-z]+/g);
  if (parts === null || parts.join('').replace(/\s/g, '') !== text.replace(/[\s,]|\band\b/g, '')) {
    return undefined;
  }
  let seconds = 0;
  let previous = Number.POSITIVE_INFINITY;
  for (const part of parts) {
    const match = WORD_PART.exec(part);
    if (match === null) return undefined;
    const size = WORD_SECONDS[match[2]!.replace(/s$/, '')]!;
    if (size >= previous) return undefined;
    previous = size;
    seconds += Number(match[1]) * size;
  }
  return seconds;
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
