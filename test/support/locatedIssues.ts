import { expect } from 'vitest';
import { positionOf } from './charterText.js';

/** A load that succeeds or answers with located issues: a charter's, or an evidence file's. */
type Load<Issue> = { readonly ok: true } | { readonly ok: false; readonly errors: readonly Issue[] };

/**
 * The one harness for tests of located issues (file, line, column, code, hint): the errors of a
 * load that must fail, and the shape of an issue expected at a place in the text, found by a piece
 * of the text itself rather than by counted lines, so the case stays true when the text is edited.
 *
 * @example
 * const { errorsOf, issueAt } = locatedIssueCases((text) => loadEvidence({ text, file, organization }));
 * expect(errorsOf(text)).toEqual([issueAt(text, 'multisig', { code: 'evidence/unknown-checklist' })]);
 */
export function locatedIssueCases<Issue>(load: (text: string) => Load<Issue>): {
  errorsOf(text: string): readonly Issue[];
  issueAt(text: string, needle: string, fields: Record<string, unknown>, anchor?: string): unknown;
} {
  return {
    errorsOf(text) {
      const result = load(text);
      if (result.ok) throw new Error('expected the text to be refused');
      return result.errors;
    },
    issueAt(text, needle, fields, anchor) {
      return expect.objectContaining({ ...positionOf(text, needle, anchor), ...fields });
    },
  };
}

/**
 * One row of a table of located-issue cases: a text with one mistake, and the issue expected at a
 * token of it (the first `at` after `anchor`, when given).
 */
export interface LocatedCase {
  readonly title: string;
  readonly text: string;
  readonly code: string;
  readonly at: string;
  readonly anchor?: string;
  readonly message?: string;
  readonly hint?: string;
  readonly path?: string;
}
