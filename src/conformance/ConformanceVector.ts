/** What a vector says a correct verifier concludes about its log. */
export type VectorExpectation =
  | { readonly verdict: 'ok' }
  | {
      readonly verdict: 'bad';
      /** The first bad line, from 1. */
      readonly line: number;
      /** The numbered rule that line breaks: an opaque id, compared as a string. */
      readonly rule: string;
    };

/**
 * One conformance vector: a log file (`<id>.jsonl`) and its expectation file (`<id>.json`) in a
 * vectors directory. `args` go on the verifier's command line before the log's path.
 */
export interface ConformanceVector {
  readonly id: string;
  readonly description: string;
  /** Every rule the vector exercises; the agreement summary counts it under each. */
  readonly rules: readonly string[];
  readonly args: readonly string[];
  readonly expected: VectorExpectation;
  /** The log file's path, as the verifier is given it. */
  readonly log: string;
}
