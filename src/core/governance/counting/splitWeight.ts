import { s } from '../../schema/Schema.js';

/** A ballot dividing the voter's weight among options in proportion to whole-number shares. */
export const splitBallot = s
  .object(
    {
      split: s
        .record(s.integer({ min: 0 }), 'shares per option')
        .describe('Whole-number shares per option; the weight is divided in proportion to them.'),
    },
    'ballot',
  )
  .describe('A division of the voter’s weight among the options, e.g. { "a": 3, "b": 1 } for 75% / 25%.');
export type SplitBallot = typeof splitBallot.type;

/** Finds the first problem with a split: an unknown option, or no positive share at all. */
export function checkSplit(args: { ballot: SplitBallot; options: readonly string[] }): string | undefined {
  let positive = false;
  for (const [option, share] of Object.entries(args.ballot.split)) {
    if (!args.options.includes(option))
      return `'${option}' is not one of the options (${args.options.join(', ')})`;
    if (share > 0) positive = true;
  }
  return positive ? undefined : 'the split gives no share to any option';
}

/** The one option a split gives a positive share to, or undefined when it divides among several. */
export function soleOption(split: Readonly<Record<string, number>>): string | undefined {
  let sole: string | undefined;
  for (const option in split) {
    if (split[option]! <= 0) continue;
    if (sole !== undefined) return undefined;
    sole = option;
  }
  return sole;
}

/**
 * Divides `weight` among the options of a split exactly, by largest remainder: each option gets
 * ⌊weight · share / Σshares⌋, and the units left over go one each to the options with the largest
 * remainders; equal remainders go in the order of `options` (a rule within one ballot only, so the
 * order of ballots never matters). The parts always add up to `weight`.
 *
 * @example
 * splitWeight({ weight: 10n, split: { a: 1, b: 1, c: 1 }, options: ['a', 'b', 'c'] })
 * // 10·1/3 = 3 rem 1 each; one unit left over, to 'a' (first in order): { a: 4n, b: 3n, c: 3n }
 */
export function splitWeight(args: {
  weight: bigint;
  split: Readonly<Record<string, number>>;
  options: readonly string[];
}): Map<string, bigint> {
  const parts = new Map<string, bigint>();
  const entries: [string, bigint][] = [];
  let shares = 0n;
  for (const option of args.options) {
    const share = args.split[option];
    if (share === undefined || share <= 0) continue;
    entries.push([option, BigInt(share)]);
    shares += BigInt(share);
  }
  if (shares === 0n) return parts;
  if (entries.length === 1) {
    parts.set(entries[0]![0], args.weight);
    return parts;
  }
  let given = 0n;
  const remainders: [string, bigint][] = [];
  for (const [option, share] of entries) {
    const product = args.weight * share;
    const part = product / shares;
    parts.set(option, part);
    given += part;
    remainders.push([option, product % shares]);
  }
  let left = args.weight - given;
  if (left > 0n) {
    // Stable sort: equal remainders keep the options' order.
    remainders.sort((a, b) => (a[1] > b[1] ? -1 : a[1] < b[1] ? 1 : 0));
    for (const [option] of remainders) {
      if (left === 0n) break;
      parts.set(option, parts.get(option)! + 1n);
      left--;
    }
  }
  return parts;
}
