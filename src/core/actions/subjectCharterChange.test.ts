import { describe, expect, it } from 'vitest';
import { CORE_TEAM, charterChangeOn, DAY, governedLumen } from '../../../test/support/governedLog.js';
import { copy, type JsonObject, unitOf } from '../../../test/support/signedLog.js';

describe('charter-change proposals: one unit’s rules, decided under its policy, replaced on execute', () => {
  it('a tightening is decided at the current level and replaces the charter when executed', () => {
    const lumen = governedLumen({ org: 'lumen-tighten' });
    const tightened = copy(lumen.charter) as JsonObject;
    unitOf(tightened, 'treasury')['policies'] = { transparent: { timelock: 'P1D' } };
    // treasury is transparent (above founder level): an amend may not do this
    expect(lumen.refusal('mara', 'charter.amend', { charter: tightened })).toBe('action/proposal-required');
    lumen.as(
      'mara',
      'proposal.create',
      charterChangeOn('treasury', 'c1', 'A day between deciding and paying', tightened),
    );
    expect(lumen.proposal('c1').subject).toMatchObject({ level: 1, direction: 'tighten' });
    lumen.vote('c1', CORE_TEAM, 'for');
    lumen.advance(3 * DAY);
    const state = lumen.as('mara', 'proposal.execute', { proposal: 'c1' });
    const treasury = state.organization.units.find((u) => u.id === 'treasury')!;
    expect(treasury.levels[1]!.policy.timelock).toBe(DAY);
    expect(state.levels['treasury']).toBe(1);
  });

  it('a loosening of a higher level is decided under that level’s policy', () => {
    const lumen = governedLumen({ org: 'lumen-loosen' });
    const loosened = copy(lumen.charter) as JsonObject;
    // treasury's delegated level: the core team rather than the grants committee would decide
    unitOf(loosened, 'treasury')['policies'] = { delegated: { deciders: ['$team'] } };
    lumen.as(
      'mara',
      'proposal.create',
      charterChangeOn('treasury', 'c1', 'Keep the treasury with the team', loosened),
    );
    const proposal = lumen.proposal('c1');
    expect(proposal.subject).toMatchObject({ level: 3, direction: 'loosen' });
    expect([...proposal.electorate.weights.keys()].sort()).toEqual(['dmitri', 'elena', 'grace']);
  });

  it('refuses a change to another unit, a level, or a unit removed', () => {
    const lumen = governedLumen({ org: 'lumen-scope' });
    const create = (charter: JsonObject) => charterChangeOn('treasury', 'c1', 'Change', charter);
    const other = copy(lumen.charter) as JsonObject;
    unitOf(other, 'grants')['policies'] = { delegated: { deciders: ['$team'] } };
    expect(lumen.refusal('mara', 'proposal.create', create(other))).toBe('action/other-unit-changed');
    const level = copy(lumen.charter) as JsonObject;
    unitOf(level, 'treasury')['level'] = 'community';
    expect(lumen.refusal('mara', 'proposal.create', create(level))).toBe('action/level-change');
    const removed = copy(lumen.charter) as JsonObject;
    removed['units'] = (removed['units'] as JsonObject[]).filter((u) => u['id'] !== 'treasury');
    expect(lumen.refusal('mara', 'proposal.create', create(removed))).toBe('action/unit-removed');
  });
});
