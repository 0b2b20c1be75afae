import { describe, expect, it } from 'vitest';
import { DevolveError } from './DevolveError.js';
import { isErrorCode } from './ErrorCode.js';
import { errorOfFamily } from './errorOfFamily.js';

describe('errorOfFamily', () => {
  it('joins the family and the problem into a listed code, with the details given', () => {
    const error = errorOfFamily('output')('exists', 'out.md already exists', { details: { file: 'out.md' } });
    expect(error).toBeInstanceOf(DevolveError);
    expect(error.code).toBe('output/exists');
    expect(isErrorCode(error.code)).toBe(true);
    expect(error.message).toBe('out.md already exists');
    expect(error.details).toEqual({ file: 'out.md' });
  });

  it('carries a hint and a cause only when given', () => {
    const cause = new Error('EACCES');
    const full = errorOfFamily('request')('too-large', 'too large', { hint: 'send less', cause });
    expect(full.hint).toBe('send less');
    expect(full.cause).toBe(cause);
    expect(full.details).toEqual({});
    const bare = errorOfFamily('request')('not-found', 'nothing here');
    expect(bare.hint).toBeUndefined();
    expect('cause' in bare).toBe(false);
  });

  it('lets only the family’s own problems through', () => {
    // @ts-expect-error: 'exists' is an output problem, not a request problem
    const wrong = errorOfFamily('request')('exists', 'x');
    expect(wrong.code).toBe('request/exists');
    expect(isErrorCode(wrong.code)).toBe(false);
  });
});
