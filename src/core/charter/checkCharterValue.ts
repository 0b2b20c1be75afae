import type { Organization } from '../model/Organization.js';
import type { SchemaIssue } from '../schema/Schema.js';
import { type CharterInput, charterSchema } from './charterSchema.js';
import { pruneInvalid } from './pruneInvalid.js';
import { type ResolveIssue, resolveCharter } from './resolveCharter.js';

export interface CharterCheck {
  /** Present when the charter is valid (warnings allowed). */
  readonly valid?: { readonly organization: Organization; readonly input: CharterInput };
  /** Every problem, located by path: schema problems first, then cross-reference problems. */
  readonly issues: readonly ResolveIssue[];
}

/**
 * Validates and resolves a charter that is already a JavaScript value — parsed from a file, or
 * received in a signed action. With schema errors, cross-references are still checked on the
 * entries that passed, so one run reports everything; entries set aside are not blamed twice.
 *
 * @example
 * const { valid, issues } = checkCharterValue({ value: JSON.parse(text) });
 */
export function checkCharterValue(args: { value: unknown }): CharterCheck {
  const schemaIssues: SchemaIssue[] = [];
  const schemaValid = charterSchema.validate(args.value, [], schemaIssues);
  const schemaErrors: ResolveIssue[] = schemaIssues.map((issue) => ({ ...issue, severity: 'error' }));
  const pruned = schemaValid
    ? { input: args.value as CharterInput, setAside: undefined }
    : pruneInvalid({ value: args.value, issues: schemaIssues });
  if (pruned === undefined) return { issues: schemaErrors };
  const resolved = resolveCharter(pruned.setAside === undefined ? { input: pruned.input } : pruned);
  const issues = [...schemaErrors, ...resolved.issues];
  if (!schemaValid || resolved.organization === undefined) return { issues };
  return { valid: { organization: resolved.organization, input: pruned.input }, issues };
}
