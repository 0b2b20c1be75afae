import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from './progressBar.js';

/** A terminal-like stream that keeps what is written to it. */
function terminal(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY });
  return { stream, text: () => chunks.join('') };
}

describe('progressBar', () => {
  it('draws on a terminal at most every 100 ms, and the full bar at the end', async () => {
    const { stream, text } = terminal(true);
    let clock = 1_000;
    const bar = progressBar({ label: 'h.csv', total: 2_000_000, stream, now: () => clock });
    bar.update(500_000); // drawn: 25% of 30 columns is 7.5, rounded to 8
    clock += 50;
    bar.update(1_000_000); // skipped: 50 ms since the last drawing
    clock += 100;
    bar.update(1_000_000); // drawn: 50%
    bar.finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(text().split('\r').filter(Boolean)).toEqual([
      `h.csv [${'#'.repeat(8)}${'.'.repeat(22)}] 25% 0.5/2.0 MB`,
      `h.csv [${'#'.repeat(15)}${'.'.repeat(15)}] 50% 1.0/2.0 MB`,
      `h.csv [${'#'.repeat(30)}] 100% 2.0/2.0 MB\n`,
    ]);
  });

  it('writes nothing when stderr is not a terminal, so piped output stays clean', async () => {
    const { stream, text } = terminal(false);
    const bar = progressBar({ label: 'h.csv', total: 10, stream });
    bar.update(5);
    bar.finish();
    await new Promise((resolve) => setImmediate(resolve));
    expect(text()).toBe('');
  });
});
