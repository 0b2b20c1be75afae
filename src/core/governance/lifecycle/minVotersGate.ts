import type { ProposalGate } from './ProposalGate.js';

/** Minimum voters: at least `count` distinct voters whose ballots carried weight. */
export function minVotersGate(count: number): ProposalGate {
  return {
    describe: `min-voters=${count}`,
    reason: 'min-voters',
    check: ({ voters }) => ({
      gate: 'min-voters',
      met: voters >= count,
      needed: BigInt(count),
      have: BigInt(voters),
    }),
  };
}
