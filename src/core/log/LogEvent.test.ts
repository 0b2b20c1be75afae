import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';
import { EVENT_DOMAIN, eventHashText, eventLine, type LogEvent } from './LogEvent.js';

const events = fc.record({
  seq: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  prev: fc.option(fc.string(), { nil: null }),
  recordedAt: fc.string(),
  action: fc.jsonValue(),
  signature: fc.string(),
  hash: fc.string(),
}) as unknown as fc.Arbitrary<LogEvent>;

/** The definitions as the log format states them: canonical JSON of the fields. */
const hashTextByRule = ({ action, prev, recordedAt, seq, signature }: LogEvent) =>
  EVENT_DOMAIN + canonicalJson({ action, prev, recordedAt, seq, signature });

describe('an event’s hash text and line', () => {
  it('are the canonical JSON of its fields, with or without the action’s text made beforehand', () => {
    fc.assert(
      fc.property(events, (event) => {
        const actionText = canonicalJson(event.action);
        expect(eventHashText(event)).toBe(hashTextByRule(event));
        expect(eventHashText(event, actionText)).toBe(hashTextByRule(event));
        expect(eventLine(event)).toBe(canonicalJson(event));
        expect(eventLine(event, actionText)).toBe(canonicalJson(event));
      }),
      { numRuns: 1_000 },
    );
  });

  it('encode a malformed event as canonical JSON does, refusing what it refuses', () => {
    const event = {
      seq: 3,
      prev: null,
      recordedAt: '2026-01-01T00:00:00.000Z',
      action: { a: 1 },
      signature: 's',
      hash: 'h',
    };
    for (const odd of [
      { ...event, recordedAt: undefined },
      { ...event, prev: 7 },
      { ...event, seq: 1.5 },
      { ...event, signature: ['x'] },
      { ...event, hash: undefined },
    ] as unknown as LogEvent[]) {
      expect(eventHashText(odd, '{"a":1}')).toBe(hashTextByRule(odd));
      expect(eventLine(odd, '{"a":1}')).toBe(canonicalJson(odd));
    }
    for (const bad of [
      { ...event, seq: Number.NaN },
      { ...event, recordedAt: 1n },
    ] as unknown as LogEvent[]) {
      expect(() => eventHashText(bad)).toThrow(expect.objectContaining({ code: 'log/not-json' }));
      expect(() => eventLine(bad)).toThrow(expect.objectContaining({ code: 'log/not-json' }));
    }
  });
});
