import { MAX_WHOLE } from './divideLimbs.js';
import type { OptionIndex } from './limbSums.js';

/**
 * The positive shares of the last split `readSplit` read, in the order of the proposal's options:
 * `options[k]` is the position of the k-th in `options`, `shares[k]` its share, `whole` their sum.
 */
export const splitRead = { count: 0, whole: 0, options: new Int32Array(8), shares: new Float64Array(8) };

/**
 * Reads a split ballot's positive shares through its own keys (`for … in`, far cheaper per ballot
 * than asking for every option by name) for the limb paths of weighted split and quadratic voting.
 * Returns false when a share is not a whole number, or a share or their sum exceeds 2²⁰: the
 * ballot is then counted the ordinary way, which handles (or refuses) it exactly as before.
 * `index` comes from `optionIndex` over `length` options, so no option is a name the object
 * inherits; keys that are not options are ignored, as reading `split[option]` for each option
 * ignores them.
 */
export function readSplit(
  split: Readonly<Record<string, number>>,
  index: OptionIndex,
  length: number,
): boolean {
  if (splitRead.options.length < length) {
    splitRead.options = new Int32Array(length);
    splitRead.shares = new Float64Array(length);
  }
  const { options, shares } = splitRead;
  let count = 0;
  let whole = 0;
  for (const key in split) {
    const position = index[key];
    if (position === undefined) continue;
    const share = split[key];
    if (share === undefined) return false;
    if (share <= 0) continue;
    if (!Number.isInteger(share) || share > MAX_WHOLE) return false;
    whole += share;
    // Insertion by position: ballots name few options.
    let k = count++;
    for (; k > 0 && options[k - 1]! > position; k--) {
      options[k] = options[k - 1]!;
      shares[k] = shares[k - 1]!;
    }
    options[k] = position;
    shares[k] = share;
  }
  if (whole > MAX_WHOLE) return false;
  splitRead.count = count;
  splitRead.whole = whole;
  return true;
}
