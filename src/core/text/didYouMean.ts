/** Edit distance (Levenshtein) between two strings, in UTF-16 code units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
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
