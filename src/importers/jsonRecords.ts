/** One record found in a JSON stream: its parsed value (or why it does not parse) and where it starts. */
export interface JsonRecord {
  /** The array the record sits in (`proposals`, `votes`), or undefined for a top-level record. */
  readonly list: string | undefined;
  /** Where it is, e.g. `data.votes[12]` or `[3]` or `line 7` (JSON lines). */
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly parsed:
    | { readonly ok: true; readonly value: unknown }
    | { readonly ok: false; readonly message: string };
}

/** A JSON syntax problem outside any record, after which the rest of the stream cannot be read. */
export interface JsonStreamError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** Keys whose array holds records, at the top level or under `data` (a GraphQL response). */
const LIST_KEYS = new Set(['proposals', 'votes']);

interface Frame {
  readonly type: 'object' | 'array';
  /** Object: the key whose value comes next (or is being read). */
  key: string | undefined;
  expectKey: boolean;
  /** Array: how many values it has had so far. */
  count: number;
  readonly path: string;
}

/**
 * Finds records in a JSON text fed in chunks, keeping only the record being read: the elements of
 * `proposals` / `votes` arrays (top level, or under `data` as Snapshot's GraphQL API answers),
 * the elements of a top-level array, or top-level objects one after another (JSON lines). Each
 * record is parsed on its own, so a broken record is reported at its line and the next is still
 * read. A break in the structure around the records is reported once and ends the scan.
 *
 * @example
 * const scan = jsonRecords({ onRecord: (r) => seen.push(r), onError: (e) => errors.push(e) });
 * scan.push('{"data":{"votes":[{"id":"v1"},\n{"id":"v2"}]}}'); scan.end();
 * // seen: { list: 'votes', path: 'data.votes[0]', line: 1 }, { list: 'votes', path: 'data.votes[1]', line: 2 }
 */
