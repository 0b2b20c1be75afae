/** What `devolve verify --json` prints, as far as a conformance test reads it. */
export interface VerifyJson {
  readonly ok: boolean;
  readonly line?: number;
  readonly rule?: string;
  readonly firstBad?: { readonly index: number; readonly code: string };
}

/**
 * The first bad line of a log and the rule it broke, as `devolve verify --json` reports them (its
 * top-level `line` and `rule`); undefined for a good log or an answer without them.
 *
 * @example
 * badLineOf({ ok: false, line: 3, rule: 'L6' }) // { line: 3, rule: 'L6' }
 */
export function badLineOf(printed: VerifyJson): { line: number; rule: string } | undefined {
  if (printed.ok || printed.line === undefined || printed.rule === undefined) return undefined;
  return { line: printed.line, rule: printed.rule };
}
