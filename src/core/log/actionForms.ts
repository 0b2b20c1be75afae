/**
 * A pattern that also checks the calendar: `YYYY-MM-DDTHH:MM:SS[.fraction]Z` with a month from 01
 * to 12, a day that month has (29 February only in a leap year of the Gregorian calendar), an
 * hour to 23, a minute and a second to 59 (no leap second). A `RegExp`, so every reader that
 * tests a form tests this one the same way; `source` is the shape alone, for JSON Schema.
 */
class UtcInstantPattern extends RegExp {
  constructor() {
    super(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z$/.source);
  }
  override test(text: string): boolean {
    // The shape first, with a plain RegExp (no match array), then the calendar read from the
    // digits at their fixed places: every event carries two instants, so this runs twice per event.
    return (
      UTC_INSTANT_SHAPE.test(text) &&
      isRealInstant(
        digits(text, 0, 4),
        digits(text, 5, 2),
        digits(text, 8, 2),
        digits(text, 11, 2),
        digits(text, 14, 2),
        digits(text, 17, 2),
      )
    );
  }
}

/** The shape `UtcInstantPattern` checks before the calendar: its own pattern, as a plain RegExp. */
const UTC_INSTANT_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** The number written by the `count` ASCII digits of `text` from `start`. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/** The months of 30 days. */
const SHORT_MONTHS: readonly number[] = [4, 6, 9, 11];

/** Days in `month` (1–12) of `year`, Gregorian: 2024 is a leap year, 1900 is not, 2000 is. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return SHORT_MONTHS.includes(month) ? 30 : 31;
}

function isRealInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59
  );
}

/**
 * The forms of a signed action's and an event's fields, as "The log format" in the README states
 * them. One set, used by the store (checking what it receives) and by the verifier (checking what
 * it reads), so the two can never accept different logs.
 */
export const ACTION_FORMS = {
  /** An organization or member id: lower-case letters and digits in dash-separated words, ≤ 64. */
  id: /^(?=.{1,64}$)[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
  /** An action kind such as `charter.amend`. */
  kind: /^[a-z][a-z0-9.-]{0,63}$/,
  /**
   * A public identity: `ed25519:` and 43 base64url characters in their one canonical spelling (the
   * last character's two unused low bits zero), or a 0x Ethereum address. The same form wherever
   * a key is read: an action's `key`, a `key.rotate` payload, a charter's `members[].key`.
   */
  key: /^(ed25519:[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]|0x[0-9a-fA-F]{40})$/,
  /** 16 to 128 base64url characters. */
  nonce: /^[A-Za-z0-9_-]{16,128}$/,
  /** ISO-8601 UTC, `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, and a real date and time. */
  isoUtc: new UtcInstantPattern() as RegExp,
  /** An event hash: 64 lower-case hex digits. */
  hash: /^[0-9a-f]{64}$/,
} as const;
