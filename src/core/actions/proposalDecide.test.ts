import { describe, expect, it } from 'vitest';
import { DAY, decisionOn, governedLumen } from '../../../test/support/governedLog.js';
import { unitOf } from '../../../test/support/signedLog.js';

const onBrand = (id: string) => decisionOn('brand', id, `Brand ${id}`, `Do ${id}`);

describe('decisions without a vote: single owner, advice process, consent', () => {
  it('a single owner decides; no one else does, and no one votes', () => {
    // brand is at founder level: the founders own it and decide alone
    const lumen = governedLumen({ org: 'lumen-owner' });
    lumen.as('mara', 'proposal.create', onBrand('b1'));
    expect(lumen.refusal('priya', 'proposal.decide', { proposal: 'b1', decision: 'passed' })).toBe(
      'proposal/not-a-decider',
    );
    expect(lumen.refusal('jonas', 'vote.cast', { proposal: 'b1', ballot: { choice: 'for' } })).toBe(
      'proposal/wrong-method',
    );
    lumen.as('jonas', 'proposal.decide', { proposal: 'b1', decision: 'passed', reason: 'fine' });
    lumen.as('priya', 'proposal.execute', { proposal: 'b1' });
    expect(lumen.proposal('b1').decision).toMatchObject({ by: 'jonas', outcome: 'passed' });
    lumen.as('mara', 'proposal.create', onBrand('b2'));
    lumen.as('mara', 'proposal.decide', { proposal: 'b2', decision: 'rejected' });
    expect(lumen.refusal('mara', 'proposal.execute', { proposal: 'b2' })).toBe('proposal/wrong-phase');
  });

  it('in the advice process the consulted advise and the proposer alone decides', () => {
    const lumen = governedLumen({
      org: 'lumen-advice',
      prepare: (charter) => {
        unitOf(charter, 'brand')['policies'] = {
          founder: { method: 'advice', consultation: { period: 'P2D', with: ['members'] } },
        };
      },
    });
    lumen.as('mara', 'proposal.create', onBrand('b1'));
    lumen.as('hugo', 'proposal.advise', { proposal: 'b1', advice: 'Ask a designer first.' });
    lumen.advance(2 * DAY);
    expect(lumen.refusal('jonas', 'proposal.decide', { proposal: 'b1', decision: 'passed' })).toBe(
      'proposal/not-proposer',
    );
    lumen.as('mara', 'proposal.decide', { proposal: 'b1', decision: 'passed' });
    expect(lumen.proposal('b1').advice).toMatchObject([{ by: 'hugo', text: 'Ask a designer first.' }]);
  });

  it('a reasoned objection by a decider stops a consent proposal', () => {
    const lumen = governedLumen({
      org: 'lumen-consent',
      prepare: (charter) => {
        unitOf(charter, 'brand')['policies'] = { founder: { method: 'consent', period: 'P2D' } };
      },
    });
    lumen.as('mara', 'proposal.create', onBrand('b1'));
    lumen.as('mara', 'proposal.create', onBrand('b2'));
    expect(lumen.refusal('hugo', 'proposal.object', { proposal: 'b1', reason: 'no' })).toBe(
      'proposal/not-a-decider',
    );
    lumen.as('jonas', 'proposal.object', {
      proposal: 'b1',
      reason: 'The logo is trademarked by someone else.',
    });
    lumen.advance(2 * DAY);
    expect(lumen.refusal('mara', 'proposal.execute', { proposal: 'b1' })).toBe('proposal/wrong-phase');
    lumen.as('mara', 'proposal.execute', { proposal: 'b2' });
  });
});
