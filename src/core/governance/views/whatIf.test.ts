import { describe, expect, it } from 'vitest';
import { lumenRuntime } from '../../../../test/support/replayLog.js';
import { whatIf } from './whatIf.js';

/**
 * The dao template with one decision on `brand` (founder level: mara, a founder, decides alone)
 * proposed and passed by mara.
 */
function decided() {
  const { org, keys } = lumenRuntime({ org: 'lumen-whatif', registered: [] });
  const mara = keys['mara']!;
  org.act({
    key: mara,
    actor: 'mara',
    kind: 'proposal.create',
    payload: {
      id: 'brand-1',
      unit: 'brand',
      kind: 'decision',
      title: 'New logo',
      subject: { outcome: 'Adopt it' },
    },
  });
  org.act({
    key: mara,
    actor: 'mara',
    kind: 'proposal.decide',
    payload: { proposal: 'brand-1', decision: 'passed' },
  });
  return org.state!;
}

describe('whatIf', () => {
  it('finds no difference under the policy the decision was made under', () => {
    const state = decided();
    expect(whatIf({ state, unit: 'brand', level: 0, now: Date.now() })).toEqual([
      {
        id: 'brand-1',
        title: 'New logo',
        kind: 'decision',
        actual: 'passed',
        would: 'passed',
        differs: false,
        why: [],
      },
    ]);
  });

  it('reports that an owner’s decision alone would not have passed under a higher level', () => {
    const state = decided();
    const top = state.organization.units.find((u) => u.id === 'brand')!.levels.length - 1;
    const [replayed] = whatIf({ state, unit: 'brand', level: top, now: Date.now() });
    expect(replayed).toMatchObject({ id: 'brand-1', actual: 'passed', differs: true });
    expect(replayed!.would).not.toBe('passed');
    expect(replayed!.why.length).toBeGreaterThan(0);
  });

  it('knows nothing of a unit or level that is not there', () => {
    const state = decided();
    expect(whatIf({ state, unit: 'nowhere', level: 1, now: Date.now() })).toEqual([]);
    expect(whatIf({ state, unit: 'brand', level: 99, now: Date.now() })).toEqual([]);
  });
});
