import type { ImportIssue } from './ImportIssue.js';
import type { LineTally } from './LineTally.js';

/** A path prefix that belongs to a unit, e.g. `{ unit: 'upgrades', prefix: 'contracts/proxy/' }`. */
export interface PathUnit {
  readonly unit: string;
  readonly prefix: string;
}

/** Commits per author (lowercased e-mail) per unit. */
export type CommitsByUnit = Map<string, Map<string, bigint>>;

/** The `git log` arguments whose output `tallyGitLog` reads: one header line per commit, then its files. */
export const GIT_LOG_ARGS = [
  '-c',
  'core.quotePath=false',
  'log',
  '--no-merges',
  '--name-only',
  '--format=%x1e%H%x09%ae',
];

/**
 * The pure part of the git importer. Each commit counts once for its author in every unit whose
 * path prefix matches one of its files (the longest prefix wins for each file); files under no
 * prefix count for no unit. Contributor concentration per unit is then the concentration of these
 * counts. A header line that is not `\x1e<40 hex>\t<e-mail>` is an issue with its line number.
 *
 * @example
 * units [{ unit: 'docs', prefix: 'docs/' }]; a commit by a@x touching docs/a.md and docs/b.md
 * → Map { 'docs' => Map { 'a@x' => 1n } }
 */
export function tallyGitLog(args: { file: string; units: readonly PathUnit[] }): LineTally<CommitsByUnit> {
  const { file } = args;
  const prefixes = [...args.units].sort((a, b) => b.prefix.length - a.prefix.length);
  const byUnit: CommitsByUnit = new Map(args.units.map((u) => [u.unit, new Map<string, bigint>()]));
  const issues: ImportIssue[] = [];
  let author: string | undefined;
  let touched = new Set<string>();
  let commits = 0;
  const close = () => {
    if (author === undefined) return;
    for (const unit of touched) {
      const counts = byUnit.get(unit)!;
      counts.set(author, (counts.get(author) ?? 0n) + 1n);
    }
    touched = new Set();
    author = undefined;
  };
  return {
    line(text, line) {
      if (text.startsWith('\x1e')) {
        close();
        commits++;
        const match = /^\x1e([0-9a-f]{40,64})\t(.+)$/.exec(text);
        if (match === null) {
          issues.push({
            file,
            line,
            column: 1,
            code: 'import/bad-git-line',
            message: 'not a commit header of hash and e-mail',
            path: 'commit',
          });
          return;
        }
        author = match[2]!.trim().toLowerCase();
        return;
      }
      if (text === '' || author === undefined) return;
      const owner = prefixes.find((p) => text.startsWith(p.prefix));
      if (owner !== undefined) touched.add(owner.unit);
    },
    finish() {
      close();
      return { result: byUnit, rows: commits, issues };
    },
  };
}

/**
 * Reads `unit=prefix` pairs (from `--unit` flags). A pair without `=` or with an empty side is
 * refused with the text quoted.
 *
 * @example
 * parsePathUnits(['upgrades=contracts/']) // { ok: true, units: [{ unit: 'upgrades', prefix: 'contracts/' }] }
 */
export function parsePathUnits(
  pairs: readonly string[],
): { readonly ok: true; readonly units: PathUnit[] } | { readonly ok: false; readonly message: string } {
  const units: PathUnit[] = [];
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const unit = pair.slice(0, at).trim();
    const prefix = pair.slice(at + 1).trim();
    if (at === -1 || unit === '' || prefix === '')
      return { ok: false, message: `'${pair}' is not unit=path-prefix (e.g. upgrades=contracts/)` };
    units.push({ unit, prefix });
  }
  return { ok: true, units };
}
