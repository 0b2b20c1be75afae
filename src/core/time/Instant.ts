import { quote } from '../text/quote.js';
/**
 * Instants in charters are ISO-8601 with an offset (`2027-06-30T00:00:00Z`,
 * `2027-06-30T09:00:00+02:00`) or a calendar date (`2027-06-30`), which means the start of that
 * day in UTC. They are held as milliseconds since the Unix epoch, always UTC.
 */
export type InstantParse = { ok: true; epochMs: number } | { ok: false; reason: string; hint: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;
const NAIVE_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * @example
 * parseInstant('2027-06-30') // { ok: true, epochMs: 1814313600000 } — midnight UTC
 */
export function parseInstant(text: string): InstantParse {
  const trimmed = text.trim();
  const date = DATE.exec(trimmed);
  const dateTime = date === null ? DATE_TIME.exec(trimmed) : null;
  const parts = date ?? dateTime;
  if (parts === null) {
    if (NAIVE_DATE_TIME.test(trimmed)) {
      return {
        ok: false,
        reason: `${quote(text)} has no time zone offset`,
        hint: `add one, e.g. '${trimmed.replace(' ', 'T')}Z' for UTC`,
      };
    }
    return {
      ok: false,
      reason: `${quote(text)} is not a date or an instant`,
      hint: "write a date like '2027-06-30' or an instant like '2027-06-30T12:00:00Z'",
    };
  }
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const [hour, minute, second] = [Number(parts[4] ?? 0), Number(parts[5] ?? 0), Number(parts[6] ?? 0)];
  const fraction = parts[7] === undefined ? 0 : Number(`0.${parts[7]}`) * 1000;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return {
      ok: false,
      reason: `${quote(text)} is not a real calendar date or time`,
      hint: 'check the day and month',
    };
  }
  const offset = parts[8];
  let offsetMinutes = 0;
  if (offset !== undefined && offset !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const hours = Number(offset.slice(1, 3));
    const minutes = Number(offset.slice(4, 6));
    if (hours > 23 || minutes > 59) {
      return {
        ok: false,
        reason: `${quote(text)} has an impossible offset ${offset}`,
        hint: 'offsets run from -23:59 to +23:59',
      };
    }
    offsetMinutes = sign * (hours * 60 + minutes);
  }
  return { ok: true, epochMs: local + Math.floor(fraction) - offsetMinutes * 60_000 };
}

/** The canonical UTC rendering of an instant: `formatInstant(0)` is `'1970-01-01T00:00:00.000Z'`. */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The UTC calendar date of an instant: `formatDate(0)` is `'1970-01-01'`. */
export function formatDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
