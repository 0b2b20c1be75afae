import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Node,
  type Pair,
  parseDocument,
  visit,
  type YAMLMap,
  YAMLParseError,
} from 'yaml';
import { formatPath } from '../charter/formatPath.js';
import { type ErrorCode, isErrorCode } from '../errors/ErrorCode.js';
import type { Path, SchemaIssue } from '../schema/Schema.js';

/** A problem in a source file (charter, evidence …), located in it. Lines and columns count from 1. */
export interface SourceIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  /** Stable and machine-readable, e.g. `charter/unknown-role`. */
  readonly code: ErrorCode;
  readonly message: string;
  readonly hint?: string;
  /** Where in the document, e.g. `units[2].level`. */
  readonly path: string;
  readonly related?: { readonly line: number; readonly column: number; readonly message: string };
}

/** An issue found on the parsed value, located by path; `locate` turns it into a `SourceIssue`. */
export interface PathIssue extends SchemaIssue {
  readonly severity: 'error' | 'warning';
  readonly related?: { readonly path: Path; readonly message: string };
}

export type LocatedYaml =
  | { readonly ok: false; readonly errors: readonly SourceIssue[] }
  | {
      readonly ok: true;
      readonly value: unknown;
      readonly warnings: readonly SourceIssue[];
      /** Places issues found on `value` (by path) in the file. */
      locate(issue: PathIssue): SourceIssue;
    };

/** Aliases may be used to share a block between places, but not to build exponential documents. */
const MAX_ALIAS_COUNT = 1_000;

/**
 * Parses one YAML document (or JSON, which YAML reads too) keeping the means to point back into
 * the text: every issue later found on the value, by its path, gets a line and column inside
 * `text`. Never throws on bad input. Merge keys (`<<: *anchor`) are allowed.
 *
 * @example
 * const parsed = parseLocatedYaml({ text, file: 'evidence.yaml', emptyHint: 'see templates/dao.evidence.yaml' });
 * if (parsed.ok) issues.map(parsed.locate);
 */
export function parseLocatedYaml(args: { text: string; file: string; emptyHint: string }): LocatedYaml {
  const { file } = args;
  const text = args.text.startsWith('\uFEFF') ? args.text.slice(1) : args.text;
  const at = lineColumn(text);
  const document = parseDocument(text, {
    merge: true,
    prettyErrors: false,
    uniqueKeys: true,
    // Problems are reported as issues; the parser must not print warnings to the console itself.
    logLevel: 'error',
  });
  const syntax = [...document.errors, ...document.warnings].map((problem) =>
    syntaxIssue(problem, file, at, text),
  );
  const syntaxErrors = [
    ...firstInEachSection(
      syntax.filter((issue) => issue.severity === 'error'),
      text,
    ),
    ...recursiveAliases(document, file, at),
  ];
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      errors: [{ file, ...at(0), severity: 'error', code: 'yaml/too-many-aliases', message, path: '' }],
    };
  }
  if (value === null || value === undefined) {
    return {
      ok: false,
      errors: [
        {
          file,
          ...at(0),
          severity: 'error',
          code: 'yaml/empty',
          message: `${file} is empty`,
          hint: args.emptyHint,
          path: '',
        },
      ],
    };
  }
  const locate = (path: Path, onKey = false) => at(offsetOf(document, path, onKey));
  return {
    ok: true,
    value,
    warnings: syntax,
    locate: (issue) => ({
      file,
      ...locate(issue.path, issue.onKey ?? false),
      severity: issue.severity,
      code: issue.code,
      message: issue.message,
      ...(issue.hint === undefined ? {} : { hint: issue.hint }),
      path: formatPath(issue.path),
      ...(issue.related === undefined
        ? {}
        : { related: { ...locate(issue.related.path), message: issue.related.message } }),
    }),
  };
}

/**
 * Line and column (from 1) of an offset, counted from the text itself. The parser's own line
 * counter misses newlines inside tokens it skips while recovering from an error, which would put
 * later errors on lines that do not exist.
 */
function lineColumn(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    const clamped = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  };
}

/**
 * An alias inside the very node its anchor names makes a value contain itself, which no charter
 * or evidence can mean (and which would never finish being checked).
 */
function recursiveAliases(
  document: Document,
  file: string,
  at: (offset: number) => { line: number; column: number },
): SourceIssue[] {
  const issues: SourceIssue[] = [];
  visit(document, {
    Alias(_key, alias) {
      const target = alias.resolve(document);
      const start = alias.range?.[0];
      const range = target?.range;
      if (
        start !== undefined &&
        range !== undefined &&
        range !== null &&
        start >= range[0] &&
        start < range[2]
      ) {
        issues.push({
          file,
          ...at(start),
          severity: 'error',
          code: 'yaml/recursive-alias',
          message: `the alias *${alias.source} is inside the value its anchor &${alias.source} names, so that value would contain itself`,
          hint: 'use the alias outside the anchored value, or write the value out',
          path: '',
        });
      }
    },
  });
  return issues;
}

/** Orders issues as they appear in the file. */
export function byPosition(a: SourceIssue, b: SourceIssue): number {
  return a.line - b.line || a.column - b.column;
}

