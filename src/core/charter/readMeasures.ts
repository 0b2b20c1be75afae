import type { CodeIn } from '../errors/ErrorCode.js';
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
  return parsed.ok ? parsed.seconds : refuse({ ...args, code: 'charter/bad-duration', refusal: parsed });
}

/** Milliseconds since the epoch of a date or instant, or undefined after reporting why not. */
export function instantAt(args: { context: ResolveContext; text: string; path: Path }): number | undefined {
  const parsed = parseInstant(String(args.text));
  return parsed.ok ? parsed.epochMs : refuse({ ...args, code: 'charter/bad-instant', refusal: parsed });
}

/** A ratio in [0, 1], or undefined after reporting why not. */
export function ratioAt(args: {
  context: ResolveContext;
  value: number | string;
  path: Path;
}): Ratio | undefined {
  const parsed = parseRatio(typeof args.value === 'number' ? args.value : String(args.value));
  return parsed.ok ? parsed.ratio : refuse({ ...args, code: 'charter/bad-ratio', refusal: parsed });
}

function refuse(args: {
  context: ResolveContext;
  path: Path;
  code: CodeIn<'charter'>;
  refusal: { readonly reason: string; readonly hint: string };
}): undefined {
  args.context.error({
    path: args.path,
    code: args.code,
    message: args.refusal.reason,
    hint: args.refusal.hint,
  });
  return undefined;
}
