/**
 * Edit distance between two strings, in UTF-16 code units: insertions, deletions, substitutions
 * and swaps of two adjacent characters each count one (the optimal string alignment distance).
 * Swaps count one because they are among the commonest typos: 'emial' is one edit from 'email'.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  // Three rows of the dynamic-programming table: two rows back (for swaps), the previous, the current.
  let twoBack = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      ) {
        best = Math.min(best, twoBack[j - 2]! + 1);
      }
      current[j] = best;
    }
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length]!;
}

/**
 * The closest candidate to a misspelt name, or `undefined` when nothing is close enough to be a
 * plausible typo (at most a third of the name's length in edits, and at least one).
 *
 * @example
 * didYouMean({ input: 'tresury', candidates: ['treasury', 'brand'] }) // 'treasury'
 */
export function didYouMean(args: { input: string; candidates: Iterable<string> }): string | undefined {
  const input = args.input.toLowerCase();
  const limit = Math.max(1, Math.floor(input.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of args.candidates) {
    const distance = editDistance(input, candidate.toLowerCase());
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Renders `did you mean 'x'?` or, failing that, the list of valid names (shortened when long). */
export function suggestionHint(args: { input: string; candidates: readonly string[]; noun: string }): string {
  const match = didYouMean({ input: args.input, candidates: args.candidates });
  if (match !== undefined) return `did you mean '${match}'?`;
  if (args.candidates.length === 0) return `no ${args.noun} is declared`;
  const shown = args.candidates.slice(0, 8).map((c) => `'${c}'`);
  const more = args.candidates.length > 8 ? `, … (${args.candidates.length} in all)` : '';
  return `known ${args.noun}s: ${shown.join(', ')}${more}`;
}
