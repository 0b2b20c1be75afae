/**
 * Checking a charter as a sequence of bounded steps: the generator yields between them and
 * returns its result. The core only yields; whoever runs the steps decides what happens in
 * between — nothing (`runSteps`, for the CLI and the store), or a turn of the event loop (the
 * server, so that one large charter does not hold up other requests).
 */
export type CheckSteps<T> = Generator<void, T, void>;

/** Runs every step at once and gives the result. */
export function runSteps<T>(steps: CheckSteps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}
