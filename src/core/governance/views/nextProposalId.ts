/**
 * The id a new proposal on `unit` gets unless one is chosen: `<unit>-<n>` with `n` one more than
 * the number of proposals, raised past any id already taken. The CLI and the dashboard both call
 * it, so a proposal opened from either is named the same way.
 *
 * @example
 * nextProposalId({ unit: 'treasury', taken: ['treasury-1', 'brand-2'] }) // 'treasury-3'
 */
export function nextProposalId(args: { unit: string; taken: readonly string[] }): string {
  const stem =
    args.unit
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'p';
  const base = /^[a-z]/.test(stem) ? stem : `p-${stem}`;
  const taken = new Set(args.taken);
  let n = taken.size + 1;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
