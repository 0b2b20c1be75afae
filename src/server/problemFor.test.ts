import { describe, expect, it } from 'vitest';
import { DevolveError } from '../core/errors/DevolveError.js';
import { ALL_ERROR_CODES } from '../core/errors/ErrorCode.js';
import { problemFor, problemHeaders, statusFor } from './problemFor.js';

describe('problemFor', () => {
  it('keeps the code, message, hint and details of a public failure', () => {
    const error = new DevolveError({
      code: 'organization/not-found',
      message: 'no organization acme',
      hint: 'list them with GET /orgs',
      details: { org: 'acme' },
    });
    expect(problemFor(error)).toEqual({
      type: '/problems/organization/not-found',
      title: 'Not found',
      status: 404,
      detail: 'no organization acme',
      code: 'organization/not-found',
      hint: 'list them with GET /orgs',
      details: { org: 'acme' },
    });
  });

  it('answers an outage as 503 store/unavailable with Retry-After', () => {
    const outage = new DevolveError({ code: 'store/unavailable', message: 'the database is unavailable' });
    expect([problemFor(outage).status, problemFor(outage).code]).toEqual([503, 'store/unavailable']);
    expect(problemHeaders(outage)).toEqual({ 'retry-after': '2' });
  });

  it('never shows another store code, its message or its details to a client', () => {
    const corrupt = new DevolveError({
      code: 'store/corrupt',
      message: 'event 12 of acme does not match its hash in /var/lib/devolve/data',
      details: { dir: '/var/lib/devolve/data' },
    });
    const problem = problemFor(corrupt);
    expect(problem).toEqual({
      type: '/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: 'the server failed to handle the request; the failure is logged',
      code: 'internal',
    });
    expect(JSON.stringify(problem)).not.toContain('/var/lib');
  });

  it('hides every store code but store/unavailable, and only those', () => {
    const hidden = ALL_ERROR_CODES.filter(
      (code) => problemFor(new DevolveError({ code, message: 'x' })).code === 'internal',
    );
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((code) => code.startsWith('store/'))).toBe(true);
    expect(hidden).not.toContain('store/unavailable');
    expect(hidden.length).toBe(ALL_ERROR_CODES.filter((code) => code.startsWith('store/')).length - 1);
  });

  it('gives every public code a 4xx, except an outage', () => {
    // 503 for store/unavailable is the one 5xx a client sees with a code of ours.
    const fiveHundreds = ALL_ERROR_CODES.filter((code) => !code.startsWith('store/')).filter(
      (code) => statusFor(code) >= 500,
    );
    expect(fiveHundreds).toEqual([]);
    expect(statusFor('proposal/wrong-phase')).toBe(403);
    expect(statusFor('request/bad-page')).toBe(400);
    expect(statusFor('unit/not-found')).toBe(404);
  });

  it('answers a failure that is not a DevolveError as a bare internal 500', () => {
    expect(problemFor(new Error('secret path /etc')).code).toBe('internal');
    expect(problemFor(new Error('secret path /etc')).detail).not.toContain('/etc');
  });
});
