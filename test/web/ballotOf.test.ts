import { describe, expect, it } from 'vitest';
import { COUNTING_MODULE_BY_METHOD } from '../../src/core/governance/counting/countingModules.js';
import { METHODS } from '../../src/core/policy/MethodName.js';
import type { SchemaIssue } from '../../src/core/schema/Schema.js';
import { type BallotDraft, ballotOf, EMPTY_BALLOT } from '../../web/src/proposals/ballotOf.js';

const OPTIONS = ['north', 'south', 'east'];

/** A form filled in the way a member would for each method. */
const FILLED: Readonly<Record<string, BallotDraft>> = {
  'single-owner': { ...EMPTY_BALLOT, choice: 'for' },
  majority: { ...EMPTY_BALLOT, choice: 'against' },
  supermajority: { ...EMPTY_BALLOT, choice: 'abstain' },
  approval: { ...EMPTY_BALLOT, approve: ['east', 'north'] },
  'ranked-choice': { ...EMPTY_BALLOT, ranks: { north: '2', south: '', east: '1' } },
  quadratic: { ...EMPTY_BALLOT, split: { north: '9', south: '0', east: '' } },
  'weighted-split': { ...EMPTY_BALLOT, split: { north: '3', south: '1' } },
  consent: { ...EMPTY_BALLOT, choice: 'object' },
  advice: { ...EMPTY_BALLOT, advice: 'Ship it behind a flag' },
  optimistic: { ...EMPTY_BALLOT, choice: 'veto' },
};

/**
 * The dashboard's ballot forms build each method's ballot in the browser; here every one is held
 * to the ballot schema and option check of the counting module that will count it, so the forms
 * can never drift from the methods.
 */
describe('ballotOf', () => {
  for (const method of METHODS) {
    it(`builds a ${method} ballot its counting module accepts`, () => {
      const draft = FILLED[method];
      expect(draft, `a filled-in ${method} form for this test`).toBeDefined();
      const built = ballotOf({ method, options: OPTIONS, draft: draft!, reason: 'Because' });
      if ('problem' in built) throw new Error(built.problem);
      const module = COUNTING_MODULE_BY_METHOD[method];
      const issues: SchemaIssue[] = [];
      expect(module.ballot.validate(built.ballot, [], issues), JSON.stringify(issues)).toBe(true);
      expect(module.checkBallot({ ballot: built.ballot, options: OPTIONS })).toBeUndefined();
    });
  }

  it('ranks by the numbers given and leaves unranked options out', () => {
    const built = ballotOf({
      method: 'ranked-choice',
      options: OPTIONS,
      draft: FILLED['ranked-choice']!,
      reason: '',
    });
    expect(built).toEqual({ ballot: { ranking: ['east', 'north'] } });
  });

  it('says what is missing or wrong instead of building a ballot', () => {
    const problem = (method: string, draft: BallotDraft) =>
      (ballotOf({ method, options: OPTIONS, draft, reason: '' }) as { problem?: string }).problem;
    expect(problem('majority', EMPTY_BALLOT)).toBe('Choose how you vote.');
    expect(problem('ranked-choice', { ...EMPTY_BALLOT, ranks: { north: '1', east: '1' } })).toBe(
      'Two options share rank 1: give each its own.',
    );
    expect(problem('weighted-split', { ...EMPTY_BALLOT, split: { north: '1.5' } })).toBe(
      "The share for 'north' must be a whole number.",
    );
    expect(problem('quadratic', { ...EMPTY_BALLOT, split: { north: '0' } })).toBe(
      'Give at least one option a share.',
    );
    expect(problem('advice', EMPTY_BALLOT)).toBe('Write your advice.');
  });

  it('carries a consent or optimistic reason inside the ballot, where those methods read it', () => {
    expect(
      ballotOf({ method: 'consent', options: [], draft: FILLED['consent']!, reason: ' Unsafe ' }),
    ).toEqual({
      ballot: { choice: 'object', reason: 'Unsafe' },
    });
  });
});
