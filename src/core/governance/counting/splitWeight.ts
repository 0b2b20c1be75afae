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

/** The one option a split gives a positive share to, or undefined when it gives to several or none. */
export function soleOption(
  split: Readonly<Record<string, number>>,
  options: readonly string[],
): string | undefined {
  let sole: string | undefined;
  for (const option of options) {
    const share = split[option];
    if (share === undefined || share <= 0) continue;
    if (sole !== undefined) return undefined;
    sole = option;
  }
  return sole;
}

/**
 * Divides `weight` among the options of a split exactly, by cumulative rounding: taking the
 * options with a positive share in the order of `options`, the first k of them receive together
 * ⌊weight · (their shares) / Σshares⌋. Each part is therefore its exact share rounded down or up
 * (never off by a whole unit), the parts always add up to `weight`, and the rule depends on one
 * ballot only, so the order of ballots never matters.
 *
 * @example
 * splitWeight({ weight: 10n, split: { a: 1, b: 1, c: 1 }, options: ['a', 'b', 'c'] })
 * // a ⌊10·1/3⌋ = 3; a+b ⌊10·2/3⌋ = 6, so b 3; all 10, so c 4: [['a', 3n], ['b', 3n], ['c', 4n]]
 */
export function splitWeight(args: {
  weight: bigint;
  split: Readonly<Record<string, number>>;
  options: readonly string[];
}): [string, bigint][] {
  const named: string[] = [];
  const shares: number[] = [];
  let whole = 0;
  for (const option of args.options) {
    const share = args.split[option];
    if (share === undefined || share <= 0) continue;
    named.push(option);
    shares.push(share);
    whole += share;
  }
  if (named.length === 0) return [];
  // Shares are whole numbers; their sum stays exact in a double up to 2⁵³, and in bigint beyond.
  const exact = Number.isSafeInteger(whole);
  const total = exact ? BigInt(whole) : shares.reduce((sum, share) => sum + BigInt(share), 0n);
  const parts: [string, bigint][] = [];
  let cumulative = 0;
  let cumulativeBig = 0n;
  let given = 0n;
  for (let i = 0; i < named.length - 1; i++) {
    let upTo: bigint;
    if (exact) {
      cumulative += shares[i]!;
      upTo = (args.weight * BigInt(cumulative)) / total;
    } else {
      cumulativeBig += BigInt(shares[i]!);
      upTo = (args.weight * cumulativeBig) / total;
    }
    parts.push([named[i]!, upTo - given]);
    given = upTo;
  }
  parts.push([named[named.length - 1]!, args.weight - given]);
  return parts;
}
