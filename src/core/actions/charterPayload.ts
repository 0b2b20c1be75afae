import { type CharterInput, charterSchema } from '../charter/charterSchema.js';
import { checkCharterValue } from '../charter/checkCharterValue.js';
import { formatPath } from '../charter/formatPath.js';
import type { Organization } from '../model/Organization.js';
import {
  type JsonSchema,
  type JsonSchemaContext,
  type Path,
  Schema,
  type SchemaIssue,
  s,
} from '../schema/Schema.js';
import { refuse } from './refuse.js';

/**
 * A whole charter inside a payload. Its shape is only "a mapping" here: the charter is then checked
 * by `checkCharterValue` — schema and cross-references together, with located errors — which is
 * both stricter and cheaper than validating it twice. It renders as the charter's JSON Schema.
 */
export class CharterDocumentSchema extends Schema<CharterInput> {
  expected(): string {
    return 'a charter (a mapping)';
  }
  accepts(value: unknown): boolean {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
  protected check(value: unknown, path: Path, issues: SchemaIssue[]): boolean {
    if (this.accepts(value)) return true;
    issues.push({ path, code: 'charter/wrong-type', message: `expected ${this.expected()}` });
    return false;
  }
  protected render(context: JsonSchemaContext): JsonSchema {
    return s.ref('Charter', () => charterSchema).toJsonSchema(context);
  }
}

/** Payload of `org.create` and `charter.amend`: the whole charter, as JSON. */
export const charterPayloadSchema = s
  .object({ charter: new CharterDocumentSchema() }, 'charter payload')
  .describe('The whole charter, as JSON.');

export interface CharterPayload {
  readonly charter: CharterInput;
}

/** Checks and resolves the charter an action carries, or refuses it with the first error. */
export function readCharter(charter: unknown): { input: CharterInput; organization: Organization } {
  const checked = checkCharterValue({ value: charter });
  const errors = checked.issues.filter((issue) => issue.severity === 'error');
  if (checked.valid === undefined || errors.length > 0) {
    const first = errors[0];
    throw refuse(
      'invalid-charter',
      `the charter in the action is not valid${first === undefined ? '' : `: ${formatPath(first.path)}: ${first.message}`}`,
      { errors: errors.map((e) => ({ path: formatPath(e.path), code: e.code, message: e.message })) },
    );
  }
  return checked.valid;
}
