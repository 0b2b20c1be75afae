import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

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

// Each test has a key file of its own, in a directory of its own: none depends on another.
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function freshKeyFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'devolve-cli-keys-'));
  dirs.push(dir);
  return join(dir, 'keys.json');
}

/** A key file holding one Ed25519 key named 'default'. */
async function keyFileWithOneKey(): Promise<string> {
  const file = await freshKeyFile();
  expect((await devolve(['keys', 'new', '--keys', file])).code).toBe(0);
  return file;
}

describe('devolve keys', () => {
  it('makes keys, prints their public identities and never their secrets', async () => {
    const file = await freshKeyFile();
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
    const file = await keyFileWithOneKey();
    const again = await devolve(['keys', 'new', '--keys', file, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'keys/exists' } });
    const rsa = await devolve(['keys', 'new', '--keys', file, '--type', 'rsa']);
    expect(rsa.code).toBe(2);
    expect(rsa.stderr).toContain("unknown key type 'rsa'");
  });

  it.skipIf(!posix)('refuses a key file others can read, with the chmod that fixes it', async () => {
    const file = await keyFileWithOneKey();
    await chmod(file, 0o644);
    const listed = await devolve(['keys', 'list', '--keys', file]);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(`chmod 600 ${file}`);
  });
});
