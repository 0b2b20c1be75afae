import { describe, expect, it } from 'vitest';
import {
  CORE_TEAM,
  DAY,
  decisionOn,
  GRANTS_COMMITTEE,
  governedLumen,
  treasuryEvidence,
} from '../../../test/support/governedLog.js';
import { unitOf } from '../../../test/support/signedLog.js';

const moveUp = {
  id: 'm1',
  unit: 'treasury',
  kind: 'slider-move',
  title: 'Treasury becomes consultative',
  subject: { to: 'consultative', evidence: treasuryEvidence(['treasury-dashboard']) },
};

describe('proposal.execute: only a passed proposal, after every window, with its effect', () => {
  it('moves the unit one notch once passed, and records when', () => {
    const lumen = governedLumen({ org: 'lumen-exec' });
    lumen.as('mara', 'proposal.create', moveUp);
    lumen.vote('m1', CORE_TEAM.slice(0, 3), 'for');
    // voting lasts three days: executing before it closes is refused
    expect(lumen.refusal('mara', 'proposal.execute', { proposal: 'm1' })).toBe('proposal/wrong-phase');
    expect(lumen.org.state!.levels['treasury']).toBe(1);
    lumen.advance(3 * DAY);
    const state = lumen.as('ade', 'proposal.execute', { proposal: 'm1' });
    expect(state.levels['treasury']).toBe(2);
    expect(state.levelSince['treasury']).toBe(lumen.log.events.at(-1)!.recordedAt);
    expect(lumen.proposal('m1').executedAt).toBe(Date.parse(lumen.log.events.at(-1)!.recordedAt));
    // once only
    expect(lumen.refusal('mara', 'proposal.execute', { proposal: 'm1' })).toBe('proposal/wrong-phase');
  });

  it('never executes a rejected move', () => {
    const lumen = governedLumen({ org: 'lumen-reject' });
    lumen.as('mara', 'proposal.create', moveUp);
    lumen.vote('m1', ['mara'], 'for');
    lumen.vote('m1', ['jonas', 'priya'], 'against');
    lumen.advance(3 * DAY);
    expect(lumen.refusal('mara', 'proposal.execute', { proposal: 'm1' })).toBe('proposal/wrong-phase');
    expect(lumen.org.state!.levels['treasury']).toBe(1);
  });

  it('refuses a move that another move made stale', () => {
    const lumen = governedLumen({ org: 'lumen-stale' });
    lumen.as('mara', 'proposal.create', moveUp);
    lumen.as('mara', 'proposal.create', { ...moveUp, id: 'm2' });
    lumen.vote('m1', CORE_TEAM, 'for');
    lumen.vote('m2', CORE_TEAM, 'for');
    lumen.advance(3 * DAY);
    lumen.as('mara', 'proposal.execute', { proposal: 'm1' });
    expect(lumen.refusal('mara', 'proposal.execute', { proposal: 'm2' })).toBe('action/stale-move');
  });

  it('holds a passed decision through the veto window, where a veto ends it, and through the timelock', () => {
    const lumen = governedLumen({
      org: 'lumen-veto',
      prepare: (charter) => {
        unitOf(charter, 'grants')['policies'] = { delegated: { timelock: 'P2D' } };
      },
    });
    const grant = (id: string) => decisionOn('grants', id, `Grant ${id}`, `Fund ${id}`);
    lumen.as('elena', 'proposal.create', grant('g1'));
    lumen.as('elena', 'proposal.create', grant('g2'));
    // consultation 7 days, then the committee votes for 5 days
    lumen.advance(7 * DAY);
    lumen.vote('g1', GRANTS_COMMITTEE, 'for');
    lumen.vote('g2', GRANTS_COMMITTEE, 'for');
    lumen.advance(5 * DAY);
    // the team's veto window (3 days): a committee member is no vetoer; a core-team member is
    expect(lumen.refusal('elena', 'proposal.veto', { proposal: 'g1', reason: 'no' })).toBe(
      'proposal/not-a-vetoer',
    );
    lumen.as('jonas', 'proposal.veto', { proposal: 'g1', reason: 'the grantee is a related party' });
    expect(lumen.refusal('elena', 'proposal.execute', { proposal: 'g2' })).toBe('proposal/wrong-phase');
    lumen.advance(3 * DAY);
    expect(lumen.refusal('jonas', 'proposal.veto', { proposal: 'g2', reason: 'late' })).toBe(
      'proposal/wrong-phase',
    );
    // the timelock (2 days) follows the veto window
    expect(lumen.refusal('elena', 'proposal.execute', { proposal: 'g2' })).toBe('proposal/wrong-phase');
    lumen.advance(2 * DAY);
    lumen.as('elena', 'proposal.execute', { proposal: 'g2' });
    expect(lumen.refusal('elena', 'proposal.execute', { proposal: 'g1' })).toBe('proposal/wrong-phase');
  });
});
