import { ensureWebBuilt } from './browser/support/webBuild.js';
import { ensureBuilt } from './support/builtCli.js';

/**
 * Builds the command line once, before any test file runs, when dist/ is missing or older than
 * src/: several suites run the built CLI, and building from each of them at once would race.
 */
export default function setup(): void {
  ensureBuilt();
  // The dashboard too, once: the browser suites run in parallel and must not build it together.
  ensureWebBuilt();
}
