import { describe, expect, it } from 'vitest';
import { CORE_TEAM, DAY, governedLumen } from '../../../test/support/governedLog.js';

const commitment = (id: string, action: string, value: Record<string, unknown>) => ({
  id,
  unit: 'treasury',
  kind: 'commitment',
  title: `${action} a commitment`,
  subject: { action, commitment: value },
});

describe('commitment proposals: adding tightens, weakening needs the promised level’s policy', () => {
  it('adds a promise under the current policy and writes it into the charter on execute', () => {
    const lumen = governedLumen({ org: 'lumen-promise' });
    lumen.as(
      'mara',
      'proposal.create',
      commitment('p1', 'add', { id: 'treasury-dash', level: 'consultative', by: '2026-09-30' }),
    );
    expect(lumen.proposal('p1').subject).toMatchObject({ level: 1 });
    lumen.vote('p1', CORE_TEAM, 'for');
    lumen.advance(3 * DAY);
    const state = lumen.as('mara', 'proposal.execute', { proposal: 'p1' });
    const promises = state.organization.units.find((u) => u.id === 'treasury')!.commitments;
    expect(promises.map((c) => c.id)).toEqual(['treasury-delegated', 'treasury-dash']);
    expect(
      lumen.refusal(
        'mara',
        'proposal.create',
        commitment('p2', 'add', { id: 'treasury-dash', level: 2, by: '2027-01-01' }),
      ),
    ).toBe('action/commitment-exists');
  });

  it('extending or cancelling a promise of a higher level is decided under that level’s policy', () => {
    const lumen = governedLumen({ org: 'lumen-weaken' });
    // treasury promises delegated (3) by 2027-06-30; it is transparent (1)
    lumen.as('mara', 'proposal.create', commitment('p1', 'cancel', { id: 'treasury-delegated' }));
    expect(lumen.proposal('p1').subject).toMatchObject({ level: 3 });
    expect([...lumen.proposal('p1').electorate.weights.keys()].sort()).toEqual(['dmitri', 'elena', 'grace']);
    expect(
      lumen.refusal(
        'mara',
        'proposal.create',
        commitment('p2', 'extend', { id: 'treasury-delegated', by: '2027-01-01' }),
      ),
    ).toBe('action/invalid-commitment');
    lumen.as(
      'mara',
      'proposal.create',
      commitment('p3', 'extend', { id: 'treasury-delegated', by: '2028-06-30' }),
    );
    expect(lumen.proposal('p3').subject).toMatchObject({ level: 3 });
    expect(lumen.refusal('mara', 'proposal.create', commitment('p4', 'cancel', { id: 'nothing' }))).toBe(
      'action/unknown-commitment',
    );
  });
});
