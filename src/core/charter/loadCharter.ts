import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  type Pair,
  parseDocument,
  type YAMLMap,
  YAMLParseError,
} from 'yaml';
import type { Organization } from '../model/Organization.js';
import type { Path } from '../schema/Schema.js';
import type { CharterInput } from './charterSchema.js';
import { checkCharterValue } from './checkCharterValue.js';
import { formatPath } from './formatPath.js';
import type { ResolveIssue } from './resolveCharter.js';

/** A problem in a charter, located in its file. Lines and columns count from 1. */
export interface CharterIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: 'error' | 'warning';
  /** Stable and machine-readable, e.g. `charter/unknown-role`. */
  readonly code: string;
  readonly message: string;
  readonly hint?: string;
  /** Where in the document, e.g. `units[2].level`. */
  readonly path: string;
  readonly related?: { readonly line: number; readonly column: number; readonly message: string };
}

export type CharterLoad =
  | {
      readonly ok: true;
      readonly organization: Organization;
      readonly input: CharterInput;
      readonly warnings: readonly CharterIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly CharterIssue[];
      readonly warnings: readonly CharterIssue[];
    };

/** Aliases may be used to share a policy between levels, but not to build exponential documents. */
const MAX_ALIAS_COUNT = 1_000;

/**
 * Parses, validates and resolves a charter (YAML, or JSON, which YAML reads too). Never throws on
 * bad input: every problem comes back as a `CharterIssue` with a line and column inside `text`.
 * Syntax errors stop before validation; schema errors stop before cross-reference checks; within
 * each phase every issue is reported.
 *
 * @example
 * const load = loadCharter({ text: readFileSync('devolve.yaml', 'utf8'), file: 'devolve.yaml' });
 * if (!load.ok) for (const e of load.errors) console.log(`${e.file}:${e.line}:${e.column} ${e.message}`);
 */
export function loadCharter(args: { text: string; file: string }): CharterLoad {
  const { file } = args;
  const text = args.text.startsWith('\uFEFF') ? args.text.slice(1) : args.text;
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: Math.max(1, line), column: Math.max(1, col) };
  };

  const document = parseDocument(text, { lineCounter, merge: true, prettyErrors: false, uniqueKeys: true });
  const syntax = [...document.errors, ...document.warnings].map((problem) => syntaxIssue(problem, file, at));
  const syntaxErrors = syntax.filter((issue) => issue.severity === 'error');
  if (syntaxErrors.length > 0) return { ok: false, errors: syntaxErrors, warnings: [] };

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return {
      ok: false,
      errors: [{ file, ...at(0), severity: 'error', code: 'charter/too-many-aliases', message, path: '' }],
      warnings: [],
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
          code: 'charter/empty',
          message: 'the charter is empty',
          hint: 'start from a template: devolve init --template dao',
          path: '',
        },
      ],
      warnings: [],
    };
  }

  const locate = (path: Path, onKey = false) => at(offsetOf(document, path, onKey));
  const checked = checkCharterValue({ value });
  const located = checked.issues.map((issue) => toCharterIssue(issue, file, locate));
  const errors = located.filter((issue) => issue.severity === 'error').sort(byPosition);
  const warnings = [...syntax, ...located.filter((issue) => issue.severity === 'warning')].sort(byPosition);
  if (checked.valid === undefined || errors.length > 0) return { ok: false, errors, warnings };
  return { ok: true, organization: checked.valid.organization, input: checked.valid.input, warnings };
}

function byPosition(a: CharterIssue, b: CharterIssue): number {
  return a.line - b.line || a.column - b.column;
}

function syntaxIssue(
  problem: YAMLParseError | { code: string; message: string; pos: [number, number] },
  file: string,
  at: (offset: number) => { line: number; column: number },
): CharterIssue {
  const code = `yaml/${problem.code.toLowerCase().replace(/_/g, '-')}`;
  const isError = problem instanceof YAMLParseError && problem.name === 'YAMLParseError';
  // The parser's own message repeats the position; keep only the first sentence.
  const message = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return {
    file,
    ...at(problem.pos[0]),
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
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BLOCK_AS_IMPLICIT_KEY: 'put a space after the colon, or quote the key',
  MULTIPLE_DOCS: 'a charter is one YAML document: remove the extra ---',
  UNEXPECTED_TOKEN: 'check the punctuation near here',
};

function toCharterIssue(
  issue: ResolveIssue,
  file: string,
  locate: (path: Path, onKey?: boolean) => { line: number; column: number },
): CharterIssue {
  return {
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
  };
}

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

function findPair(document: Document, map: YAMLMap, key: string | number): Pair | undefined {
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === String(key)) return pair;
  }
  // Keys brought in by a merge (`<<: *defaults`) live in the aliased mapping.
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === '<<') {
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
