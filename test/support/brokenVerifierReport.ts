/** What `devolve verify --json` prints, as far as a conformance test reads it. */
export interface VerifyJson {
  readonly ok: boolean;
  readonly line?: number;
  readonly rule?: string;
  readonly firstBad?: { readonly index: number; readonly code: string };
}

/**
 * The first bad line of a log and the rule it broke, as `devolve verify --json` reports them: its
 * `line` and `rule` fields, or — from a `devolve verify` that does not print them yet — the line
 * of its first bad event and that event's error code.
 *
 * @example
 * badLineOf({ ok: false, firstBad: { index: 2, code: 'log/bad-signature' } }) // { line: 3, rule: 'log/bad-signature' }
 */
export function badLineOf(printed: VerifyJson): { line: number; rule: string } | undefined {
  if (printed.ok || printed.firstBad === undefined) return undefined;
  return {
    line: printed.line ?? printed.firstBad.index + 1,
    rule: printed.rule ?? printed.firstBad.code,
  };
}
