import type { Observation } from '../core/evidence/Evidence.js';
import type { ImportIssue } from '../core/evidence/ImportIssue.js';

/** One command-line option an importer takes, e.g. `--decimals <n>`. */
export interface ImporterOption {
  readonly flags: string;
  readonly description: string;
  readonly defaultValue?: string;
  /** Repeatable (`--unit a=x --unit b=y`). */
  readonly repeatable?: boolean;
}

/** What every import returns: rows read, every bad row, and a JSON-ready summary. */
export interface ImportOutcome {
  readonly rows: number;
  readonly issues: readonly ImportIssue[];
  readonly summary: Readonly<Record<string, unknown>>;
  /** The observations the import yields, which `--record` keeps in the store (none: nothing to keep). */
  readonly observations?: readonly Observation[];
}

/**
 * One importer: `devolve import <name> <source>` is derived from this record. Adding an importer
 * is one new file exporting one record, and one line in `importers.ts`.
 */
export interface Importer {
  readonly name: string;
  readonly description: string;
  readonly source: string;
  /** The source may be left out (given by an option instead): `run` then gets `''`. */
  readonly sourceOptional?: boolean;
  readonly options: readonly ImporterOption[];
  run(args: {
    source: string;
    options: Readonly<Record<string, string | string[] | undefined>>;
  }): Promise<ImportOutcome>;
}
