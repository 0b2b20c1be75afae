import { describe, expect, it } from 'vitest';
import type { VectorExpectation } from './ConformanceVector.js';
import { compareWithVector } from './compareWithVector.js';
import type { VerifierRun } from './VerifierRun.js';

const vector = (expected: VectorExpectation) => ({ id: 'v', description: 'd', rules: ['6'], expected });
const okVector = vector({ verdict: 'ok' });
const badVector = vector({ verdict: 'bad', line: 3, rule: '6' });

const run = (fields: Partial<VerifierRun>): VerifierRun => ({
  exitCode: 0,
  signal: null,
  stdout: '',
  stderr: '',
  ...fields,
});

describe('compareWithVector', () => {
  it('an ok vector agrees with exit 0 only', () => {
    expect(compareWithVector({ vector: okVector, run: run({}) })).toMatchObject({
      agreement: 'agree',
      differs: [],
    });
    expect(compareWithVector({ vector: okVector, run: run({ exitCode: 1 }) })).toMatchObject({
      agreement: 'disagree',
      differs: ['verdict'],
      answer: { kind: 'bad' },
    });
  });

  it('a bad vector agrees on verdict, line and rule when exit 1 prints them', () => {
    const result = compareWithVector({
      vector: badVector,
      run: run({ exitCode: 1, stdout: '{"ok":false,"line":3,"rule":"6"}\n' }),
    });
    expect(result).toMatchObject({ agreement: 'agree', differs: [], unreported: [] });
    expect(result.answer).toEqual({ kind: 'bad', line: 3, rule: '6' });
  });

  it('a bad vector answered ok disagrees on the verdict', () => {
    expect(compareWithVector({ vector: badVector, run: run({ exitCode: 0 }) })).toMatchObject({
      agreement: 'disagree',
      differs: ['verdict'],
    });
  });

  it('names each field that contradicts the vector, a rule printed as a number included', () => {
    const answer = (stdout: string) =>
      compareWithVector({ vector: badVector, run: run({ exitCode: 1, stdout }) });
    expect(answer('{"line":4,"rule":"6"}')).toMatchObject({ agreement: 'disagree', differs: ['line'] });
    expect(answer('{"line":3,"rule":"5"}')).toMatchObject({ agreement: 'disagree', differs: ['rule'] });
    expect(answer('{"line":"3","rule":6}')).toMatchObject({
      agreement: 'disagree',
      differs: ['line', 'rule'],
    });
  });

  it('is partial when the verdict agrees and line or rule is not reported', () => {
    const answer = (stdout: string) =>
      compareWithVector({ vector: badVector, run: run({ exitCode: 1, stdout }) });
    expect(answer('bad at line 3')).toMatchObject({ agreement: 'partial', unreported: ['line', 'rule'] });
    expect(answer('{"line":3}')).toMatchObject({ agreement: 'partial', unreported: ['rule'] });
    // A wrong line is a disagreement even when the rule is missing.
    expect(answer('{"line":2}')).toMatchObject({ agreement: 'disagree', differs: ['line'], unreported: [] });
  });

  it('takes no exit status but 0 and 1 as a verdict: 2 or more, a signal, a timeout, no start are crashes', () => {
    for (const vec of [okVector, badVector]) {
      const crash = (fields: Partial<VerifierRun>) => compareWithVector({ vector: vec, run: run(fields) });
      expect(crash({ exitCode: 2, stderr: '\n  Traceback (most recent call last):\n  x\n' })).toMatchObject({
        agreement: 'disagree',
        differs: ['verdict'],
        answer: { kind: 'crashed', exitCode: 2, signal: null },
        stderrLine: 'Traceback (most recent call last):',
      });
      expect(crash({ exitCode: null, signal: 'SIGSEGV' }).answer).toEqual({
        kind: 'crashed',
        exitCode: null,
        signal: 'SIGSEGV',
      });
      expect(crash({ exitCode: null, signal: 'SIGKILL', timedOutAfter: 5 })).toMatchObject({
        agreement: 'disagree',
        answer: { kind: 'timed-out', seconds: 5 },
      });
      expect(crash({ exitCode: null, startError: 'ENOENT' })).toMatchObject({
        agreement: 'disagree',
        answer: { kind: 'not-started', error: 'ENOENT' },
      });
    }
  });

  it('reports no stderr line when the verifier wrote none', () => {
    expect(compareWithVector({ vector: okVector, run: run({}) })).not.toHaveProperty('stderrLine');
  });
});
