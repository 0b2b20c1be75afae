import { describe, expect, it } from 'vitest';
import type { Dependency, Policy, Unit } from '../model/Organization.js';
import { findDependencyCycle } from './findDependencyCycle.js';

const POLICY: Policy = {
  propose: [],
  method: 'single-owner',
  deciders: [],
  weight: { kind: 'equal' },
  timelock: 0,
  rationale: 'optional',
};

/** A unit on a six-level ladder (levels 0–5) with the given dependencies. */
function unit(id: string, dependsOn: readonly Dependency[] = []): Unit {
  return {
    id,
    name: id,
    dimension: 'product',
    owners: [],
    ladder: 'default',
    bindings: {},
    levels: Array.from({ length: 6 }, (_, index) => ({
      index,
      id: `l${index}`,
      name: `L${index}`,
      policy: POLICY,
    })),
    level: 0,
    target: 5,
    dependsOn,
    commitments: [],
  };
}

/** `from`: this unit's level from which the dependency applies; `level`: the other unit's level needed. */
const needs = (from: number, other: string, level: number): Dependency => ({ unit: other, level, from });

describe('findDependencyCycle', () => {
  it('finds nothing when there are no dependencies', () => {
    expect(findDependencyCycle({ units: [unit('a'), unit('b')] })).toBeUndefined();
  });

  it('finds nothing in a chain of dependencies', () => {
    // c ≥ 2 needs b ≥ 2, which needs a ≥ 2: move a, then b, then c.
    const units = [unit('a'), unit('b', [needs(2, 'a', 2)]), unit('c', [needs(2, 'b', 2)])];
    expect(findDependencyCycle({ units })).toBeUndefined();
  });

  it('finds a deadlock: each unit needs the other at the same level first', () => {
    // a ≥ 3 needs b ≥ 3 and b ≥ 3 needs a ≥ 3: whichever moves to 3 first breaks a rule.
    const units = [unit('a', [needs(3, 'b', 3)]), unit('b', [needs(3, 'a', 3)])];
    const cycle = findDependencyCycle({ units });
    expect(cycle).toHaveLength(2);
    expect(cycle).toEqual(
      expect.arrayContaining([
        { unit: 'a', dependency: 0, from: 3, on: { unit: 'b', level: 3 } },
        { unit: 'b', dependency: 0, from: 3, on: { unit: 'a', level: 3 } },
      ]),
    );
  });

  it('finds a deadlock that runs through the levels below a requirement', () => {
    // a ≥ 2 needs b ≥ 3; b ≥ 1 needs a ≥ 3. To reach 3, a passes 2, so it needs b at 3, which
    // passes 1, which needs a at 3 already: no order works.
    const units = [unit('a', [needs(2, 'b', 3)]), unit('b', [needs(1, 'a', 3)])];
    const cycle = findDependencyCycle({ units });
    expect(cycle?.map((edge) => edge.unit).sort()).toEqual(['a', 'b']);
  });

  it('does not report a cycle between units that an order of moves satisfies', () => {
    // a ≥ 2 needs b ≥ 1 while b ≥ 3 needs a ≥ 3. The units depend on each other, but
    // b → 1, then a → 2 → 3, then b → 2 → 3 satisfies both.
    const units = [unit('a', [needs(2, 'b', 1)]), unit('b', [needs(3, 'a', 3)])];
    expect(findDependencyCycle({ units })).toBeUndefined();
  });

  it('finds a deadlock around three units, naming the dependency by its index', () => {
    // a ≥ 1 needs b ≥ 1, b ≥ 1 needs c ≥ 1, c ≥ 1 needs a ≥ 1. c's second dependency is the culprit.
    const units = [
      unit('a', [needs(1, 'b', 1)]),
      unit('b', [needs(1, 'c', 1)]),
      unit('c', [needs(5, 'b', 0), needs(1, 'a', 1)]),
    ];
    const cycle = findDependencyCycle({ units });
    expect(cycle).toHaveLength(3);
    expect(cycle).toContainEqual({ unit: 'c', dependency: 1, from: 1, on: { unit: 'a', level: 1 } });
  });

  it('ignores a dependency on a unit it does not know (reported elsewhere as unknown)', () => {
    expect(findDependencyCycle({ units: [unit('a', [needs(1, 'ghost', 1)])] })).toBeUndefined();
  });
});
