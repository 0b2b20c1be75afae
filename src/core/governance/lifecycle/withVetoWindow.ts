import { type Lifecycle, ms } from './Lifecycle.js';
import type { Proposal } from './Proposal.js';

// Shaped like withTimelock.ts by design: each wrapper adds one wait after a pass; the shared part is the
// four-line delegation to the inner lifecycle.
/**
 * Wraps a lifecycle with a veto window: once the wrapped lifecycle says a proposal passed and is
 * ready at R, a veto body may stop it during [R, R + window). A body vetoes when `needed` of its
 * distinct members have vetoed inside the window; the proposal is vetoed from that moment. With no
 * veto by the end of the window, it is ready at R + window.
 */
export function withVetoWindow(inner: Lifecycle, window: number): Lifecycle {
  return {
    describe: `${inner.describe} veto=${window}s`,
    votingEnd: (args) => inner.votingEnd(args),
    settle: (args) => {
      const settled = inner.settle(args);
      if (settled.kind !== 'passed') return settled;
      const end = settled.readyAt + ms(window);
      const vetoedAt = vetoInstant(args.proposal, settled.readyAt, end);
      if (vetoedAt !== undefined && vetoedAt <= args.now)
        return { kind: 'closed', phase: 'vetoed', at: vetoedAt, reason: 'vetoed' };
      if (args.now < end) return { kind: 'open', phase: 'veto-window', nextAt: end };
      return { ...settled, readyAt: end };
    },
  };
}

/** The earliest instant in [from, until) at which some body reached its number of vetoes. */
function vetoInstant(proposal: Proposal, from: number, until: number): number | undefined {
  let earliest: number | undefined;
  for (const body of proposal.electorate.vetoBodies) {
    const seen = new Set<string>();
    for (const veto of proposal.vetoes) {
      if (veto.body !== body.party || veto.at < from || veto.at >= until || !body.members.includes(veto.by))
        continue;
      seen.add(veto.by);
      if (seen.size >= body.needed) {
        if (earliest === undefined || veto.at < earliest) earliest = veto.at;
        break;
      }
    }
  }
  return earliest;
}
