import { describe, expect, it } from 'vitest';
import type { Delegation } from '../lifecycle/Proposal.js';
import { checkDelegation } from './checkDelegation.js';

const delegation = (parts: Delegation['parts']): Delegation => ({
  from: 'ana',
  scope: { kind: 'token', token: 'GOV' },
  parts,
});

describe('checkDelegation', () => {
  it('accepts a whole delegation and parts adding up to at most the whole', () => {
    expect(checkDelegation(delegation([{ to: 'ben', share: { num: 1n, den: 1n } }]))).toBeUndefined();
    // 1/2 + 1/3 = 5/6 ≤ 1
    expect(
      checkDelegation(
        delegation([
          { to: 'ben', share: { num: 1n, den: 2n } },
          { to: 'cy', share: { num: 1n, den: 3n } },
        ]),
      ),
    ).toBeUndefined();
  });

  it.each([
    [[], 'at least one'],
    [[{ to: 'ana', share: { num: 1n, den: 1n } }], 'themselves'],
    [
      [
        { to: 'ben', share: { num: 1n, den: 4n } },
        { to: 'ben', share: { num: 1n, den: 4n } },
      ],
      'twice',
    ],
    [[{ to: 'ben', share: { num: 0n, den: 1n } }], 'more than 0'],
    [[{ to: 'ben', share: { num: 3n, den: 2n } }], 'at most 1'],
    // 1/2 + 2/3 = 7/6 > 1
    [
      [
        { to: 'ben', share: { num: 1n, den: 2n } },
        { to: 'cy', share: { num: 2n, den: 3n } },
      ],
      'more than the whole',
    ],
  ] as const)('refuses a delegation whose parts are wrong (case %#)', (parts, words) => {
    expect(checkDelegation(delegation(parts))).toContain(words);
  });
});