export function jsonRecords(args: {
  onRecord(record: JsonRecord): void;
  onError(error: JsonStreamError): void;
}) {
  const stack: Frame[] = [];
  let line = 1;
  let column = 0;
  let failed = false;
  // String being read outside a record (a key or a value).
  let inString = false;
  let escaped = false;
  let text = '';
  // Record being captured.
  let capture: { line: number; column: number; path: string; list: string | undefined } | null = null;
  // A top-level object is a record unless its first key is `data`, `proposals` or `votes`: until
  // that key is read the capture is tentative and the key's text is collected.
  let tentative: 'no' | 'before-key' | 'in-key' = 'no';
  let captured: string[] = [];
  let captureFrom = 0;
  // Inside a record: string state and nesting only.
  let recordDepth = 0;
  // A scalar outside a record (true, 12, null): its characters are skipped until a delimiter.
  let inScalar = false;

  const fail = (message: string) => {
    failed = true;
    args.onError({ line, column, message });
  };

  const recordList = (): { list: string | undefined; path: string } | undefined => {
    const top = stack[stack.length - 1];
    if (top === undefined) return { list: undefined, path: `line ${line}` };
    if (top.type !== 'array') return undefined;
    const parent = stack[stack.length - 2];
    if (stack.length === 1) return { list: undefined, path: `[${top.count}]` };
    if (parent?.type === 'object' && parent.key !== undefined && LIST_KEYS.has(parent.key)) {
      const underData = stack.length === 2 || (stack.length === 3 && stack[0]?.key === 'data');
      if (underData) return { list: parent.key, path: `${top.path}[${top.count}]` };
    }
    return undefined;
  };

  const valueDone = () => {
    const top = stack[stack.length - 1];
    if (top?.type === 'array') top.count++;
  };

  const pathOfChild = (): string => {
    const top = stack[stack.length - 1];
    if (top === undefined) return '';
    const prefix = top.path === '' ? '' : top.path;
    if (top.type === 'array') return `${prefix}[${top.count}]`;
    return prefix === '' ? (top.key ?? '') : `${prefix}.${top.key ?? ''}`;
  };

  function push(chunk: string) {
    if (failed) return;
    captureFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) {
        line++;
        column = 0;
      } else column++;
      if (capture !== null) {
        if (inString) {
          if (escaped) {
            escaped = false;
            if (tentative === 'in-key') text += chunk[i];
          } else if (c === 92) escaped = true;
          else if (c === 34) {
            inString = false;
            if (tentative === 'in-key') {
              tentative = 'no';
              if (text === 'data' || LIST_KEYS.has(text)) {
                capture = null;
                captured = [];
                stack.push({ type: 'object', key: text, expectKey: false, count: 0, path: '' });
              }
            }
          } else if (tentative === 'in-key') text += chunk[i];
          continue;
        }
        if (c === 34) {
          inString = true;
          if (tentative === 'before-key' && recordDepth === 1) {
            tentative = 'in-key';
            text = '';
          }
        } else if (tentative === 'before-key' && c !== 32 && c !== 10 && c !== 13 && c !== 9)
          tentative = 'no';
        if (c === 34) continue;
        else if (c === 123 || c === 91) recordDepth++;
        else if (c === 125 || c === 93) {
          recordDepth--;
          if (recordDepth === 0) {
            captured.push(chunk.slice(captureFrom, i + 1));
            const body = captured.join('');
            captured = [];
            const done = capture;
            capture = null;
            let parsed: JsonRecord['parsed'];
            try {
              parsed = { ok: true, value: JSON.parse(body) };
            } catch (cause) {
              parsed = { ok: false, message: `the record is not valid JSON: ${(cause as Error).message}` };
            }
            args.onRecord({ list: done.list, path: done.path, line: done.line, column: done.column, parsed });
            valueDone();
          }
        }
        continue;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
          text += chunk[i];
        } else if (c === 92) escaped = true;
        else if (c === 34) {
          inString = false;
          const top = stack[stack.length - 1];
          if (top?.type === 'object' && top.expectKey) {
            top.key = text;
            top.expectKey = false;
          } else valueDone();
        } else text += chunk[i];
        continue;
      }
      if (inScalar) {
        if (c === 44 || c === 93 || c === 125 || c === 32 || c === 10 || c === 13 || c === 9) {
          inScalar = false;
          valueDone();
        } else continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 58) continue;
      const top = stack[stack.length - 1];
      if (c === 44) {
        if (top === undefined) return fail('a comma outside any array or object');
        if (top.type === 'object') top.expectKey = true;
        continue;
      }
      if (c === 34) {
        inString = true;
        text = '';
        continue;
      }
      if (c === 123) {
        const at = recordList();
        if (at !== undefined) {
          capture = { line, column, path: at.path, list: at.list };
          captureFrom = i;
          recordDepth = 1;
          tentative = top === undefined ? 'before-key' : 'no';
          continue;
        }
        stack.push({ type: 'object', key: undefined, expectKey: true, count: 0, path: pathOfChild() });
        continue;
      }
      if (c === 91) {
        stack.push({ type: 'array', key: undefined, expectKey: false, count: 0, path: pathOfChild() });
        continue;
      }
      if (c === 125 || c === 93) {
        const want = c === 125 ? 'object' : 'array';
        if (top?.type !== want) return fail(`an unexpected '${chunk[i]}'`);
        stack.pop();
        valueDone();
        continue;
      }
      if (top === undefined) return fail(`unexpected text '${chunk[i]}' outside any array or object`);
      inScalar = true;
    }
    if (capture !== null) captured.push(chunk.slice(captureFrom));
  }

  return {
    push,
    end() {
      if (failed) return;
      if (capture !== null) {
        line = capture.line;
        column = capture.column;
        return fail(`the record at ${capture.path} is not closed`);
      }
      if (inString || stack.length > 0) return fail('the file ends inside an unclosed array or object');
    },
  };
}
