/**
 * Quotes text an author wrote, for an error message: control characters escaped (a newline shows
 * as \n) and long text cut short, so one bad value cannot flood or break the report.
 *
 * @example
 * quote('P90D\nP90D') // "'P90D\\nP90D'"
 */
export function quote(text: string, max = 60): string {
  const escaped = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"');
  return `'${escaped.length > max ? `${escaped.slice(0, max)}…` : escaped}'`;
}
