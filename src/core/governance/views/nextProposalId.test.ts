import { describe, expect, it } from 'vitest';
import { nextProposalId } from './nextProposalId.js';

describe('nextProposalId', () => {
  it('numbers after the count of proposals, skipping ids already taken', () => {
    // 2 proposals → n starts at 3; 'treasury-3' is taken, so 4.
    expect(nextProposalId({ unit: 'treasury', taken: ['brand-1', 'treasury-3'] })).toBe('treasury-4');
    expect(nextProposalId({ unit: 'treasury', taken: [] })).toBe('treasury-1');
  });

  it('makes an id of any unit name', () => {
    expect(nextProposalId({ unit: 'Risk Params', taken: [] })).toBe('risk-params-1');
    expect(nextProposalId({ unit: '42', taken: [] })).toBe('p-42-1');
    expect(nextProposalId({ unit: '--', taken: [] })).toBe('p-1');
  });
});