/**
 * One structural mistake puts the parser out of step for the rest of its block, and every line
 * after it is reported again (a dedented `owners:` gave a dozen errors, among them a duplicate
 * key that is not there). Only the first error of each top-level section is kept — a section
 * runs from one key written at column 1 to the next, where the parser is back in step. Fixing
 * that error and checking again shows whatever else there is.
 */
function firstInEachSection(errors: readonly SourceIssue[], text: string): SourceIssue[] {
  if (errors.length <= 1) return [...errors];
  // Line numbers (from 1) where a top-level key starts a section, in order.
  const sectionStarts: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (/^[^\s#\-\]},]/.test(line)) sectionStarts.push(index + 1);
  });
  const sectionOf = (line: number) => {
    let low = 0;
    let high = sectionStarts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sectionStarts[mid]! <= line) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const seen = new Set<number>();
  return [...errors].sort(byPosition).filter((issue) => {
    const section = sectionOf(issue.line);
    if (seen.has(section)) return false;
    seen.add(section);
    return true;
  });
}

function syntaxIssue(
  problem: YAMLParseError | { code: string; message: string; pos: [number, number] },
  file: string,
  at: (offset: number) => { line: number; column: number },
  text: string,
): SourceIssue {
  const word = `yaml/${problem.code.toLowerCase().replace(/_/g, '-')}`;
  // Every code of the parser is listed in ERROR_CODES.yaml; a newer parser's new code reads as `impossible`.
  const code: ErrorCode = isErrorCode(word) ? word : 'yaml/impossible';
  const isError = problem instanceof YAMLParseError && problem.name === 'YAMLParseError';
  // The parser's own message repeats the position; keep only the first sentence.
  const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  // A line indented wrongly is reported at its start; its first character is what moved.
  let offset = problem.pos[0];
  if (problem.code === 'BAD_INDENT') while (text[offset] === ' ') offset += 1;
  return {
    file,
    ...at(offset),
    severity: isError ? 'error' : 'warning',
    code,
    message,
    ...(SYNTAX_HINTS[problem.code] === undefined ? {} : { hint: SYNTAX_HINTS[problem.code] }),
    path: '',
  };
}

const SYNTAX_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'each key may appear once in a mapping; merge the two entries',
  BAD_INDENT: 'indent nested entries consistently with spaces (two is usual)',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  MISSING_CHAR: 'a closing quote or bracket, or a comma between items, is missing',
  // `a: b: c`, or a line indented deeper than the value above it.
  BLOCK_AS_IMPLICIT_KEY: "quote a value that contains ': ', or check the indentation of the line below",
  // `name:Acme` or a line with no colon at all, or an over-indented line.
  MULTILINE_IMPLICIT_KEY: 'put a space after the colon, or check the indentation of the line below',
  MULTIPLE_DOCS: 'a charter is one YAML document: remove the extra ---',
  UNEXPECTED_TOKEN: 'check the punctuation near here',
};

/**
 * The source offset of the value (or key) at `path`. Follows aliases and merge keys; when the
 * path runs out of the document (a missing key), points at the deepest node that exists.
 */
function offsetOf(document: Document, path: Path, onKey: boolean): number {
  let node: Node | null | undefined = document.contents;
  let offset = node?.range?.[0] ?? 0;
  const resolve = (n: Node | null | undefined) =>
    isAlias(n) ? (n.resolve(document) as Node | undefined) : n;
  for (let i = 0; i < path.length; i++) {
    const part = path[i]!;
    const last = i === path.length - 1;
    node = resolve(node);
    let next: Node | null | undefined;
    let keyNode: Node | undefined;
    if (isMap(node)) {
      const pair = findPair(document, node, part);
      if (pair !== undefined) {
        keyNode = isScalar(pair.key) ? pair.key : undefined;
        next = (pair.value as Node | null) ?? null;
        if (next === null) next = keyNode; // `key:` with nothing after it: point at the key
      }
    } else if (isSeq(node) && typeof part === 'number') {
      next = node.items[part] as Node | undefined;
    }
    if (next === undefined || next === null) return offset;
    if (last && onKey && keyNode?.range) return keyNode.range[0];
    node = next;
    offset = node.range?.[0] ?? offset;
  }
  return offset;
}

/** With `merge: true` the parser reads `<<` as a symbol, not as the text '<<'. */
function isMergeKey(value: unknown): boolean {
  return value === '<<' || (typeof value === 'symbol' && value.description === '<<');
}

function findPair(document: Document, map: YAMLMap, key: string | number): Pair | undefined {
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === String(key)) return pair;
  }
  // Keys brought in by a merge (`<<: *defaults`) live in the aliased mapping.
  for (const pair of map.items) {
    if (isScalar(pair.key) && isMergeKey(pair.key.value)) {
      const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
      for (const source of sources) {
        const target = isAlias(source) ? source.resolve(document) : source;
        if (isMap(target)) {
          const found = findPair(document, target, key);
          if (found !== undefined) return found;
        }
      }
    }
  }
  return undefined;
}
