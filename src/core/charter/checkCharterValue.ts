import type { Organization } from '../model/Organization.js';
import type { SchemaIssue } from '../schema/Schema.js';
import { type CheckSteps, runSteps } from './CheckSteps.js';
import { type CharterInput, charterSchema } from './charterSchema.js';
import { checkCharterLimits } from './checkCharterLimits.js';
import { pruneInvalid } from './pruneInvalid.js';
import type { ResolveIssue } from './ResolveContext.js';
import { resolveCharterSteps } from './resolveCharter.js';

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
 * A charter past one of `CHARTER_LIMITS` is refused with that alone: nothing else in it is
 * checked, so the work one charter can cause stays bounded.
 *
 * @example
 * const { valid, issues } = checkCharterValue({ value: JSON.parse(text) });
 */
export function checkCharterValue(args: { value: unknown }): CharterCheck {
  return runSteps(checkCharterValueSteps(args));
}

/** `checkCharterValue` in steps: the limits, the schema, then the resolver's own steps. */
export function* checkCharterValueSteps(args: { value: unknown }): CheckSteps<CharterCheck> {
  const limitIssues = checkCharterLimits({ value: args.value });
  if (limitIssues.length > 0) return { issues: limitIssues };
  yield;
  const schemaIssues: SchemaIssue[] = [];
  const schemaValid = charterSchema.validate(args.value, [], schemaIssues);
  const schemaErrors: ResolveIssue[] = schemaIssues.map((issue) => ({ ...issue, severity: 'error' }));
  const pruned = schemaValid
    ? { input: args.value as CharterInput, setAside: undefined }
    : pruneInvalid({ value: args.value, issues: schemaIssues });
  if (pruned === undefined) return { issues: schemaErrors };
  yield;
  const resolved = yield* resolveCharterSteps(
    pruned.setAside === undefined ? { input: pruned.input } : pruned,
  );
  const issues = [...schemaErrors, ...resolved.issues];
  if (!schemaValid || resolved.organization === undefined) return { issues };
  return { valid: { organization: resolved.organization, input: pruned.input }, issues };
}
