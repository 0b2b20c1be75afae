import { describe, expect, it } from 'vitest';
import { DevolveError } from './DevolveError.js';
import { ALL_ERROR_CODES, ERROR_CODES, isErrorCode } from './ErrorCode.js';

describe('ErrorCode', () => {
  it('lists each code once', () => {
    expect(new Set(ALL_ERROR_CODES).size).toBe(ALL_ERROR_CODES.length);
  });

  it('writes every code as family/problem in lower case with hyphens', () => {
    const malformed = ALL_ERROR_CODES.filter((code) => !/^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/.test(code));
    expect(malformed).toEqual([]);
  });

  it('names a policy problem once: there is no charter/policy-… twin', () => {
    expect(ERROR_CODES.policy).toContain('quadratic-needs-weight');
    expect(ALL_ERROR_CODES.filter((code) => code.startsWith('charter/policy-'))).toEqual([]);
  });

  it('names a missing organization or unit once, outside the store family', () => {
    expect(isErrorCode('organization/not-found')).toBe(true);
    expect(isErrorCode('unit/not-found')).toBe(true);
    expect(isErrorCode('store/organization-not-found')).toBe(false);
    expect(isErrorCode('store/unit-not-found')).toBe(false);
  });

  it('refuses a misspelt code at compile time', () => {
    const make = () =>
      new DevolveError({
        // @ts-expect-error — 'unkown-role' is not a charter problem; the typecheck says so.
        code: 'charter/unkown-role',
        message: 'unknown role',
      });
    // At run time the class does not check: the typecheck is the guard.
    expect(make().code).toBe('charter/unkown-role');
    expect(isErrorCode(make().code)).toBe(false);
  });
});
