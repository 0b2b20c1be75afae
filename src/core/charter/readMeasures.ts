import { parseRatio, type Ratio } from '../ratio/Ratio.js';
import type { Path } from '../schema/Schema.js';
import { parseDuration } from '../time/Duration.js';
import { parseInstant } from '../time/Instant.js';
import type { ResolveContext } from './ResolveContext.js';

/**
 * Durations, instants and ratios read while resolving. The schema refuses malformed ones before
 * resolution, but a charter handed to `resolveCharter` directly has not been through it, so a
 * value that does not parse is reported where it was written — never read as zero.
 *
 * @example
 * const seconds = durationAt({ context, text: '7 days', path: ['units', 0, 'policies', 'community', 'timelock'] }); // 604800
 */
export function durationAt(args: { context: ResolveContext; text: string; path: Path }): number | undefined {
  const parsed = parseDuration(String(args.text));
  if (parsed.ok) return parsed.seconds;
  args.context.error({
    path: args.path,
    code: 'charter/bad-duration',
    message: parsed.reason,
    hint: parsed.hint,
  });
  return undefined;
}

/** Milliseconds since the epoch of a date or instant, or undefined after reporting why not. */
export function instantAt(args: { context: ResolveContext; text: string; path: Path }): number | undefined {
  const parsed = parseInstant(String(args.text));
  if (parsed.ok) return parsed.epochMs;
  args.context.error({
    path: args.path,
    code: 'charter/bad-instant',
    message: parsed.reason,
    hint: parsed.hint,
  });
  return undefined;
}

/** A ratio in [0, 1], or undefined after reporting why not. */
export function ratioAt(args: {
  context: ResolveContext;
  value: number | string;
  path: Path;
}): Ratio | undefined {
  const parsed = parseRatio(typeof args.value === 'number' ? args.value : String(args.value));
  if (parsed.ok) return parsed.ratio;
  args.context.error({
    path: args.path,
    code: 'charter/bad-ratio',
    message: parsed.reason,
    hint: parsed.hint,
  });
  return undefined;
}
