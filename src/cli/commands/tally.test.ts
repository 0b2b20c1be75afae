import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** Runs the CLI from source, as a user would run `devolve`. */
function devolve(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      { env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) =>
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }),
    );
  });
}

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'devolve-cli-tally-'));
  // Wikipedia's Tennessee capital example (see rankedChoice.test.ts): Knoxville wins in round 3.
  await writeFile(
    file('tennessee.json'),
    JSON.stringify({
      options: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'],
      ballots: [
        {
          voter: 'memphis',
          weight: '42',
          ballot: { ranking: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'] },
        },
        {
          voter: 'nashville',
          weight: 26,
          ballot: { ranking: ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis'] },
        },
        {
          voter: 'chattanooga',
          weight: 15,
          ballot: { ranking: ['Chattanooga', 'Knoxville', 'Nashville', 'Memphis'] },
        },
        {
          voter: 'knoxville',
          weight: 17,
          ballot: { ranking: ['Knoxville', 'Chattanooga', 'Nashville', 'Memphis'] },
        },
      ],
    }),
  );
  await writeFile(
    file('council.json'),
    JSON.stringify([
      { voter: 'ann', weight: '200', ballot: { choice: 'for' } },
      { voter: 'ben', weight: '100', ballot: { choice: 'against' } },
      { voter: 'cat', weight: '5', ballot: { choice: 'abstain' } },
    ]),
  );
  await writeFile(
    file('bad.json'),
    JSON.stringify({
      options: ['a', 'b'],
      ballots: [
        { voter: 'x', ballot: { approve: ['a'] } },
        { voter: 'y', ballot: { approve: ['c'] } },
      ],
    }),
  );
  await writeFile(file('broken.json'), '{ "ballots": [');
  // Snapshot vote data: single-choice, power added as doubles in vote order (0.1 + 0.2).
  await writeFile(
    file('snapshot.json'),
    JSON.stringify({
      choices: ['For', 'Against'],
      votes: [
        { voter: '0x1', vp: 0.1, choice: 1 },
        { voter: '0x2', vp: 0.2, choice: 1 },
        { voter: '0x3', vp: 0.25, choice: 2 },
        { voter: '0x4', vp: 9, choice: 3 },
      ],
    }),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('devolve tally', () => {
  it('tallies a ranked-choice ballot file round by round', async () => {
    const text = await devolve(['tally', '--method', 'ranked-choice', '--input', file('tennessee.json')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/outcome\s+decided — Knoxville/);
    expect(text.stdout).toMatch(
      /round 1\s+Memphis 42, Nashville 26, Chattanooga 15, Knoxville 17 — out: Chattanooga/,
    );

    const json = await devolve([
      'tally',
      '--method',
      'ranked-choice',
      '--input',
      file('tennessee.json'),
      '--json',
    ]);
    const result = JSON.parse(json.stdout) as {
      winners: string[];
      totals: Record<string, string>;
      rounds: unknown[];
    };
    expect(result.winners).toEqual(['Knoxville']);
    expect(result.totals['Knoxville']).toBe('58');
    expect(result.rounds).toHaveLength(3);
  });

  it('takes the threshold from the command line: 200 of 300 cast reaches 2/3 but not 70%', async () => {
    // 200 · 3 = 600 ≥ 2 · 300 = 600; 200 · 10 = 2000 < 7 · 300 = 2100.
    const args = ['tally', '--method', 'supermajority', '--input', file('council.json'), '--json'];
    const twoThirds = JSON.parse((await devolve([...args, '--threshold', '2/3'])).stdout) as Record<
      string,
      unknown
    >;
    expect(twoThirds).toMatchObject({ outcome: 'passed', participation: '305', voters: 3 });
    expect(twoThirds['mode']).toMatch(/^method=supermajority&/);
    const seventy = JSON.parse((await devolve([...args, '--threshold', '70%'])).stdout) as Record<
      string,
      unknown
    >;
    expect(seventy['outcome']).toBe('rejected');
  });

  it('refuses invalid ballots with exit 1, one line naming the first, and every problem in JSON', async () => {
    const text = await devolve(['tally', '--method', 'approval', '--input', file('bad.json')]);
    expect(text.code).toBe(1);
    expect(text.stdout).toBe('');
    expect(text.stderr.trim().split('\n')).toEqual([
      `devolve: ${file('bad.json')}: ballots[1].ballot: 'c' is not one of the options (a, b)`,
    ]);
    const json = await devolve(['tally', '--method', 'approval', '--input', file('bad.json'), '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      error: { code: 'tally/invalid-ballots', details: { problems: [{ path: 'ballots[1].ballot' }] } },
    });
    const broken = await devolve(['tally', '--method', 'approval', '--input', file('broken.json'), '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ error: { code: 'tally/bad-json' } });
  });

  it('exits 2 for usage mistakes: an unknown method, a missing file, a bad threshold', async () => {
    const method = await devolve(['tally', '--method', 'majorty', '--input', file('council.json')]);
    expect(method.code).toBe(2);
    expect(method.stderr.trim()).toBe(
      "devolve: unknown counting method 'majorty' — did you mean 'majority'?",
    );
    const missing = await devolve([
      'tally',
      '--method',
      'majority',
      '--input',
      file('absent.json'),
      '--json',
    ]);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'usage/input-not-found' } });
    const threshold = await devolve([
      'tally',
      '--method',
      'supermajority',
      '--input',
      file('council.json'),
      '--threshold',
      'most',
    ]);
    expect(threshold.code).toBe(2);
    expect(threshold.stderr).toContain("--threshold 'most' is not a ratio");
  });

  it('reproduces Snapshot’s published scores with --compat snapshot', async () => {
    // For: 0.1 + 0.2 = 0.30000000000000004 (doubles, vote order); Against: 0.25; choice 3 does not
    // exist, so that vote is dropped but its 9 counts to the total: 0.1 + 0.2 + 0.25 + 9 = 9.55.
    const json = await devolve([
      'tally',
      '--method',
      'majority',
      '--compat',
      'snapshot',
      '--input',
      file('snapshot.json'),
      '--json',
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      method: 'majority',
      compat: 'snapshot',
      type: 'single-choice',
      choices: ['For', 'Against'],
      scores: [0.30000000000000004, 0.25],
      scoresTotal: 9.55,
      validVotes: 3,
      invalidVotes: 1,
    });
    const consent = await devolve([
      'tally',
      '--method',
      'consent',
      '--compat',
      'snapshot',
      '--input',
      file('snapshot.json'),
    ]);
    expect(consent.code).toBe(2);
    expect(consent.stderr).toContain("Snapshot has no voting type for 'consent'");
  });
});
