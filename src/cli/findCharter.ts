import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The name a charter has when no file is given: `devolve.yaml`. */
export const DEFAULT_CHARTER = 'devolve.yaml';

/**
 * The charter a command works on when none is named: `devolve.yaml` in the directory `from`, else
 * in its parent, and so on up to the root — as git finds `.git` — so every command works from any
 * folder inside a project. Returns the absolute path, or `undefined` when there is none.
 *
 * @example
 * findCharter({ from: '/work/acme/docs' }) // '/work/acme/devolve.yaml'
 */
export function findCharter(args: { from: string }): string | undefined {
  let dir = resolve(args.from);
  for (;;) {
    const candidate = join(dir, DEFAULT_CHARTER);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
