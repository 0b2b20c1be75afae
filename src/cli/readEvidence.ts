import { access, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DevolveError } from '../core/errors/DevolveError.js';
import { type Evidence, NO_EVIDENCE } from '../core/evidence/Evidence.js';
import { type EvidenceLines, loadEvidence } from '../core/evidence/loadEvidence.js';
import type { Organization } from '../core/model/Organization.js';
import { parseInstant } from '../core/time/Instant.js';
import { usageError } from './CliError.js';
import { formatIssues } from './formatIssues.js';
import { defaultStyle } from './output.js';
import { shownPath } from './readCharter.js';

export const DEFAULT_EVIDENCE = 'evidence.yaml';

/**
 * The evidence for a charter: the file given, else `evidence.yaml` beside the charter when there
 * is one, else none. A named file that is missing is a usage error; an invalid one fails the
 * command like an invalid charter, with every problem located.
 */
export async function readEvidence(args: {
  file: string | undefined;
  charterFile: string;
  organization: Organization;
  json: boolean;
}): Promise<{ evidence: Evidence; file: string | undefined; lines?: EvidenceLines }> {
  let path = args.file;
  if (path === undefined) {
    const beside = join(dirname(args.charterFile), DEFAULT_EVIDENCE);
    const exists = await access(beside).then(
      () => true,
      () => false,
    );
    if (!exists) return { evidence: NO_EVIDENCE, file: undefined };
    path = beside;
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw usageError({
      code: 'evidence-not-found',
      message: `cannot read evidence file ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      hint: 'check the path given to --evidence',
    });
  }
  const shown = shownPath(path);
  const load = loadEvidence({ text, file: shown, organization: args.organization });
  if (load.ok) return { evidence: load.evidence, file: shown, lines: load.lines };
  if (!args.json) console.error(formatIssues({ issues: load.errors, text, style: defaultStyle() }));
  throw new DevolveError({
    code: 'evidence/invalid',
    message: `${shown} is not valid evidence (${load.errors.length} error${load.errors.length === 1 ? '' : 's'})`,
    hint: args.json ? 'see details.errors' : 'fix the problems above',
    details: { errors: load.errors },
  });
}

/** `--now` as epoch milliseconds: an ISO-8601 instant with an offset, or a date (00:00 UTC); else the clock. */
export function parseNowOption(value: string | undefined): number {
  if (value === undefined) return Date.now();
  const parsed = parseInstant(value);
  if (!parsed.ok) {
    throw usageError({ code: 'bad-now', message: `--now: ${parsed.reason}`, hint: parsed.hint });
  }
  return parsed.epochMs;
}
