import { describe, expect, it } from 'vitest';
import { type JsonRecord, type JsonStreamError, jsonRecords } from './jsonRecords.js';

function scan(chunks: readonly string[]) {
  const records: JsonRecord[] = [];
  const errors: JsonStreamError[] = [];
  const scanner = jsonRecords({ onRecord: (r) => records.push(r), onError: (e) => errors.push(e) });
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return { records, errors };
}

const ANSWER = [
  '{"data": {',
  '  "proposals": [{"id": "P", "author": "a", "note": "a } in a string, and \\" a quote"}],',
  '  "votes": [',
  '    {"id": "v1", "choice": {"1": 2}},',
  '    {"id": "v2", "choice": [1, 2]}',
  '  ],',
  '  "other": [{"id": "not a record"}]',
  '}}',
].join('\n');

describe('jsonRecords', () => {
  it('finds proposals and votes of a GraphQL answer with their lines and positions', () => {
    const { records, errors } = scan([ANSWER]);
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.list, r.path, r.line, r.column])).toEqual([
      ['proposals', 'data.proposals[0]', 2, 17],
      ['votes', 'data.votes[0]', 4, 5],
      ['votes', 'data.votes[1]', 5, 5],
    ]);
    expect(records[0]!.parsed).toEqual({
      ok: true,
      value: { id: 'P', author: 'a', note: 'a } in a string, and " a quote' },
    });
  });

  it('gives the same records whatever the chunks', () => {
    const whole = scan([ANSWER]);
    expect(scan([...ANSWER])).toEqual(whole);
    expect(scan([ANSWER.slice(0, 40), ANSWER.slice(40, 41), ANSWER.slice(41)])).toEqual(whole);
  });

  it('reads top-level objects one after another as records, and stops at a broken structure', () => {
    const { records, errors } = scan(['{"id":"a","voter":"x"}\n{"id":"b"}\n]']);
    expect(records.map((r) => [r.path, r.line])).toEqual([
      ['line 1', 1],
      ['line 2', 2],
    ]);
    expect(errors.map((e) => [e.line, e.column])).toEqual([[3, 1]]);
  });
});
