import { DevolveError } from '../core/errors/DevolveError.js';
import type { Organization } from '../core/model/Organization.js';
import { formatIssues } from './formatIssues.js';
import { defaultStyle } from './output.js';
import { readCharter } from './readCharter.js';

/**
 * Reads a charter that a command needs to be valid. When it is not, the problems are printed
 * (unless the output is JSON, where they travel in the error's details) and the command fails
 * with `charter/invalid` (exit 1).
 */
export async function requireOrganization(args: {
  file: string | undefined;
  json: boolean;
  /** The date requirements of declared levels are checked at (default: the clock). */
  now?: number;
}): Promise<Organization> {
  const { file, text, load } = await readCharter(args.file, args.now);
  if (load.ok) return load.organization;
  if (!args.json) console.error(formatIssues({ issues: load.errors, text, style: defaultStyle() }));
  throw new DevolveError({
    code: 'charter/invalid',
    message: `${file} is not a valid charter (${load.errors.length} error${load.errors.length === 1 ? '' : 's'})`,
    hint: args.json ? 'see details.errors' : `run \`devolve check ${file}\` for details`,
    details: { errors: load.errors },
  });
}
