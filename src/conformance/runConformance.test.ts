import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConformanceVector } from './ConformanceVector.js';
import { runConformance } from './runConformance.js';

const dir = mkdtempSync(join(tmpdir(), 'devolve-run-conformance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function vector(id: string, fields: Partial<ConformanceVector> = {}): ConformanceVector {
  const log = join(dir, `${id}.jsonl`);
  writeFileSync(log, '');
  return { id, description: id, rules: ['1'], args: [], expected: { verdict: 'ok' }, log, ...fields };
}

describe('runConformance', () => {
  it('runs `command… vector args… log`, in that order', async () => {
    // The verifier answers bad, reporting how many arguments it got and what they were.
    const report = await runConformance({
      vectors: [
        vector('with-args', {
          args: ['--head', 'h'],
          expected: { verdict: 'bad', line: 4, rule: `fixed --head h ${join(dir, 'with-args.jsonl')}` },
        }),
        vector('without', {
          expected: { verdict: 'bad', line: 2, rule: `fixed ${join(dir, 'without.jsonl')}` },
        }),
      ],
      command: [
        process.execPath,
        '-e',
        'const a = process.argv.slice(1); console.log(JSON.stringify({ line: a.length, rule: a.join(" ") })); process.exit(1)',
        'fixed',
      ],
      jobs: 2,
      timeoutSeconds: 60,
    });
    expect(report.results.map((result) => [result.id, result.agreement])).toEqual([
      ['with-args', 'agree'],
      ['without', 'agree'],
    ]);
    expect(report.totals).toEqual({ vectors: 2, agree: 2, partial: 0, disagree: 0 });
    expect(report.command).toEqual([process.execPath, '-e', expect.any(String), 'fixed']);
  });

  it.each([1, 2])('runs at most %i verifiers at once', async (jobs) => {
    const trace = join(dir, `trace-${jobs}`);
    writeFileSync(trace, '');
    // Each run notes its start, waits a little, and notes its end.
    const source = `const fs = require('node:fs'); fs.appendFileSync(${JSON.stringify(trace)}, '+'); setTimeout(() => fs.appendFileSync(${JSON.stringify(trace)}, '-'), 300);`;
    const report = await runConformance({
      vectors: ['a', 'b', 'c', 'd', 'e'].map((id) => vector(`${id}-${jobs}`)),
      command: [process.execPath, '-e', source],
      jobs,
      timeoutSeconds: 60,
    });
    expect(report.totals.agree).toBe(5);
    const marks = readFileSync(trace, 'utf8');
    expect(marks.length).toBe(10);
    let live = 0;
    let most = 0;
    for (const mark of marks) {
      live += mark === '+' ? 1 : -1;
      most = Math.max(most, live);
    }
    expect(most).toBeLessThanOrEqual(jobs);
  });
});
