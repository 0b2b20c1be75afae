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
        return `[${value.map((item) => (item === undefined ? fail('undefined in a list') : canonicalJson(item))).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort(compareCodeUnits);
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      throw notJson(
        typeof value === 'bigint' ? 'a bigint (write it as a decimal string)' : `a ${typeof value}`,
      );
  }
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
