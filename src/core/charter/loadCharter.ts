import type { Organization } from '../model/Organization.js';
import { checkCurrentRequirements } from '../readiness/checkCurrentRequirements.js';
import { byPosition, parseLocatedYaml, type SourceIssue } from '../yaml/parseLocatedYaml.js';
import type { CharterInput } from './charterSchema.js';
import { checkCharterBytes } from './checkCharterLimits.js';
import { checkCharterValue } from './checkCharterValue.js';

/** A problem in a charter, located in its file. */
export type CharterIssue = SourceIssue;

export type CharterLoad =
  | {
      readonly ok: true;
      readonly organization: Organization;
      readonly input: CharterInput;
      readonly warnings: readonly CharterIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly CharterIssue[];
      readonly warnings: readonly CharterIssue[];
    };

/**
 * Parses, validates and resolves a charter (YAML, or JSON, which YAML reads too). Never throws on
 * bad input: every problem comes back as a `CharterIssue` with a line and column inside `text`.
 * Syntax errors stop before validation; after that, schema and cross-reference problems are all
 * reported in one run. A charter past one of `CHARTER_LIMITS` gets that error alone. Given `now`, the requirements of each unit's declared level are checked
 * too, as far as the charter alone can tell.
 *
 * @example
 * const load = loadCharter({ text: readFileSync('devolve.yaml', 'utf8'), file: 'devolve.yaml' });
 * if (!load.ok) for (const e of load.errors) console.log(`${e.file}:${e.line}:${e.column} ${e.message}`);
 */
export function loadCharter(args: { text: string; file: string; now?: number }): CharterLoad {
  // Past the byte limit nothing is parsed: the work a file can cause is bounded before it starts.
  const tooLarge = checkCharterBytes(args);
  if (tooLarge !== undefined) return { ok: false, errors: [tooLarge], warnings: [] };
  const parsed = parseLocatedYaml({
    text: args.text,
    file: args.file,
    emptyHint: 'start from a template: devolve init --template dao',
  });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, warnings: [] };
  const checked = checkCharterValue({ value: parsed.value });
  // Requirements of the declared levels depend on the date (council terms end), so they are
  // checked only when the caller says what the date is.
  const requirementIssues =
    checked.valid === undefined || args.now === undefined
      ? []
      : checkCurrentRequirements({ organization: checked.valid.organization, now: args.now });
  const located = [...checked.issues, ...requirementIssues].map(parsed.locate);
  const errors = located.filter((issue) => issue.severity === 'error').sort(byPosition);
  const warnings = [...parsed.warnings, ...located.filter((issue) => issue.severity === 'warning')].sort(
    byPosition,
  );
  if (checked.valid === undefined || errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, organization: checked.valid.organization, input: checked.valid.input, warnings };
}
