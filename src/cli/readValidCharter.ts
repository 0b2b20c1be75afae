import type { CharterInput } from '../core/charter/charterSchema.js';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { Organization } from '../core/model/Organization.js';
import { formatIssues } from './formatIssues.js';
import { defaultStyle } from './output.js';
import { readCharter } from './readCharter.js';

export interface ValidCharter {
  readonly file: string;
  readonly organization: Organization;
  /** The charter as a JSON value: what `org.create` and `charter.amend` carry and sign. */
  readonly input: CharterInput;
}

/**
 * Reads a charter a command needs to be valid, keeping the raw value beside the resolved model.
 * When it is invalid the problems are printed (unless the output is JSON, where they travel in
 * the error's details) and the command fails with `charter/invalid` (exit 1).
 *
 * @example
 * const { organization, input } = await readValidCharter({ file: 'devolve.yaml', json: false });
 */
export async function readValidCharter(args: {
  file: string | undefined;
  json: boolean;
  /** The date requirements of declared levels are checked at (default: the clock). */
  now?: number;
}): Promise<ValidCharter> {
  const { file, text, load } = await readCharter(args.file, args.now);
  if (load.ok) return { file, organization: load.organization, input: load.input };
  if (!args.json) console.error(formatIssues({ issues: load.errors, text, style: defaultStyle() }));
  throw new DevolveError({
    code: 'charter/invalid',
    message: `${file} is not a valid charter (${load.errors.length} error${load.errors.length === 1 ? '' : 's'})`,
    hint: args.json ? 'see details.errors' : `run \`devolve check ${file}\` for details`,
    details: { errors: load.errors },
  });
}
