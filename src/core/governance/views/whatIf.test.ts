import { describe, expect, it } from 'vitest';
import { DAY, governedLumen } from '../../../../test/support/governedLog.js';
import { lumenRuntime } from '../../../../test/support/replayLog.js';
import { unitOf } from '../../../../test/support/signedLog.js';
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
    // Transparent: the core team decides by majority; nobody voted, so nothing passes.
    const [replayed] = whatIf({ state, unit: 'brand', level: 1, now: Date.now() });
    expect(replayed).toMatchObject({ id: 'brand-1', actual: 'passed', differs: true });
    expect(replayed!.would).not.toBe('passed');
    expect(replayed!.why).toContain('decided by majority instead of single-owner');
  });

  it('does not guess a token-weighted outcome when the log records no holdings', () => {
    const state = decided();
    const top = state.organization.units.find((u) => u.id === 'brand')!.levels.length - 1;
    expect(whatIf({ state, unit: 'brand', level: top, now: Date.now() })).toMatchObject([
      { id: 'brand-1', actual: 'passed', would: 'unknown', differs: false },
    ]);
  });

  it('knows nothing of a unit or level that is not there', () => {
    const state = decided();
    expect(whatIf({ state, unit: 'nowhere', level: 1, now: Date.now() })).toEqual([]);
    expect(whatIf({ state, unit: 'brand', level: 99, now: Date.now() })).toEqual([]);
  });
});

/**
 * Token-weighted replays: `brand` decided at founder level by LUM holders (majority, weights from
 * the snapshot recorded with the proposal), and at transparent by a 2/3 supermajority of them;
 * `front-end` decided at transparent by the core team, one vote each, and at consultative by LUM
 * holders (majority).
 */
function tokenWeighted() {
  const lumen = governedLumen({
    org: 'lumen-whatif-token',
    prepare: (charter) => {
      const holders = { deciders: ['lum-holders'], weight: { token: 'LUM' }, period: 'P3D' };
      unitOf(charter, 'brand')['policies'] = {
        founder: { method: 'majority', ...holders },
        transparent: { method: 'supermajority', threshold: '2/3', ...holders },
      };
      unitOf(charter, 'front-end')['policies'] = { consultative: { method: 'majority', ...holders } };
    },
  });
  const decision = (id: string, unit: string) => ({
    id,
    unit,
    kind: 'decision',
    title: `Decision ${id}`,
    subject: { outcome: 'Do it' },
  });
  // f0 opens before any LUM holdings are recorded: 2 of 3 core-team votes for it.
  lumen.as('mara', 'proposal.create', decision('f0', 'front-end'));
  lumen.vote('f0', ['jonas', 'priya'], 'for');
  lumen.vote('f0', ['mara'], 'against');
  lumen.advance(4 * DAY);
  // b1 (opened 2026-03-05) records LUM at 2026-03-03, after f0 opened: mara 100, hugo 60.
  lumen.as('mara', 'proposal.create', {
    ...decision('b1', 'brand'),
    snapshot: { at: '2026-03-03', balances: { mara: '100', hugo: '60' } },
  });
  lumen.vote('b1', ['mara'], 'for');
  lumen.vote('b1', ['hugo'], 'against');
  lumen.advance(4 * DAY);
  // f1 opens after b1's snapshot: the same core-team votes as f0.
  lumen.as('mara', 'proposal.create', decision('f1', 'front-end'));
  lumen.vote('f1', ['jonas', 'priya'], 'for');
  lumen.vote('f1', ['mara'], 'against');
  lumen.advance(4 * DAY);
  return lumen.org.state!;
}

describe('whatIf with token-weighted levels', () => {
  const state = tokenWeighted();
  const now = Date.parse('2027-01-01');

  it('weighs a replay by the snapshot the proposal recorded', () => {
    // Under its own policy: for 100, against 60 → majority passes (100 > 60), as it did.
    expect(whatIf({ state, unit: 'brand', level: 0, now })).toEqual([
      {
        id: 'b1',
        title: 'Decision b1',
        kind: 'decision',
        actual: 'passed',
        would: 'passed',
        differs: false,
        why: [],
      },
    ]);
  });

  it('finds the outcome a 2/3 supermajority of the same holdings would have reached', () => {
    // 100 / (100 + 60) = 62.5 % < 66.7 %: rejected under the transparent level.
    const [b1] = whatIf({ state, unit: 'brand', level: 1, now });
    expect(b1).toMatchObject({ id: 'b1', actual: 'passed', would: 'rejected', differs: true });
    expect(b1!.why).toContain('decided by supermajority instead of majority');
  });

  it('borrows the latest earlier snapshot of the token, says so, and leaves unknown what none covers', () => {
    const [f0, f1] = whatIf({ state, unit: 'front-end', level: 2, now });
    // f0 opened 2026-03-01; the only LUM snapshot stands at 2026-03-03: nothing to weigh it by.
    expect(f0).toEqual({
      id: 'f0',
      title: 'Decision f0',
      kind: 'decision',
      actual: 'passed',
      would: 'unknown',
      differs: false,
      why: ['no LUM holdings recorded in the log at or before it opened: its votes cannot be weighed'],
    });
    // Core team 2 for, 1 against → passed. LUM holders: mara 100 against; jonas and priya hold
    // none → against 100, for 0 → rejected.
    expect(f1).toMatchObject({ id: 'f1', actual: 'passed', would: 'rejected', differs: true });
    expect(f1!.why).toEqual(
      expect.arrayContaining([
        'weighed by the LUM holdings recorded with b1 (at 2026-03-03T00:00:00.000Z): none was recorded with f1',
        'not in the electorate of level 2: jonas, priya',
      ]),
    );
  });
});
