import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, scratchDirs } from './support/builtCli.js';

const scratch = scratchDirs('devolve-demo-');
afterAll(() => scratch.cleanUp());

describe('devolve demo (npm start)', () => {
  it('sets up the demo organization on the embedded database, shows it, and reuses it next time', () => {
    const dir = scratch.fresh();
    // DATABASE_URL must not redirect the demo: it always runs on the embedded database.
    const first = runCli(dir, 'demo', '--no-serve');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Lumen Protocol');
    expect(first.stdout).toContain('Recorded the charter as the first signed event, by mara.');
    expect(first.stdout).toMatch(/Contract upgrades\s+●─●─◆─○─◎─·/);
    expect(first.stdout).toContain('Next moves');
    expect(first.stdout).toContain('Signed log: 1 event(s)');
    const demo = join(dir, '.devolve', 'demo');
    for (const file of ['devolve.yaml', 'evidence.yaml', 'keys.json'])
      expect(existsSync(join(demo, file))).toBe(true);
    // The log lives beside the demo's charter, where any command run there finds it.
    expect(existsSync(join(demo, '.devolve', 'data'))).toBe(true);
    // The founder's signing key is readable by its owner only.
    expect(statSync(join(demo, 'keys.json')).mode & 0o777).toBe(0o600);

    const second = runCli(dir, 'demo', '--no-serve');
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('Recorded the charter');
    expect(second.stdout).toContain('Signed log: 1 event(s)');

    const json = runCli(dir, 'demo', '--no-serve', '--json');
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout) as {
      org: string;
      head: { seq: number };
      recommendations: unknown[];
    };
    expect(summary.org).toBe('lumen-protocol');
    expect(summary.head.seq).toBe(0);
    expect(summary.recommendations.length).toBeGreaterThan(0);
    // Two whole runs of the CLI, each starting the embedded database: generous on a busy machine.
  }, 180_000);
});
