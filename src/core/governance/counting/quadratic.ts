import { participationOf, zeroTotals } from './ballotTotals.js';
import type { CountingModule } from './CountingModule.js';
import { integerSquareRoot } from './integerSquareRoot.js';
import { rankOptions } from './rankOptions.js';
import { checkSplit, type SplitBallot, soleOption, splitBallot } from './splitWeight.js';

/**
 * Quadratic votes are counted in billionths: a vote is `⌊√(credits · 10¹⁸)⌋`, that is √credits
 * to nine decimals, so small weights (reputation points) are told apart as well as token amounts.
 */
export const QUADRATIC_SCALE_SQUARED = 10n ** 18n;

/**
 * Quadratic voting: a voter's weight is their voice credits; they spend them across options in
 * proportion to whole-number shares, and the credits `c` spent on an option buy √c votes, so
 * spreading support is cheap and concentrating it is dear. An option's total is the sum of its
 * votes, in billionths of a vote (`⌊√(c · 10¹⁸)⌋` per voter and option, with
 * `c = weight · share / Σshares` kept exact inside the root). The option with most votes wins.
 *
 * This ranks options exactly as Snapshot's quadratic voting does (it squares each option's sum of
 * roots and rescales, which keeps the order); `devolve tally --compat snapshot` reproduces its
 * published figures.
 *
 * Tie rule (see `rankOptions`): equal top totals are `tied`; listing order never breaks a tie.
 */
export const quadratic: CountingModule<SplitBallot> = {
  method: 'quadratic',
  mode: 'method=quadratic&votes=sqrt(credits)&unit=1e-9&winners=top-1&tie=tied',
  counting: 'by quadratic voting: each voter’s votes count as the square root of the weight spent on them',
  rule: {
    counted: true,
    needsPeriod: true,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: true,
    multipleOptions: true,
  },
  ballot: splitBallot,
  checkBallot: checkSplit,
  tally({ ballots, options }) {
    const totals = zeroTotals(options);
    for (const { weight, ballot } of ballots) {
      const only = soleOption(ballot.split, options);
      if (only !== undefined) {
        // All the credits on one option: √(weight · 10¹⁸), with no division by the shares.
        totals[only] = (totals[only] ?? 0n) + integerSquareRoot(weight * QUADRATIC_SCALE_SQUARED);
        continue;
      }
      let shares = 0n;
      for (const option of options) {
        const share = ballot.split[option];
        if (share !== undefined && share > 0) shares += BigInt(share);
      }
      if (shares === 0n) continue;
      for (const option of options) {
        const share = ballot.split[option];
        if (share === undefined || share <= 0) continue;
        // √(weight · share / shares) · 10⁹ = √(weight · share · 10¹⁸ / shares), floored.
        const votes = integerSquareRoot((weight * BigInt(share) * QUADRATIC_SCALE_SQUARED) / shares);
        totals[option] = (totals[option] ?? 0n) + votes;
      }
    }
    return { ...rankOptions({ options, totals, winners: 1 }), totals, ...participationOf(ballots) };
  },
};
