import type { Agreement, VectorResult } from './compareWithVector.js';

export interface AgreementCounts {
  readonly vectors: number;
  readonly agree: number;
  readonly partial: number;
  readonly disagree: number;
}

export interface RuleAgreement extends AgreementCounts {
  readonly rule: string;
}

export interface ConformanceSummary {
  readonly totals: AgreementCounts;
  /** One row per rule any vector names, in natural order (2 before 10). */
  readonly rules: readonly RuleAgreement[];
}

/**
 * Counts agreement in total and per rule. A vector counts once under each rule it names, so the
 * per-rule rows can add up to more than the total.
 *
 * @example
 * summarizeConformance({ results }).totals // { vectors: 3, agree: 2, partial: 0, disagree: 1 }
 */
export function summarizeConformance(args: { results: readonly VectorResult[] }): ConformanceSummary {
  const byRule = new Map<string, Record<Agreement, number>>();
  const totals: Record<Agreement, number> = { agree: 0, partial: 0, disagree: 0 };
  for (const result of args.results) {
    totals[result.agreement]++;
    for (const rule of new Set(result.rules)) {
      const counts = byRule.get(rule) ?? { agree: 0, partial: 0, disagree: 0 };
      counts[result.agreement]++;
      byRule.set(rule, counts);
    }
  }
  const counted = (counts: Record<Agreement, number>): AgreementCounts => ({
    vectors: counts.agree + counts.partial + counts.disagree,
    ...counts,
  });
  return {
    totals: counted(totals),
    rules: [...byRule]
      .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
      .map(([rule, counts]) => ({ rule, ...counted(counts) })),
  };
}
