import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ballotsArbitrary, permutationOf } from '../../../../test/support/weightedBallots.js';
import { METHODS, type MethodName } from '../../policy/MethodName.js';
import { METHOD_RULES } from '../../policy/methodRules.js';
import { makeRatio } from '../../ratio/Ratio.js';
import type { SchemaIssue } from '../../schema/Schema.js';
import { toJsonSchemaDocument } from '../../schema/Schema.js';
import { COUNTING_MODULE_BY_METHOD, COUNTING_MODULES } from './countingModules.js';

const OPTIONS = ['a', 'b', 'c', 'd'];
const split = fc
  .dictionary(fc.constantFrom(...OPTIONS), fc.integer({ min: 0, max: 9 }))
  .filter((x) => Object.values(x).some((share) => share > 0))
  .map((x) => ({ split: x }));

/** Valid ballots for every method: a method without an entry here fails to typecheck. */
const BALLOTS: Record<MethodName, fc.Arbitrary<unknown>> = {
  'single-owner': fc.constantFrom('for', 'against').map((choice) => ({ choice })),
  majority: fc.constantFrom('for', 'against', 'abstain').map((choice) => ({ choice })),
  supermajority: fc.constantFrom('for', 'against', 'abstain').map((choice) => ({ choice })),
  approval: fc.subarray(OPTIONS).map((approve) => ({ approve })),
  'ranked-choice': fc.shuffledSubarray(OPTIONS).map((ranking) => ({ ranking })),
  quadratic: split,
  'weighted-split': split,
  consent: fc.oneof(
    fc.constant({ choice: 'consent' }),
    fc.string({ minLength: 1, maxLength: 5 }).map((reason) => ({ choice: 'object', reason: `r${reason}` })),
  ),
  advice: fc.string({ minLength: 1, maxLength: 5 }).map((text) => ({ advice: `a${text}` })),
  optimistic: fc.constant({ choice: 'veto' }),
};

describe('countingModules', () => {
  it('has exactly one module per method, and the lookup finds each', () => {
    expect(COUNTING_MODULES.map((module) => module.method).sort()).toEqual([...METHODS].sort());
    for (const method of METHODS) expect(COUNTING_MODULE_BY_METHOD[method].method).toBe(method);
  });

  it('gives each method a distinct, stable mode that names rules, never a role', () => {
    const modes = COUNTING_MODULES.map((module) => module.mode);
    expect(new Set(modes).size).toBe(modes.length);
    for (const mode of modes) {
      expect(mode).toMatch(/^method=[a-z-]+(&[a-z-]+=[a-z0-9,.<>=+*/()^-]+)*$/);
      expect(mode).not.toMatch(/\$|owner=|team|council|community|guardian/);
    }
  });

  it('derives the method table from the modules', () => {
    for (const module of COUNTING_MODULES) {
      expect(METHOD_RULES[module.method]).toEqual({ ...module.rule, counting: module.counting });
    }
  });

  it('renders every ballot shape as JSON Schema and accepts the ballots it describes', () => {
    for (const module of COUNTING_MODULES) {
      const document = toJsonSchemaDocument({
        schema: module.ballot,
        id: module.method,
        title: module.method,
      });
      expect(document['type']).toBe('object');
      fc.assert(
        fc.property(BALLOTS[module.method], (ballot) => {
          const issues: SchemaIssue[] = [];
          expect(module.ballot.validate(ballot, [], issues)).toBe(true);
          expect(module.checkBallot({ ballot, options: module.fixedOptions ?? OPTIONS })).toBeUndefined();
        }),
        { numRuns: 30 },
      );
    }
  });

  it.each(COUNTING_MODULES.map((module) => [module.method, module] as const))(
    '%s: ballot order never changes the result',
    (method, module) => {
      const options = module.fixedOptions ?? OPTIONS;
      fc.assert(
        fc.property(
          ballotsArbitrary(BALLOTS[method]).chain((ballots) =>
            fc.tuple(fc.constant(ballots), permutationOf(ballots)),
          ),
          fc.integer({ min: 1, max: 3 }),
          ([ballots, shuffled], winners) => {
            const input = { options, threshold: makeRatio(2n, 3n), winners, decision: 'for' as const };
            expect(module.tally({ ...input, ballots: shuffled })).toEqual(
              module.tally({ ...input, ballots }),
            );
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
