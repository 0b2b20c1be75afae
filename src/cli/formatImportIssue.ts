import type { ImportIssue } from '../core/evidence/ImportIssue.js';

/** One line per bad row: `file:line:column: message [code]`. */
export function formatImportIssue(issue: ImportIssue): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${issue.message} [${issue.code}]`;
}
