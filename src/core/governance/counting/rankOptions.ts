/** The outcome of choosing `winners` options by their totals. */
export interface RankedOptions {
  readonly outcome: 'decided' | 'tied' | 'rejected';
  /** Chosen options, best first; on a tie, only those placed strictly above it. */
  readonly winners: readonly string[];
}

/**
 * Chooses the `winners` options with the largest totals, the rule shared by every method that
 * chooses among named options (approval, quadratic, weighted split).
 *
 * Tie rule: options are never told apart by the order they were listed in, which the proposer
 * chose. When the last winning place is shared (the `winners`-th and the next option have equal
 * totals), the outcome is `tied` and only the options strictly above the tie are listed. An option
 * with a total of zero never wins: when fewer options than `winners` received any weight, those
 * that did win, and when none did the outcome is `rejected`.
 *
 * @example
 * rankOptions({ options: ['a', 'b', 'c'], totals: { a: 5n, b: 9n, c: 5n }, winners: 1 })
 * // { outcome: 'decided', winners: ['b'] }
 * rankOptions({ options: ['a', 'b', 'c'], totals: { a: 5n, b: 9n, c: 5n }, winners: 2 })
 * // { outcome: 'tied', winners: ['b'] }
 */
export function rankOptions(args: {
  options: readonly string[];
  totals: Readonly<Record<string, bigint>>;
  winners: number;
}): RankedOptions {
  const total = (option: string) => args.totals[option] ?? 0n;
  const ranked = args.options
    .filter((option) => total(option) > 0n)
    .sort((a, b) => (total(a) > total(b) ? -1 : total(a) < total(b) ? 1 : 0));
  if (ranked.length === 0) return { outcome: 'rejected', winners: [] };
  if (ranked.length <= args.winners) return { outcome: 'decided', winners: ranked };
  const cut = total(ranked[args.winners - 1]!);
  if (total(ranked[args.winners]!) === cut) {
    return { outcome: 'tied', winners: ranked.filter((option) => total(option) > cut) };
  }
  return { outcome: 'decided', winners: ranked.slice(0, args.winners) };
}
