/**
 * The last JSON object a verifier printed on standard output, or `undefined`. The object is
 * either on one line of its own (`{"line":3,"rule":"6"}`, possibly after other output) or, as
 * `devolve verify --json` prints it, spread over lines from a `{` at the start of a line to the
 * end of the output. Anything that is not an object (an array, a number) does not count.
 *
 * @example
 * lastJsonObject('checking…\n{"ok":false,"line":3,"rule":"6"}\n') // { ok: false, line: 3, rule: '6' }
 */
export function lastJsonObject(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i]!.startsWith('{')) continue;
    const found = objectIn(lines[i]!) ?? objectIn(lines.slice(i).join('\n'));
    if (found !== undefined) return found;
  }
  return undefined;
}

function objectIn(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
