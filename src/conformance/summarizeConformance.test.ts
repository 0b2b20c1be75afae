import { describe, expect, it } from 'vitest';
import type { Agreement, VectorResult } from './compareWithVector.js';
import { summarizeConformance } from './summarizeConformance.js';

const result = (id: string, rules: string[], agreement: Agreement): VectorResult => ({
  id,
  description: id,
  rules,
  expected: { verdict: 'ok' },
  answer: { kind: 'ok' },
  agreement,
  differs: [],
  unreported: [],
  exitCode: 0,
});

describe('summarizeConformance', () => {
  it('counts each vector once in the totals and once under every rule it names', () => {
    const summary = summarizeConformance({
      results: [
        result('a', ['10', '2'], 'agree'),
        result('b', ['2'], 'disagree'),
        result('c', ['2', '2'], 'partial'),
        result('d', [], 'agree'),
      ],
    });
    // 4 vectors: a and d agree, c partial, b disagrees.
    expect(summary.totals).toEqual({ vectors: 4, agree: 2, partial: 1, disagree: 1 });
    // Rule 2: a, b and c (c names it twice but counts once) → 1 each. Rule 10: a only. d names none.
    // Natural order: 2 before 10.
    expect(summary.rules).toEqual([
      { rule: '2', vectors: 3, agree: 1, partial: 1, disagree: 1 },
      { rule: '10', vectors: 1, agree: 1, partial: 0, disagree: 0 },
    ]);
  });

  it('an empty run has zero totals and no rules', () => {
    expect(summarizeConformance({ results: [] })).toEqual({
      totals: { vectors: 0, agree: 0, partial: 0, disagree: 0 },
      rules: [],
    });
  });
});
