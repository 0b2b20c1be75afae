import { describe, expect, it } from 'vitest';
import { parseVectorFile } from './parseVectorFile.js';

const bad = {
  id: 'sig-flip',
  description: 'a flipped signature byte',
  rules: ['6'],
  verdict: 'bad',
  line: 3,
  rule: '6',
};
const ok = { id: 'sig-flip', description: 'a good log', rules: ['1', '6'], verdict: 'ok' };

const parse = (value: unknown, id = 'sig-flip') => parseVectorFile({ id, text: JSON.stringify(value) });
const problemOf = (value: unknown) => {
  const parsed = parse(value);
  if (parsed.ok) throw new Error('accepted');
  return parsed.problem;
};

describe('parseVectorFile', () => {
  it('reads a bad vector and an ok vector, with args when given and none when not', () => {
    expect(parse({ ...bad, args: ['--head', 'abc'] })).toEqual({
      ok: true,
      vector: {
        id: 'sig-flip',
        description: 'a flipped signature byte',
        rules: ['6'],
        args: ['--head', 'abc'],
        expected: { verdict: 'bad', line: 3, rule: '6' },
      },
    });
    expect(parse(ok)).toEqual({
      ok: true,
      vector: {
        id: 'sig-flip',
        description: 'a good log',
        rules: ['1', '6'],
        args: [],
        expected: { verdict: 'ok' },
      },
    });
  });

  it('refuses a file that is not a JSON object', () => {
    expect(parseVectorFile({ id: 'x', text: '{"id":' })).toMatchObject({ ok: false });
    expect(problemOf([bad])).toBe('is not a JSON object');
    expect(problemOf(null)).toBe('is not a JSON object');
  });

  it('refuses an unknown field, so a misspelt "args" is not taken for none', () => {
    expect(problemOf({ ...bad, arg: ['--head', 'abc'] })).toMatch(/unknown field "arg"/);
  });

  it('refuses an id that is not the file name', () => {
    expect(parseVectorFile({ id: 'other', text: JSON.stringify(bad) })).toEqual({
      ok: false,
      problem: 'has "id" "sig-flip", not its file name "other"',
    });
  });

  it.each([
    [{ ...bad, description: 3 }, /"description"/],
    [{ ...bad, rules: '6' }, /"rules"/],
    [{ ...bad, rules: [6] }, /"rules"/],
    [{ ...bad, args: '--head' }, /"args"/],
    [{ ...bad, verdict: 'good' }, /"verdict" "good"/],
    [{ ...ok, line: 3 }, /"ok" with a "line"/],
    [{ ...ok, rule: '6' }, /"ok" with a "line" or "rule"/],
    [{ ...bad, line: 0 }, /"line"/],
    [{ ...bad, line: 2.5 }, /"line"/],
    [{ ...bad, line: '3' }, /"line"/],
    [{ ...bad, rule: '' }, /"rule"/],
    [{ ...bad, rule: 6 }, /"rule"/],
  ])('refuses %j', (value, problem) => {
    expect(problemOf(value)).toMatch(problem);
  });
});
