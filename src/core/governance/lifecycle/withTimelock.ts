import { type Lifecycle, ms } from './Lifecycle.js';

// Shaped like withVetoWindow.ts by design: each wrapper adds one wait after a pass; the shared part is the
// four-line delegation to the inner lifecycle.
/**
 * Wraps a lifecycle with a timelock (or exit window): a proposal the wrapped lifecycle says is
 * ready at R waits until R + seconds before it may be executed, so those who disagree can leave.
 */
export function withTimelock(inner: Lifecycle, seconds: number): Lifecycle {
  return {
    describe: `${inner.describe} timelock=${seconds}s`,
    votingEnd: (args) => inner.votingEnd(args),
    settle: (args) => {
      const settled = inner.settle(args);
      if (settled.kind !== 'passed') return settled;
      const end = settled.readyAt + ms(seconds);
      if (args.now < end) return { kind: 'open', phase: 'timelock', nextAt: end };
      return { ...settled, readyAt: end };
    },
  };
}
