// The lifecycle tests name the same shared fixtures (test/support/lifecycleFixtures.ts), by design.
import { describe, expect, it } from 'vitest';
import {
  councilOf,
  DAY_MS,
  openDecision,
  policyOf,
  T0,
  yesNoModule,
} from '../../../../test/support/lifecycleFixtures.js';
import type { CountingModule } from '../counting/CountingModule.js';
import { countBallots } from './countBallots.js';
import type { BallotRecord } from './Proposal.js';
import { proposalStatus } from './proposalStatus.js';

const organization = councilOf(['ana', 'ben', 'cy']);

describe('countBallots', () => {
  it('counts only ballots cast before the instant, each voter’s latest', () => {
    const counting = yesNoModule();
    const proposal = {
      ...openDecision({ organization, policy: policyOf(), proposer: 'ana' }),
      ballots: [
        { voter: 'ana', ballot: 'for', at: T0 },
        { voter: 'ben', ballot: 'against', at: T0 + 1 },
        { voter: 'ana', ballot: 'against', at: T0 + 2 },
      ],
    };
    // before T0 + 2: ana for, ben against; before T0 + 3: ana changed to against
    expect(countBallots({ proposal, counting, before: T0 + 2 }).tally.totals).toMatchObject({
      for: 1n,
      against: 1n,
    });
    expect(countBallots({ proposal, counting, before: T0 + 3 }).tally.totals).toMatchObject({
      for: 0n,
      against: 2n,
    });
  });

  it('counts a closed vote once per status, and again once a ballot is appended', () => {
    let tallies = 0;
    const inner = yesNoModule();
    const counting: CountingModule<string> = {
      ...inner,
      tally: (input) => {
        tallies += 1;
        return inner.tally(input);
      },
    };
    const ballots: BallotRecord[] = [{ voter: 'ana', ballot: 'for', at: T0 }];
    const proposal = { ...openDecision({ organization, policy: policyOf(), proposer: 'ana' }), ballots };
    const end = T0 + 7 * DAY_MS;
    // the status reads the count for the close, the tally shown, and what comes next: one tally
    expect(proposalStatus({ proposal, now: end, counting: counting as CountingModule }).phase).toBe('passed');
    expect(tallies).toBe(1);
    ballots.push({ voter: 'ben', ballot: 'against', at: T0 + 1 });
    // for 1, against 1: no longer a majority
    expect(proposalStatus({ proposal, now: end, counting: counting as CountingModule }).phase).toBe(
      'rejected',
    );
    expect(tallies).toBe(2);
  });
});
