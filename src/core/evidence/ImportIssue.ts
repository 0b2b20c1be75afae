/**
 * A bad row of an imported file, located like a charter issue: 1-based line and column, a
 * stable code and the column's name as `path`. Importers report every one; none is dropped.
 */
export interface ImportIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: string;
  readonly message: string;
  /** The CSV column (or git field) the problem is in, e.g. `balance`. */
  readonly path: string;
}
