import type { CharterIssue } from '../core/charter/loadCharter.js';
import type { Style } from './output.js';

/**
 * Renders charter issues the way compilers do: `file:line:column`, the severity, the message and
 * its code, the offending source line with a caret, then the hint.
 */
export function formatIssues(args: { issues: readonly CharterIssue[]; text: string; style: Style }): string {
  const lines = args.text.split('\n');
  const { style } = args;
  return args.issues
    .map((issue) => {
      const label = issue.severity === 'error' ? style.red('error') : style.yellow('warning');
      const out = [
        `${style.bold(`${issue.file}:${issue.line}:${issue.column}`)} ${label} ${issue.message} ${style.dim(`[${issue.code}]`)}`,
      ];
      const source = lines[issue.line - 1];
      if (source !== undefined && source.trim() !== '') {
        const gutter = String(issue.line).padStart(5);
        // Tabs are shown as tabs, and the caret line repeats them, so that the caret lands under
        // the character the column counts however wide the terminal draws a tab.
        const shown = source.replace(/\r$/, '');
        const lead = shown.slice(0, Math.max(0, issue.column - 1)).replace(/[^\t]/g, ' ');
        out.push(style.dim(`${gutter} | `) + shown);
        out.push(`${style.dim(`${' '.repeat(5)} | `)}${lead}${style.cyan('^')}`);
      }
      if (issue.hint !== undefined) out.push(`      ${style.cyan('hint:')} ${issue.hint}`);
      if (issue.related !== undefined) {
        out.push(
          `      ${style.dim(`${issue.file}:${issue.related.line}:${issue.related.column}`)} ${issue.related.message}`,
        );
      }
      return out.join('\n');
    })
    .join('\n');
}
