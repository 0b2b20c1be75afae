import { describe, expect, it } from 'vitest';
import { minVotersGate } from './minVotersGate.js';
import { quorumGate } from './quorumGate.js';

describe('quorumGate', () => {
  const tenth = quorumGate({ num: 1n, den: 10n });

  it('is met when participation × den ≥ num × total, exactly', () => {
    // 1/10 of 1,005 is 100.5: 100 falls short, 101 meets it
    // Checked like minVotersGate below, by design: both gates' results are stated in full.
    expect(tenth.check({ participation: 100n, voters: 1, total: 1_005n })).toEqual({
      gate: 'quorum',
      met: false,
      needed: 101n,
      have: 100n,
    });
    expect(tenth.check({ participation: 101n, voters: 1, total: 1_005n }).met).toBe(true);
    // exactly 1/10 of 1,000 is enough
    expect(tenth.check({ participation: 100n, voters: 1, total: 1_000n }).met).toBe(true);
  });

  it('describes itself by its fraction', () => {
    expect(quorumGate({ num: 2n, den: 3n }).describe).toBe('quorum=2/3');
  });
});

describe('minVotersGate', () => {
  it('counts voters, not weight', () => {
    const three = minVotersGate(3);
    // Checked like quorumGate above, by design: both gates' results are stated in full.
    expect(three.check({ participation: 1_000_000n, voters: 2, total: 1_000_000n })).toEqual({
      gate: 'min-voters',
      met: false,
      needed: 3n,
      have: 2n,
    });
    expect(three.check({ participation: 3n, voters: 3, total: 1_000_000n }).met).toBe(true);
    expect(three.describe).toBe('min-voters=3');
  });
});
