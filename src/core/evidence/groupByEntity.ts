/**
 * Sums amounts per entity so concentration counts entities, not addresses: a holder with no
 * entity stands for itself. Keys of the result are `entity` names, or the holder's own key.
 *
 * @example
 * groupByEntity({ amounts: new Map([['a', 2n], ['b', 3n], ['c', 1n]]), entities: new Map([['a', 'X'], ['b', 'X']]) })
 * // Map { 'X' => 5n, 'c' => 1n }
 */
export function groupByEntity(args: {
  amounts: ReadonlyMap<string, bigint>;
  entities: ReadonlyMap<string, string>;
}): Map<string, bigint> {
  const grouped = new Map<string, bigint>();
  for (const [holder, amount] of args.amounts) {
    const entity = args.entities.get(holder) ?? holder;
    grouped.set(entity, (grouped.get(entity) ?? 0n) + amount);
  }
  return grouped;
}
