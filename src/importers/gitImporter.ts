import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { ImportIssue } from '../core/evidence/ImportIssue.js';
import {
  type CommitsByUnit,
  GIT_LOG_ARGS,
  type PathUnit,
  parsePathUnits,
  tallyGitLog,
} from '../core/evidence/tallyGitLog.js';
import { feedStream } from './feedLines.js';
import type { Importer } from './Importer.js';

/**
 * Runs `git log` with a fixed format on a repository and streams its output into commits per
 * author per unit (see `tallyGitLog`). A path that is not a git repository is `import/not-found`.
 */
export async function readGitHistory(args: {
  repository: string;
  units: readonly PathUnit[];
}): Promise<{ result: CommitsByUnit; rows: number; issues: readonly ImportIssue[] }> {
  const isDirectory = await stat(args.repository).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDirectory)
    throw new DevolveError({
      code: 'import/not-found',
      message: `no repository at ${args.repository}`,
      details: { repository: args.repository },
    });
  const child = spawn('git', GIT_LOG_ARGS, { cwd: args.repository, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const outcome = await feedStream({
    input: child.stdout,
    tally: tallyGitLog({ file: args.repository, units: args.units }),
  });
  const code = await exited;
  if (code !== 0)
    throw new DevolveError({
      code: 'import/git-failed',
      message: `git log failed in ${args.repository}: ${stderr.trim().split('\n')[0] ?? `exit ${code}`}`,
      details: { repository: args.repository, exitCode: code },
    });
  return outcome;
}

/** Reads repeated `--unit unit=prefix` flags. */
export function unitsOption(value: string | string[] | undefined): PathUnit[] {
  const pairs = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const parsed = parsePathUnits(pairs);
  if (!parsed.ok) throw new DevolveError({ code: 'usage/invalid-unit-path', message: parsed.message });
  if (parsed.units.length === 0)
    throw new DevolveError({
      code: 'usage/missing-unit-path',
      message: 'name at least one unit and its path prefix with --unit unit=prefix',
    });
  return parsed.units;
}

/** `devolve import git <repo> --unit u=prefix…`: commits per contributor per unit. */
// Same record head as the other importers (snapshotImporter.ts …), by design: each importer is one
// record the `devolve import` command lists (Importer.ts).
export const gitImporter: Importer = {
  name: 'git',
  description: 'git history: commits per contributor per unit, from --unit unit=path-prefix',
  source: 'the repository path',
  options: [
    { flags: '--unit <unit=prefix>', description: 'a unit and its path prefix (repeat)', repeatable: true },
  ],
  async run({ source, options }) {
    const units = unitsOption(options['unit']);
    const { result, rows, issues } = await readGitHistory({ repository: source, units });
    const perUnit = Object.fromEntries(
      [...result].map(([unit, counts]) => [
        unit,
        { contributors: counts.size, commits: [...counts.values()].reduce((a, b) => a + b, 0n) },
      ]),
    );
    return { rows, issues, summary: { commits: rows, units: perUnit } };
  },
};
