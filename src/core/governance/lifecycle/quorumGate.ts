import type { Ratio } from '../../ratio/Ratio.js';
import type { ProposalGate } from './ProposalGate.js';

/**
 * Quorum: the weight taking part must reach `quorum` of the electorate's total weight. Compared
 * exactly in integers: participation × den ≥ num × total. Needed weight is shown rounded up:
 * quorum 1/10 of 1,005 is ⌈100.5⌉ = 101.
 */
export function quorumGate(quorum: Ratio): ProposalGate {
  return {
    describe: `quorum=${quorum.num}/${quorum.den}`,
    reason: 'quorum',
    check: ({ participation, total }) => ({
      gate: 'quorum',
      met: participation * quorum.den >= quorum.num * total,
      needed: (quorum.num * total + quorum.den - 1n) / quorum.den,
      have: participation,
    }),
  };
}
