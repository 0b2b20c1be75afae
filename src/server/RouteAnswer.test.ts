import { describe, expect, it } from 'vitest';
import { DevolveError } from '../core/errors/DevolveError.js';
import { jsonAnswer, jsonText, problemAnswer } from './RouteAnswer.js';

describe('jsonText', () => {
  it('writes bigints as decimal strings, wherever they are', () => {
    expect(jsonText({ weight: 3n, nested: [{ supply: 10n ** 24n }], name: 'lumen' })).toBe(
      '{"weight":"3","nested":[{"supply":"1000000000000000000000000"}],"name":"lumen"}',
    );
    expect(jsonText(-7n)).toBe('"-7"');
  });

  it('writes a value without bigints exactly as JSON.stringify does', () => {
    const value = { a: 1, b: [true, null, 'x'], c: { d: new Date(0) }, e: undefined };
    expect(jsonText(value)).toBe(JSON.stringify(value));
  });

  it('still refuses what JSON cannot hold, bigint or not', () => {
    const cycle: Record<string, unknown> = { weight: 1n };
    cycle['self'] = cycle;
    expect(() => jsonText(cycle)).toThrow(TypeError);
  });
});

describe('jsonAnswer and problemAnswer', () => {
  it('carry their content types, and a problem its extra headers', () => {
    expect(jsonAnswer({ n: 1n }, 201, { location: '/x' })).toEqual({
      status: 201,
      body: '{"n":"1"}',
      headers: { 'content-type': 'application/json; charset=utf-8', location: '/x' },
    });
    const refused = problemAnswer(
      new DevolveError({ code: 'request/method-not-allowed', message: 'no', details: { allow: ['POST'] } }),
    );
    expect(refused.status).toBe(405);
    expect(refused.headers).toEqual({
      'content-type': 'application/problem+json; charset=utf-8',
      allow: 'POST',
    });
    expect(JSON.parse(refused.body)).toMatchObject({ code: 'request/method-not-allowed', status: 405 });
  });
});
