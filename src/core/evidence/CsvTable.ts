import type { ImportIssue } from './ImportIssue.js';
import type { LineTally } from './LineTally.js';
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

/** One data row of a CSV tally: its text, line, fields, where the wanted columns are, and a sink for issues. */
export interface CsvRow {
  readonly text: string;
  readonly line: number;
  readonly fields: readonly string[];
  readonly columns: CsvColumns;
  /** Reports an issue on this row in `column`'s field. */
  report(args: { column: string; code: string; message: string }): void;
}

/**
 * A `LineTally` over a CSV with a header: blank lines are skipped, the first other line is the
 * header (`findColumns`), and each data row that splits and has every wanted field goes to `row`.
 * Broken quoting and missing fields are reported here, so each importer only judges values.
 * `fastRow`, if given, is offered each data row as bytes first, but only when the header is
 * exactly the wanted columns in the order `wanted` lists them (so a row's field i is the i-th
 * wanted column); it returns false, having changed nothing, for a row it does not take, which
 * then goes the text way. It must take only rows the text way would accept with the same effect.
 */
export function csvTally<Result>(args: {
  file: string;
  wanted: Readonly<Record<string, readonly string[]>>;
  /** The result, built when the file is done. */
  result(): Result;
  row(row: CsvRow): void;
  fastRow?(bytes: Uint8Array, start: number, end: number): boolean;
}): LineTally<Result> {
  const { file } = args;
  const issues: ImportIssue[] = [];
  let columns: CsvColumns | undefined;
  let headerSeen = false;
  let rows = 0;
  const wanted = Object.keys(args.wanted);
  /** Whether `fastRow` may be offered rows: set from the header. */
  let fast = false;
  // One row object, refilled for each line: a million-row import allocates no row objects.
  const current = {
    text: '',
    line: 0,
    fields: [] as readonly string[],
    columns: {} as CsvColumns,
    report({ column, code, message }: { column: string; code: string; message: string }) {
      const at = current.columns[column]!;
      issues.push({
        file,
        line: current.line,
        column: columnOf(current.text, at.index),
        code,
        message,
        path: at.header,
      });
    },
  };
  return {
    bytes(bytes, start, end) {
      if (!fast || !args.fastRow!(bytes, start, end)) return false;
      rows++;
      return true;
    },
    line(text, line) {
      // Blank lines are skipped; only a line starting with white space needs trimming to tell.
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) return;
      if (!headerSeen) {
        headerSeen = true;
        const found = findColumns({ header: text, wanted: args.wanted, file, line });
        if (found.ok) {
          columns = found.columns;
          const fields = splitCsvLine(text);
          fast =
            args.fastRow !== undefined &&
            fields.ok &&
            fields.fields.length === wanted.length &&
            wanted.every((name, index) => found.columns[name]!.index === index);
        } else issues.push(...found.issues);
        return;
      }
      rows++;
      if (columns === undefined) return; // the header's issue already explains every row
      const split = splitCsvLine(text);
      if (!split.ok) {
        issues.push({
          file,
          line,
          column: split.column,
          code: 'import/bad-csv',
          message: split.message,
          path: 'row',
        });
        return;
      }
      const found = columns;
      let missing: string | undefined;
      for (const name of wanted)
        if (split.fields[found[name]!.index] === undefined) {
          missing = name;
          break;
        }
      if (missing !== undefined) {
        issues.push({
          file,
          line,
          column: text.length + 1,
          code: 'import/missing-field',
          message: `the row has ${split.fields.length} field(s) and no ${found[missing]!.header}`,
          path: found[missing]!.header,
        });
        return;
      }
      current.text = text;
      current.line = line;
      current.fields = split.fields;
      current.columns = found;
      args.row(current);
    },
    finish() {
      if (!headerSeen)
        issues.push({
          file,
          line: 1,
          column: 1,
          code: 'import/empty',
          message: 'the file has no header line',
          path: 'header',
        });
      return { result: args.result(), rows, issues };
    },
  };
}
