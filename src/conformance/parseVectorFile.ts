import type { ConformanceVector } from './ConformanceVector.js';

export type ParsedVector =
  | { readonly ok: true; readonly vector: Omit<ConformanceVector, 'log'> }
  | { readonly ok: false; readonly problem: string };

const FIELDS = ['args', 'description', 'id', 'line', 'rule', 'rules', 'verdict'];

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Reads the text of a vector's expectation file (`<id>.json`):
 * `{"id","description","rules":[…],"verdict":"ok"}` or `{…,"verdict":"bad","line":<from 1>,"rule":"…"}`,
 * with optional `"args":[…]`. Exactly these fields — a misspelt optional field must not pass as
 * absent — and `id` must be the file's own name, so a copied file cannot answer for another log.
 * A problem is one sentence about the first thing wrong.
 *
 * @example
 * parseVectorFile({ id: 'empty-log', text: '{"id":"empty-log","description":"…","rules":["1"],"verdict":"bad","line":1,"rule":"1"}' })
 */
export function parseVectorFile(args: { id: string; text: string }): ParsedVector {
  let value: unknown;
  try {
    value = JSON.parse(args.text);
  } catch (error) {
    return fail(`is not JSON (${(error as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('is not a JSON object');
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => !FIELDS.includes(key));
  if (unknown !== undefined)
    return fail(`has an unknown field "${unknown}" (the fields are ${FIELDS.join(', ')})`);
  const { id, description, rules, verdict, line, rule } = fields;
  if (id !== args.id) return fail(`has "id" ${JSON.stringify(id)}, not its file name "${args.id}"`);
  if (typeof description !== 'string') return fail('needs "description", a string');
  if (!isStringArray(rules)) return fail('needs "rules", an array of rule ids (strings)');
  const extra = fields['args'] ?? [];
  if (!isStringArray(extra)) return fail('has "args" that is not an array of strings');
  const base = { id: args.id, description, rules, args: extra };
  if (verdict === 'ok') {
    if (line !== undefined || rule !== undefined) return fail('has "verdict": "ok" with a "line" or "rule"');
    return { ok: true, vector: { ...base, expected: { verdict: 'ok' } } };
  }
  if (verdict !== 'bad') return fail(`has "verdict" ${JSON.stringify(verdict)}; it is "ok" or "bad"`);
  if (typeof line !== 'number' || !Number.isSafeInteger(line) || line < 1)
    return fail('has "verdict": "bad" without "line", the first bad line counted from 1');
  if (typeof rule !== 'string' || rule === '') return fail('has "verdict": "bad" without "rule", a rule id');
  return { ok: true, vector: { ...base, expected: { verdict: 'bad', line, rule } } };
}

function fail(problem: string): ParsedVector {
  return { ok: false, problem };
}
