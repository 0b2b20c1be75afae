import type { ImportIssue } from './ImportIssue.js';
import { splitCsvLine } from './splitCsvLine.js';

/** Which field of a row each named column is, found from the header line. */
export interface CsvColumns {
  readonly [name: string]: { readonly index: number; readonly header: string };
}

/**
 * Finds each wanted column in a header line by any of its accepted names (case-insensitive),
 * e.g. the holder as `address`, `member` or `holder`. Returns the positions or one issue per
 * missing column, on line `line`.
 *
 * @example
 * findColumns({ header: 'address,balance', wanted: { holder: ['address'], balance: ['balance'] }, … })
 */
export function findColumns(args: {
  header: string;
  wanted: Readonly<Record<string, readonly string[]>>;
  file: string;
  line: number;
}):
  | { readonly ok: true; readonly columns: CsvColumns }
  | { readonly ok: false; readonly issues: ImportIssue[] } {
  const split = splitCsvLine(args.header);
  if (!split.ok)
    return {
      ok: false,
      issues: [
        {
          file: args.file,
          line: args.line,
          column: split.column,
          code: 'import/bad-csv',
          message: split.message,
          path: 'header',
        },
      ],
    };
  const names = split.fields.map((field) => field.trim().toLowerCase());
  const columns: Record<string, { index: number; header: string }> = {};
  const issues: ImportIssue[] = [];
  for (const [column, accepted] of Object.entries(args.wanted)) {
    const index = names.findIndex((name) => accepted.includes(name));
    if (index === -1) {
      issues.push({
        file: args.file,
        line: args.line,
        column: 1,
        code: 'import/missing-column',
        message: `the header has no ${column} column (one of: ${accepted.join(', ')})`,
        path: 'header',
      });
    } else {
      columns[column] = { index, header: split.fields[index]!.trim() };
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, columns };
}

/** The 1-based column where field `index` of `line` starts (for unquoted lines; close enough otherwise). */
export function columnOf(line: string, index: number): number {
  let at = 0;
  for (let i = 0; i < index; i++) {
    const comma = line.indexOf(',', at);
    if (comma === -1) return line.length + 1;
    at = comma + 1;
  }
  return at + 1;
}
