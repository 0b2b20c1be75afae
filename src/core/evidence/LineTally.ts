import type { ImportIssue } from './ImportIssue.js';

/**
 * What an importer's pure part is: fed one line at a time with its 1-based number (the header
 * included), it keeps only what it aggregates, so memory grows with distinct keys, never with the
 * file; `finish` returns the result and every issue met on the way.
 */
export interface LineTally<Result> {
  line(text: string, line: number): void;
  finish(): { readonly result: Result; readonly rows: number; readonly issues: readonly ImportIssue[] };
}
