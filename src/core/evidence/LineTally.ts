import type { ImportIssue } from './ImportIssue.js';

/**
 * What an importer's pure part is: fed one line at a time with its 1-based number (the header
 * included), it keeps only what it aggregates, so memory grows with distinct keys, never with the
 * file; `finish` returns the result and every issue met on the way.
 */
export interface LineTally<Result> {
  line(text: string, line: number): void;
  /**
   * An optional fast path: line `line` as UTF-8 bytes `[start, end)`, its line break left out.
   * It returns true when it took the line, or false, having changed nothing, and the line is then
   * decoded and given to `line`. It must refuse any line holding a `\r` (a lone `\r` also ends a
   * line, which only the text path splits).
   */
  bytes?(bytes: Uint8Array, start: number, end: number, line: number): boolean;
  finish(): { readonly result: Result; readonly rows: number; readonly issues: readonly ImportIssue[] };
}
