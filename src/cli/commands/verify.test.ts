import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copy, ed25519Key, LogBuilder, smallCharter, unitOf } from '../../../test/support/signedLog.js';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

/** Runs the CLI from source with stderr a pipe (not a terminal), as in CI. */
function devolve(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      { env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
      },
    );
  });
}

const keys = { ada: ed25519Key(), ben: ed25519Key() };
const log = new LogBuilder({ org: 'small-coop' });
const charter = smallCharter({ org: 'small-coop', keys });
log.append({ key: keys.ada, actor: 'ada', kind: 'org.create', payload: { charter } });
const amended = copy(charter);
unitOf(amended, 'handbook')['description'] = 'Second edition.';
log.register({ key: keys.ben, actor: 'ben' });
log.append({ key: keys.ben, actor: 'ben', kind: 'charter.amend', payload: { charter: amended } });

let dir: string;
let good: string;
let tampered: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'devolve-cli-verify-'));
  good = join(dir, 'good.jsonl');
  tampered = join(dir, 'tampered.jsonl');
  const text = log.jsonl();
  await writeFile(good, text);
  await writeFile(tampered, text.replace('Second edition.', 'Second edition!'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('devolve verify', () => {
  it('prints a summary and exits 0 for a good log', async () => {
    const result = await devolve(['verify', good]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('3 events checked');
    expect(result.stdout).toContain('Small Cooperative (small-coop)');
    expect(result.stdout).toContain(log.head!);
    // Not a terminal: one final count on stderr, no progress line.
    expect(result.stderr).toMatch(/^devolve verify: 3 events good in [\d.]+ s, all good\n$/);
  });

  it('answers in JSON', async () => {
    const result = await devolve(['verify', good, '--json', '--head', log.head!]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      file: good,
      ok: true,
      events: 3,
      organization: { id: 'small-coop', name: 'Small Cooperative' },
      head: log.head,
    });
  });

  it('names the first bad event and exits 1', async () => {
    const result = await devolve(['verify', tampered]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('event 2 is bad');
    expect(result.stdout).toContain(log.events[2]!.hash);
    expect(result.stdout).toContain('log/bad-hash');
    const json = await devolve(['verify', tampered, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      events: 2,
      firstBad: { index: 2, id: log.events[2]!.hash, code: 'log/bad-hash' },
    });
  });

  it('is a usage error (exit 2) to name a missing file or a malformed head', async () => {
    const missing = await devolve(['verify', join(dir, 'nope.jsonl'), '--json']);
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'log/not-found' } });
    const head = await devolve(['verify', good, '--head', 'abc']);
    expect(head.code).toBe(2);
  });
});
