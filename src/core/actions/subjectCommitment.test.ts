import { describe, expect, it } from 'vitest';
import { CORE_TEAM, DAY, governedLumen, treasuryEvidence } from '../../../test/support/governedLog.js';

const commitment = (id: string, action: string, value: Record<string, unknown>) => ({
  id,
  unit: 'treasury',
  kind: 'commitment',
  title: `${action} a commitment`,
  subject: { action, commitment: value },
});

// Each case opens Lumen and proposes a commitment with the same two calls, written out by design:
// what differs (the promise, the org) is what the case is about.
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

  it('refuses to execute a change decided under a level the unit has since left', () => {
    const lumen = governedLumen({ org: 'lumen-stale-promise' });
    lumen.as(
      'mara',
      'proposal.create',
      commitment('p2', 'add', { id: 'dash', level: 'consultative', by: '2026-09-30' }),
    );
    lumen.as('mara', 'proposal.create', {
      id: 'm1',
      unit: 'treasury',
      kind: 'slider-move',
      title: 'Up',
      subject: { to: 'consultative', evidence: treasuryEvidence(['treasury-dashboard']) },
    });
    lumen.vote('p2', CORE_TEAM, 'for');
    lumen.vote('m1', CORE_TEAM, 'for');
    lumen.advance(3 * DAY);
    lumen.as('mara', 'proposal.execute', { proposal: 'm1' });
    // decided at transparent (1); the treasury is consultative (2) now
    expect(lumen.error('mara', 'proposal.execute', { proposal: 'p2' }).details).toMatchObject({
      decided: 1,
      needed: 2,
    });
  });
});
