import { DevolveError } from '../errors/DevolveError.js';

/**
 * JSON Canonicalization Scheme (RFC 8785): the byte encoding Devolve hashes and signs. Object keys
 * are sorted by UTF-16 code units, there is no whitespace, strings and numbers are written as
 * ECMAScript's JSON.stringify writes them. A third party can reproduce it with any RFC 8785
 * library.
 *
 * Values must be JSON: `bigint`s are refused (write them as decimal strings), as are non-finite
 * numbers. Object properties whose value is `undefined` are omitted, as JSON.stringify does.
 *
 * @example
 * canonicalJson({ b: 1, a: [true, 'x'] }) // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw notJson(`the number ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined) fail('undefined in a list');
          out += i === 0 ? canonicalJson(item) : `,${canonicalJson(item)}`;
        }
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      // Parsed or built JSON often lists its keys in order already: sorting is then skipped.
      if (!inOrder(keys)) keys.sort(compareCodeUnits);
      let out = '{';
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
      }
      return `${out}}`;
    }
    default:
      throw notJson(
        typeof value === 'bigint' ? 'a bigint (write it as a decimal string)' : `a ${typeof value}`,
      );
  }
}

function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

/** RFC 8785 sorts keys by UTF-16 code units, which is what `<` on JavaScript strings compares. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function notJson(what: string): DevolveError {
  return new DevolveError({ code: 'log/not-json', message: `cannot encode ${what} as canonical JSON` });
}

function fail(what: string): never {
  throw notJson(what);
}
