import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevolveError } from '../core/errors/DevolveError.js';
import { readVectors } from './readVectors.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory holding `files` (name → text). */
function vectorsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'devolve-vectors-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const expectation = (id: string, fields: Record<string, unknown> = {}) =>
  JSON.stringify({ id, description: id, rules: ['1'], verdict: 'ok', ...fields });

function refusal(dir: string): DevolveError {
  try {
    readVectors({ dir });
  } catch (error) {
    if (error instanceof DevolveError) return error;
    throw error;
  }
  throw new Error('the vectors were accepted');
}

describe('readVectors', () => {
  it('pairs each log with its expectation, sorted by id, and ignores other files', () => {
    const dir = vectorsDir({
      'b.jsonl': '',
      'b.json': expectation('b', { verdict: 'bad', line: 1, rule: '1', args: ['--x'] }),
      'a.jsonl': '',
      'a.json': expectation('a'),
      'README.md': '# vectors',
      'event.schema.json': '{}',
    });
    const vectors = readVectors({ dir });
    expect(vectors.map((vector) => [vector.id, vector.log, vector.args])).toEqual([
      ['a', join(dir, 'a.jsonl'), []],
      ['b', join(dir, 'b.jsonl'), ['--x']],
    ]);
  });

  it('refuses a directory that is missing, a file, or holds no vector', () => {
    const empty = vectorsDir({ 'README.md': '' });
    expect(refusal(join(empty, 'missing')).code).toBe('usage/no-vectors');
    expect(refusal(join(empty, 'README.md')).code).toBe('usage/no-vectors');
    expect(refusal(empty)).toMatchObject({ code: 'usage/no-vectors', message: `${empty} holds no vectors` });
  });

  it('names the file and what is wrong: a log without expectation, an expectation without log, a bad field', () => {
    const lonelyLog = vectorsDir({ 'a.jsonl': '' });
    expect(refusal(lonelyLog)).toMatchObject({
      code: 'usage/bad-vector',
      message: `${join(lonelyLog, 'a.jsonl')} has no expectation file a.json beside it`,
    });
    const lonelyExpectation = vectorsDir({ 'a.json': expectation('a') });
    expect(refusal(lonelyExpectation).message).toBe(
      `${join(lonelyExpectation, 'a.json')} has no log a.jsonl beside it`,
    );
    const wrong = vectorsDir({
      'a.jsonl': '',
      'a.json': expectation('a', { verdict: 'maybe' }),
      'b.jsonl': '',
    });
    const error = refusal(wrong);
    expect(error.message).toBe(
      `${join(wrong, 'a.json')} has "verdict" "maybe"; it is "ok" or "bad" (and 1 more)`,
    );
    expect(error.details['problems']).toHaveLength(2);
  });

  it('names an expectation that cannot be read', () => {
    const dir = vectorsDir({ 'a.jsonl': '' });
    mkdirSync(join(dir, 'a.json'));
    expect(refusal(dir).message).toBe(`${join(dir, 'a.json')} cannot be read (EISDIR)`);
  });
});
