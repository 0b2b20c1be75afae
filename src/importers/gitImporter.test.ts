import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/builtCli.js';
import { readEntities } from './entitiesImporter.js';
import { readGitHistory, unitsOption } from './gitImporter.js';

const dir = mkdtempSync(join(tmpdir(), 'devolve-git-'));
const repo = join(dir, 'repo');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function commit(author: string, files: Record<string, string>, message: string): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  execFileSync('git', ['add', '-A'], { cwd: repo });
  execFileSync('git', ['-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message, `--author=${author}`], {
    cwd: repo,
    env: { ...process.env, GIT_COMMITTER_NAME: 'ci', GIT_COMMITTER_EMAIL: 'ci@example.org' },
  });
}

beforeAll(() => {
  mkdirSync(repo);
  execFileSync('git', ['init', '-q'], { cwd: repo });
  // contracts/: Ana 3 commits, Obi 1; docs/: Obi 1, Rin 1; one commit by Ana touches both.
  commit('Ana <ANA@cinder.example>', { 'contracts/Proxy.sol': '1' }, 'proxy');
  commit('Ana <ana@cinder.example>', { 'contracts/Proxy.sol': '2', 'contracts/Admin.sol': '1' }, 'admin');
  commit('Obi <obi@cinder.example>', { 'contracts/Admin.sol': '2', 'docs/a.md': '1' }, 'both');
  commit('Rin <rin@example.org>', { 'docs/b.md': '1', 'README.md': 'x' }, 'docs');
  commit('Ana <ana@cinder.example>', { 'contracts/proxy/Deep.sol': '1', 'other.txt': 'y' }, 'deep');
});

describe('readGitHistory', () => {
  it('counts each commit once per unit it touches, per author e-mail (case-insensitive)', async () => {
    const { result, rows, issues } = await readGitHistory({
      repository: repo,
      units: unitsOption(['upgrades=contracts/', 'docs=docs/']),
    });
    expect(rows).toBe(5);
    expect(issues).toEqual([]);
    expect(
      Object.fromEntries([...result].map(([unit, counts]) => [unit, Object.fromEntries(counts)])),
    ).toEqual({
      upgrades: { 'ana@cinder.example': 3n, 'obi@cinder.example': 1n },
      docs: { 'obi@cinder.example': 1n, 'rin@example.org': 1n },
    });
  });

  it('the longest prefix wins, so a file counts for one unit only', async () => {
    const { result } = await readGitHistory({
      repository: repo,
      units: unitsOption(['upgrades=contracts/', 'proxies=contracts/proxy/']),
    });
    // contracts/proxy/Deep.sol is in `proxies`, not `upgrades`: Ana's upgrades commits are 2.
    expect(result.get('upgrades')?.get('ana@cinder.example')).toBe(2n);
    expect(result.get('proxies')?.get('ana@cinder.example')).toBe(1n);
  });

  it('refuses a path that is not a repository, and a bad --unit', async () => {
    await expect(readGitHistory({ repository: join(dir, 'none'), units: [] })).rejects.toMatchObject({
      code: 'import/not-found',
    });
    await expect(readGitHistory({ repository: dir, units: [] })).rejects.toMatchObject({
      code: 'import/git-failed',
    });
    expect(() => unitsOption(['contracts/'])).toThrow(
      expect.objectContaining({ code: 'usage/invalid-unit-path' }),
    );
    expect(() => unitsOption(undefined)).toThrow(
      expect.objectContaining({ code: 'usage/missing-unit-path' }),
    );
  });
});

// Writes its CSV to the temp dir like readHoldings.test.ts, by design: each reader's test shows
// the file it reads, line by line.
describe('readEntities', () => {
  it('keeps the first entity of a key mapped twice and reports the second line', async () => {
    const path = join(dir, 'entities.csv');
    const a = '0x00000000000000000000000000000000000000aa';
    writeFileSync(
      path,
      `address,entity\n${a},Acme\n${a.toUpperCase().replace('0X', '0x')},Acme\n${a},Other\nbob,\n`,
    );
    const { result, issues } = await readEntities({ path });
    expect(Object.fromEntries(result)).toEqual({ [a]: 'Acme' });
    expect(issues.map((i) => [i.line, i.code])).toEqual([
      [4, 'import/conflicting-entity'],
      [5, 'import/missing-field'],
    ]);
  });
});

describe('devolve import and devolve metrics', () => {
  it('import holdings prints every bad row with its line and exits 1; metrics counts entities', () => {
    const cwd = mkdtempSync(join(dir, 'cli-'));
    writeFileSync(join(cwd, 'h.csv'), 'member,balance\nana,60\nobi,30\nrin,10\nsam,x\n');
    writeFileSync(join(cwd, 'e.csv'), 'member,entity\nana,labs\nobi,labs\n');
    const imported = runCli(cwd, 'import', 'holdings', 'h.csv', '--decimals', '0');
    expect(imported.code).toBe(1);
    expect(imported.stderr.trim()).toMatch(/^h\.csv:5:5: amount 'x' is not a number/);
    const json = runCli(cwd, 'import', 'holdings', 'h.csv', '--decimals', '0', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({
      rows: 4,
      holders: 3,
      total: '100',
      issues: [{ line: 5 }],
    });

    const metrics = runCli(
      cwd,
      'metrics',
      '--holdings',
      'h.csv',
      '--entities',
      'e.csv',
      '--decimals',
      '0',
      '--json',
    );
    const report = JSON.parse(metrics.stdout) as {
      countedBy: string;
      holdings: {
        holders: number;
        nakamoto: { count: number };
        gini: { ratio: { num: string; den: string } };
      };
    };
    // Entities: labs 90, rin 10. Gini of (10, 90) = (2·(1·10 + 2·90) − 3·100) / (2·100) = 80/200 = 2/5.
    expect(report.countedBy).toBe('entity');
    expect(report.holdings.holders).toBe(2);
    expect(report.holdings.nakamoto.count).toBe(1);
    expect(report.holdings.gini.ratio).toEqual({ num: '2', den: '5' });

    const git = runCli(cwd, 'metrics', '--git', repo, '--unit', 'upgrades=contracts/', '--json');
    expect(git.code).toBe(0);
    // upgrades: Ana 3 commits, Obi 1 → Nakamoto 1 (3 of 4 > 1/2).
    expect(JSON.parse(git.stdout).units.upgrades).toMatchObject({
      holders: 2,
      total: '4',
      nakamoto: { count: 1 },
    });
    expect(runCli(cwd, 'metrics', '--json').code).toBe(2);
  });
});
