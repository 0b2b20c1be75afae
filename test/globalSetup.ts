import { ensureBuilt } from './support/builtCli.js';

/**
 * Builds the command line once, before any test file runs, when dist/ is missing or older than
 * src/: several suites run the built CLI, and building from each of them at once would race.
 */
export default function setup(): void {
  ensureBuilt();
}
