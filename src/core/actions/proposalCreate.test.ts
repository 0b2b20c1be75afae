import { describe, expect, it } from 'vitest';
import { DAY, decisionOn, governedLumen, treasuryEvidence } from '../../../test/support/governedLog.js';
import { unitOf } from '../../../test/support/signedLog.js';

const move = (id: string, unit: string, to: string, extra: Record<string, unknown> = {}) => ({
  id,
  unit,
  kind: 'slider-move',
  title: `Move ${unit} to ${to}`,
  subject: { to, ...extra },
});

describe('proposal.create: who may propose, under which policy, and whether a move is ready', () => {
  it('admits the proposers of the unit’s current level only, and fixes the electorate when it opens', () => {
    const lumen = governedLumen({ org: 'lumen-create' });
    const decision = decisionOn('treasury', 'p1', 'Fund the audit', 'Pay 40k for the v4 audit');
    // treasury is transparent: the core team proposes and decides; ade holds no team role
    expect(lumen.refusal('ade', 'proposal.create', decision)).toBe('proposal/not-a-proposer');
    lumen.as('priya', 'proposal.create', decision);
    const proposal = lumen.proposal('p1');
    expect(proposal.proposer).toBe('priya');
    expect([...proposal.electorate.weights.keys()].sort()).toEqual([
      'jonas',
      'lin',
      'mara',
      'priya',
      'tomas',
    ]);
    expect(proposal.subject).toMatchObject({ outcome: 'Pay 40k for the v4 audit', level: 1 });
    // an id is used once; an unknown unit and a subject of another kind are refused
    expect(lumen.refusal('priya', 'proposal.create', decision)).toBe('action/proposal-exists');
    expect(lumen.refusal('priya', 'proposal.create', { ...decision, id: 'p2', unit: 'vault' })).toBe(
      'action/unknown-unit',
    );
    expect(lumen.refusal('priya', 'proposal.create', { ...decision, id: 'p3', kind: 'slider-move' })).toBe(
      'action/wrong-subject',
    );
  });

  it('moves one notch at a time', () => {
    const lumen = governedLumen({ org: 'lumen-notch' });
    // treasury is transparent (1): delegated (3) is two notches away
    expect(lumen.refusal('mara', 'proposal.create', move('m1', 'treasury', 'delegated'))).toBe(
      'action/not-one-notch',
    );
    expect(lumen.refusal('mara', 'proposal.create', move('m1', 'treasury', 'nowhere'))).toBe(
      'action/unknown-level',
    );
  });

  it('refuses an unready move up naming what is unmet, and accepts it once the evidence is given', () => {
    const lumen = governedLumen({ org: 'lumen-ready' });
    const error = lumen.error('mara', 'proposal.create', move('m1', 'treasury', 'consultative'));
    expect(error.code).toBe('action/not-ready');
    expect(error.message).toContain('treasury dashboard');
    expect(error.details['unmet']).toHaveLength(1);
    lumen.as(
      'mara',
      'proposal.create',
      move('m1', 'treasury', 'consultative', { evidence: treasuryEvidence(['treasury-dashboard']) }),
    );
    expect(lumen.proposal('m1').subject).toMatchObject({ from: 1, to: 2, readiness: 'ready' });
  });

  it('reads time at level from the log, whatever the payload’s evidence claims', () => {
    const lumen = governedLumen({ org: 'lumen-since' });
    // upgrades reached consultative on 2026-02-01 and the log is at 2026-03-01: 28 of 90 days
    const claim = {
      evidence: 1,
      units: { upgrades: { since: '2025-01-01' } },
      attestations: [
        { checklist: 'audit-v3', unit: 'upgrades', at: '2026-02-01', evidence: 'https://lumen.example/a' },
        { checklist: 'upgrade-runbook', unit: 'upgrades', at: '2026-02-01' },
      ],
    };
    const error = lumen.error(
      'mara',
      'proposal.create',
      move('u1', 'upgrades', 'delegated', { evidence: claim }),
    );
    expect(error.code).toBe('action/not-ready');
    expect((error.details['unmet'] as string[]).join(' ')).toMatch(/90 days/);
    lumen.advance(70 * DAY);
    lumen.as('mara', 'proposal.create', move('u1', 'upgrades', 'delegated', { evidence: claim }));
  });

  it('records an override with its reason where others decide, and refuses it for a single owner', () => {
    const lumen = governedLumen({ org: 'lumen-override' });
    lumen.as(
      'mara',
      'proposal.create',
      move('m1', 'treasury', 'consultative', { override: 'The dashboard ships next week' }),
    );
    const subject = lumen.proposal('m1').subject;
    expect(subject['override']).toBe('The dashboard ships next week');
    expect(subject['readiness']).toBe('not-ready');
    expect(subject['unmet']).toHaveLength(1);
    // brand is at founder level: its owner decides alone, so an unready move cannot be waved through
    expect(
      lumen.refusal('mara', 'proposal.create', move('b1', 'brand', 'transparent', { override: 'trust me' })),
    ).toBe('action/not-ready');
  });

  it('decides a move down under the policy of the higher level being left', () => {
    const lumen = governedLumen({ org: 'lumen-down' });
    // grants is delegated: the core team may propose there, but the grants committee decides
    lumen.as('mara', 'proposal.create', move('g1', 'grants', 'consultative'));
    const proposal = lumen.proposal('g1');
    expect(proposal.subject).toMatchObject({ from: 3, to: 2, level: 3 });
    expect([...proposal.electorate.weights.keys()].sort()).toEqual(['dmitri', 'elena', 'grace']);
    lumen.advance(7 * DAY + 1);
    expect(
      lumen.refusal('mara', 'vote.cast', { proposal: 'g1', ballot: { choice: 'for' }, reason: 'back to us' }),
    ).toBe('proposal/not-in-electorate');
  });

  it('reads role terms at the action’s time: a council member proposes only once their term starts', () => {
    const lumen = governedLumen({ org: 'lumen-terms' });
    // risk-parameters is delegated: its council, the risk council, may propose; ade's term starts 2026-07-01
    const decision = decisionOn('risk-parameters', 'r1', 'Raise the ETH cap', 'Cap 50k ETH');
    expect(lumen.refusal('ade', 'proposal.create', decision)).toBe('proposal/not-a-proposer');
    lumen.advance(122 * DAY); // 2026-03-01 + 122 days = 2026-07-01
    lumen.as('ade', 'proposal.create', decision);
    expect(lumen.proposal('r1').proposer).toBe('ade');
  });

  it('weighs a token vote by the holdings snapshot it records, taken no later than the opening', () => {
    const lumen = governedLumen({
      org: 'lumen-holdings',
      prepare: (charter) => {
        unitOf(charter, 'brand')['policies'] = {
          founder: { method: 'majority', deciders: ['lum-holders'], weight: { token: 'LUM' }, period: 'P3D' },
        };
      },
    });
    const decision = decisionOn('brand', 'b1', 'New logo', 'Adopt the new logo');
    expect(lumen.refusal('mara', 'proposal.create', decision)).toBe('proposal/holdings-required');
    const balances = { mara: '100', hugo: '300' };
    expect(
      lumen.refusal('mara', 'proposal.create', { ...decision, snapshot: { at: '2027-01-01', balances } }),
    ).toBe('action/snapshot-after-opening');
    lumen.as('mara', 'proposal.create', { ...decision, snapshot: { at: '2026-02-28', balances } });
    expect(lumen.org.state!.snapshots['b1']).toEqual({
      token: 'LUM',
      at: '2026-02-28T00:00:00.000Z',
      balances,
    });
    expect(Object.fromEntries(lumen.proposal('b1').electorate.weights)).toEqual({ mara: 100n, hugo: 300n });
    // 100 for, 300 against: rejected
    lumen.vote('b1', ['mara'], 'for');
    lumen.vote('b1', ['hugo'], 'against');
    lumen.advance(3 * DAY);
    expect(lumen.refusal('mara', 'proposal.execute', { proposal: 'b1' })).toBe('proposal/wrong-phase');
  });
});
