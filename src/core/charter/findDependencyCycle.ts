import type { Unit } from '../model/Organization.js';

/** One dependency on a cycle: `unit` at `from` needs `on.unit` at `on.level`. */
export interface CycleEdge {
  readonly unit: string;
  /** Index in the unit's `dependsOn`. */
  readonly dependency: number;
  readonly from: number;
  readonly on: { readonly unit: string; readonly level: number };
}

/**
 * Finds a set of dependencies that no order of slider moves can satisfy, or undefined.
 *
 * The graph's nodes are (unit, level) pairs. Reaching level l of a unit needs level l-1 of the
 * same unit first, and a dependency "A at ≥ from needs B at ≥ k" makes (A, from) need (B, k).
 * A cycle in that graph is a deadlock; a cycle between units alone need not be one (A ≥ 2 needs
 * B ≥ 1 while B ≥ 3 needs A ≥ 3 is satisfiable: B to 1, A to 3, B to 3).
 *
 * @example
 * findDependencyCycle({ units }) // [{ unit: 'treasury', dependency: 0, from: 3, on: { unit: 'upgrades', level: 3 } }, …]
 */
export function findDependencyCycle(args: { units: readonly Unit[] }): readonly CycleEdge[] | undefined {
  const index = new Map<string, number>(); // unit id → offset of its level 0 node
  let size = 0;
  for (const unit of args.units) {
    index.set(unit.id, size);
    size += unit.levels.length;
  }
  // Outgoing edges per node: the level below, then dependencies (with their edge labels).
  const edges: { to: number; edge?: CycleEdge }[][] = Array.from({ length: size }, () => []);
  for (const unit of args.units) {
    const base = index.get(unit.id)!;
    for (let level = 1; level < unit.levels.length; level++)
      edges[base + level]!.push({ to: base + level - 1 });
    unit.dependsOn.forEach((dependency, i) => {
      const target = index.get(dependency.unit);
      if (target === undefined) return;
      edges[base + dependency.from]!.push({
        to: target + dependency.level,
        edge: {
          unit: unit.id,
          dependency: i,
          from: dependency.from,
          on: { unit: dependency.unit, level: dependency.level },
        },
      });
    });
  }
  // Iterative depth-first search with colours: 0 unvisited, 1 on the stack, 2 done.
  const colour = new Uint8Array(size);
  for (let start = 0; start < size; start++) {
    if (colour[start] !== 0) continue;
    const stack: { node: number; next: number; via: CycleEdge | undefined }[] = [
      { node: start, next: 0, via: undefined },
    ];
    colour[start] = 1;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const out = edges[frame.node]!;
      if (frame.next >= out.length) {
        colour[frame.node] = 2;
        stack.pop();
        continue;
      }
      const { to, edge } = out[frame.next++]!;
      if (colour[to] === 1) {
        const from = stack.findIndex((f) => f.node === to);
        const cycle = [...stack.slice(from + 1).map((f) => f.via), edge];
        return cycle.filter((e): e is CycleEdge => e !== undefined);
      }
      if (colour[to] === 0) {
        colour[to] = 1;
        stack.push({ node: to, next: 0, via: edge });
      }
    }
  }
  return undefined;
}
