import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestionHint } from './didYouMean.js';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('treasury', 'treasury')).toBe(0);
    // one deleted letter
    expect(editDistance('tresury', 'treasury')).toBe(1);
    // kitten → sitting: k→s, e→i, +g
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
  });

  it('counts a swap of two adjacent letters as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('emial', 'email')).toBe(1);
    expect(editDistance('nmae', 'name')).toBe(1);
    // A swapped pair is not edited again: 'ca' → 'abc' takes three edits (delete c, append b, c), not two.
    expect(editDistance('ca', 'abc')).toBe(3);
  });

  it('is symmetric', () => {
    for (const [a, b] of [
      ['tresury', 'treasury'],
      ['emial', 'email'],
      ['kitten', 'sitting'],
      ['', 'x'],
    ] as const) {
      expect(editDistance(a, b)).toBe(editDistance(b, a));
    }
  });
});

describe('didYouMean', () => {
  it('finds the closest candidate to a typo', () => {
    expect(didYouMean({ input: 'tresury', candidates: ['treasury', 'brand'] })).toBe('treasury');
  });

  it('suggests the intended name for a transposition typo in a short name', () => {
    // 'emial' is one swap from 'email'; the limit for a five-letter name is max(1, floor(5/3)) = 1.
    expect(didYouMean({ input: 'emial', candidates: ['name', 'email'] })).toBe('email');
  });

  it('ignores case when comparing, and answers with the candidate as declared', () => {
    expect(didYouMean({ input: 'TREASURY', candidates: ['treasury'] })).toBe('treasury');
  });

  it('prefers the nearer of two candidates, whatever their order', () => {
    // 'tresury' → 'treasury' is 1 edit (insert a); → 'treasure' is 2 (insert a, y → e).
    expect(didYouMean({ input: 'tresury', candidates: ['treasure', 'treasury'] })).toBe('treasury');
    expect(didYouMean({ input: 'tresury', candidates: ['treasury', 'treasure'] })).toBe('treasury');
  });

  it('breaks a tie by the order of the candidates', () => {
    // 'grant' is 1 edit from both 'giant' (r → i) and 'grants' (+s).
    expect(didYouMean({ input: 'grant', candidates: ['giant', 'grants'] })).toBe('giant');
    expect(didYouMean({ input: 'grant', candidates: ['grants', 'giant'] })).toBe('grants');
  });

  it('suggests nothing when no candidate is a plausible typo', () => {
    // 'brand' is 7 edits from 'treasury'; the limit for an eight-letter name is floor(8/3) = 2.
    expect(didYouMean({ input: 'treasury', candidates: ['brand'] })).toBeUndefined();
    expect(didYouMean({ input: 'x', candidates: [] })).toBeUndefined();
  });

  it('allows at least one edit even for very short names', () => {
    // floor(2/3) = 0, raised to 1
    expect(didYouMean({ input: 'ab', candidates: ['ac'] })).toBe('ac');
    expect(didYouMean({ input: 'ab', candidates: ['cd'] })).toBeUndefined();
  });
});

describe('suggestionHint', () => {
  it('renders a did-you-mean question when a candidate is close', () => {
    expect(suggestionHint({ input: 'tresury', candidates: ['treasury', 'brand'], noun: 'unit' })).toBe(
      "did you mean 'treasury'?",
    );
  });

  it('lists the known names when none is close', () => {
    expect(suggestionHint({ input: 'zzz', candidates: ['treasury', 'brand'], noun: 'unit' })).toBe(
      "known units: 'treasury', 'brand'",
    );
  });

  it('shortens a long list to eight names and the count', () => {
    const candidates = Array.from({ length: 10 }, (_, i) => `unit-${i}-long-name`);
    expect(suggestionHint({ input: 'zzz', candidates, noun: 'unit' })).toBe(
      `known units: ${candidates
        .slice(0, 8)
        .map((c) => `'${c}'`)
        .join(', ')}, … (10 in all)`,
    );
  });

  it('says when nothing of that kind is declared', () => {
    expect(suggestionHint({ input: 'lum', candidates: [], noun: 'token' })).toBe('no token is declared');
  });
});
