import { describe, expect, it } from 'vitest';
import type { PolicyInput } from '../charter/charterSchema.js';
import { mergePolicy } from './mergePolicy.js';

const delegated: PolicyInput = {
  propose: ['$council', '$team'],
  method: 'majority',
  deciders: ['$council'],
  quorum: '50%',
  period: 'P5D',
  lateQuorumExtension: 'P2D',
  veto: { by: ['$team'], window: 'P3D' },
  rationale: 'required',
};

describe('mergePolicy', () => {
  it('returns the ladder policy when the unit overrides nothing', () => {
    expect(mergePolicy({ base: delegated, override: undefined })).toBe(delegated);
  });

  it('replaces the fields the override writes and keeps the rest', () => {
    expect(mergePolicy({ base: delegated, override: { quorum: '20%', deciders: ['risk-council'] } })).toEqual(
      {
        ...delegated,
        quorum: '20%',
        deciders: ['risk-council'],
      },
    );
  });

  it('removes a field the override sets to null', () => {
    const merged = mergePolicy({ base: delegated, override: { veto: null, lateQuorumExtension: null } });
    expect(merged).not.toHaveProperty('veto');
    expect(merged).not.toHaveProperty('lateQuorumExtension');
    expect(merged.quorum).toBe('50%');
  });

  it('leaves the ladder policy itself untouched', () => {
    const before = structuredClone(delegated);
    mergePolicy({ base: delegated, override: { veto: null, method: 'consent' } });
    expect(delegated).toEqual(before);
  });

  it('drops inherited fields the new method cannot use when the override switches method', () => {
    // Consent counts no votes: quorum and late-quorum extension go; its objection period stays.
    expect(mergePolicy({ base: delegated, override: { method: 'consent' } })).toEqual({
      propose: ['$council', '$team'],
      method: 'consent',
      deciders: ['$council'],
      period: 'P5D',
      veto: { by: ['$team'], window: 'P3D' },
      rationale: 'required',
    });
  });

  it('drops the period too when the new method has none', () => {
    const merged = mergePolicy({ base: delegated, override: { method: 'single-owner' } });
    expect(Object.keys(merged).sort()).toEqual(['deciders', 'method', 'propose', 'rationale', 'veto']);
  });

  it('keeps the period for the advice process and optimistic approval, which may use one', () => {
    expect(mergePolicy({ base: delegated, override: { method: 'optimistic' } }).period).toBe('P5D');
    expect(mergePolicy({ base: delegated, override: { method: 'advice' } }).period).toBe('P5D');
  });

  it('drops an inherited threshold and winners when switching to a method that takes neither', () => {
    const base: PolicyInput = {
      method: 'supermajority',
      deciders: ['$council'],
      threshold: '2/3',
      period: 'P5D',
    };
    expect(mergePolicy({ base, override: { method: 'majority' } })).toEqual({
      method: 'majority',
      deciders: ['$council'],
      period: 'P5D',
    });
    const approval: PolicyInput = { method: 'approval', deciders: ['$council'], winners: 3, period: 'P5D' };
    expect(mergePolicy({ base: approval, override: { method: 'ranked-choice' } })).not.toHaveProperty(
      'winners',
    );
  });

  it('keeps inapplicable fields the override writes itself, so the checker can report them', () => {
    const merged = mergePolicy({ base: delegated, override: { method: 'consent', quorum: '10%' } });
    expect(merged.quorum).toBe('10%');
    expect(merged).not.toHaveProperty('lateQuorumExtension');
  });

  it('drops nothing when the override names the method the ladder already uses', () => {
    expect(mergePolicy({ base: delegated, override: { method: 'majority' } })).toEqual(delegated);
  });
});
