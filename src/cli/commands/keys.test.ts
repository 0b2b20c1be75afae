import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const posix = process.platform !== 'win32';

/** Runs the CLI from source, as a user would run `devolve`, with $DEVOLVE_KEYS unset. */
function devolve(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['DEVOLVE_KEYS'];
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...args], { env }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr });
    });
  });
}

let dir: string;
let file: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'devolve-cli-keys-'));
  file = join(dir, 'keys.json');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('devolve keys', () => {
  it('makes keys, prints their public identities and never their secrets', async () => {
    const made = await devolve(['keys', 'new', '--keys', file]);
    expect(made.code).toBe(0);
    const identity = /ed25519:[A-Za-z0-9_-]{43}/.exec(made.stdout)?.[0];
    expect(identity).toBeDefined();
    expect(made.stdout).toContain("key 'default'");

    const wallet = await devolve([
      'keys',
      'new',
      '--keys',
      file,
      '--type',
      'ethereum',
      '--name',
      'wallet',
      '--json',
    ]);
    expect(wallet.code).toBe(0);
    const json = JSON.parse(wallet.stdout) as { file: string; key: Record<string, string> };
    expect(json.file).toBe(file);
    expect(json.key).toMatchObject({ name: 'wallet', type: 'ethereum' });
    expect(json.key['publicKey']).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(json.key).not.toHaveProperty('secret');

    const stored = JSON.parse(await readFile(file, 'utf8')) as { keys: { secret: string }[] };
    const listed = await devolve(['keys', 'list', '--keys', file, '--json']);
    expect(listed.code).toBe(0);
    const list = JSON.parse(listed.stdout) as { keys: { name: string; publicKey: string }[] };
    expect(list.keys.map((k) => k.name)).toEqual(['default', 'wallet']);
    expect(list.keys[0]?.publicKey).toBe(identity);
    for (const { secret } of stored.keys) {
      for (const output of [made.stdout, wallet.stdout, listed.stdout]) expect(output).not.toContain(secret);
    }
    if (posix) expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('refuses a second key of the same name and an unknown type', async () => {
    const again = await devolve(['keys', 'new', '--keys', file, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'keys/exists' } });
    const rsa = await devolve(['keys', 'new', '--keys', file, '--type', 'rsa']);
    expect(rsa.code).toBe(2);
    expect(rsa.stderr).toContain("unknown key type 'rsa'");
  });

  it.skipIf(!posix)('refuses a key file others can read, with the chmod that fixes it', async () => {
    await chmod(file, 0o644);
    try {
      const listed = await devolve(['keys', 'list', '--keys', file]);
      expect(listed.code).toBe(1);
      expect(listed.stderr).toContain(`chmod 600 ${file}`);
    } finally {
      await chmod(file, 0o600);
    }
  });
});
