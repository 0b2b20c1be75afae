import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevolveError } from '../core/errors/DevolveError.js';
import { createKey, keyFilePath, loadSigningKey, readKeyFile, writeKeyFile } from './keyFile.js';
import { signAction } from './signAction.js';
import { verifyActionSignature } from './verifyActionSignature.js';

const posix = process.platform !== 'win32';
const now = new Date('2026-05-01T09:30:00.000Z');
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'devolve-keys-'));
  file = join(dir, 'nested', 'keys.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<DevolveError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DevolveError) return error;
    throw error;
  }
  throw new Error('expected a DevolveError');
}

function signWith(key: Awaited<ReturnType<typeof loadSigningKey>>['key']) {
  return signAction({
    key,
    org: 'lumen-protocol',
    kind: 'charter.amend',
    actor: 'mara',
    payload: {},
    head: null,
    now,
  });
}

describe('keyFilePath', () => {
  it('takes the explicit file, else $DEVOLVE_KEYS, else ~/.devolve/keys.json', () => {
    expect(keyFilePath({ keysFile: '/a/keys.json', env: { DEVOLVE_KEYS: '/b/keys.json' } })).toBe(
      '/a/keys.json',
    );
    expect(keyFilePath({ env: { DEVOLVE_KEYS: '/b/keys.json' } })).toBe('/b/keys.json');
    expect(keyFilePath({ env: {} })).toBe(join(homedir(), '.devolve', 'keys.json'));
  });
});

describe('createKey', () => {
  it('creates the file only its owner can read, in a directory only its owner can enter', async () => {
    const { entry } = await createKey({ file, type: 'ed25519', now });
    expect(entry).toEqual({
      name: 'default',
      type: 'ed25519',
      publicKey: expect.stringMatching(/^ed25519:[A-Za-z0-9_-]{43}$/),
      createdAt: '2026-05-01T09:30:00.000Z',
    });
    expect(entry).not.toHaveProperty('secret');
    if (posix) {
      expect((await stat(file)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'nested'))).mode & 0o777).toBe(0o700);
    }
    const [stored] = await readKeyFile({ file });
    expect(stored).toMatchObject({ ...entry, secret: expect.any(String) });
  });

  it('makes Ethereum keys whose public identity is the checksummed address', async () => {
    const { entry } = await createKey({ file, type: 'ethereum', name: 'wallet', now });
    expect(entry.publicKey).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(entry.publicKey).not.toBe(entry.publicKey.toLowerCase());
    const loaded = await loadSigningKey({ keysFile: file, name: 'wallet' });
    const signed = signWith(loaded.key);
    expect(signed.action.key).toBe(entry.publicKey);
    expect(verifyActionSignature(signed)).toBe(true);
  });

  it('never replaces a key: a taken name is refused', async () => {
    await createKey({ file, type: 'ed25519', now });
    const before = await readFile(file, 'utf8');
    const error = await rejection(createKey({ file, type: 'ed25519', now }));
    expect(error.code).toBe('keys/exists');
    expect(error.hint).toContain('--name');
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await rejection(createKey({ file, type: 'ed25519', name: '../evil', now }))).code).toBe(
      'keys/invalid-name',
    );
  });

  it('loses no key when several are made at once', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    await Promise.all(names.map((name) => createKey({ file, type: 'ed25519', name, now })));
    expect((await readKeyFile({ file })).map((k) => k.name).sort()).toEqual(names);
    // No temporary or lock file is left behind.
    expect(await readdir(join(dir, 'nested'))).toEqual(['keys.json']);
  });
});

describe('writeKeyFile', () => {
  it('replaces the file whole: the old file is never written in place', async () => {
    await createKey({ file, type: 'ed25519', name: 'first', now });
    const oldText = await readFile(file, 'utf8');
    const oldHandle = await open(file, 'r');
    try {
      const oldInode = (await oldHandle.stat()).ino;
      const keys = await readKeyFile({ file });
      await writeKeyFile({ file, keys: [...keys, { ...keys[0]!, name: 'second' }] });
      // A new file took the old one's name (rename), and the old one is intact to its last byte:
      // a crash at any point leaves one complete file or the other.
      expect((await stat(file)).ino).not.toBe(oldInode);
      expect(await oldHandle.readFile('utf8')).toBe(oldText);
      expect((await readKeyFile({ file })).map((k) => k.name)).toEqual(['first', 'second']);
      if (posix) expect((await stat(file)).mode & 0o777).toBe(0o600);
    } finally {
      await oldHandle.close();
    }
  });
});

describe('readKeyFile', () => {
  it('has no keys when the file does not exist', async () => {
    expect(await readKeyFile({ file: join(dir, 'missing.json') })).toEqual([]);
  });

  it.skipIf(!posix)('refuses a key file that group or others can read, and says how to fix it', async () => {
    await createKey({ file, type: 'ed25519', now });
    for (const mode of [0o644, 0o640, 0o604, 0o660]) {
      await chmod(file, mode);
      const error = await rejection(readKeyFile({ file }));
      expect(error.code).toBe('keys/unsafe-permissions');
      expect(error.message).toContain(mode.toString(8));
      expect(error.hint).toContain(`chmod 600 ${file}`);
      // Using the key is refused the same way.
      expect((await rejection(loadSigningKey({ keysFile: file }))).code).toBe('keys/unsafe-permissions');
    }
    await chmod(file, 0o600);
    expect(await readKeyFile({ file })).toHaveLength(1);
  });

  it.skipIf(!posix)(
    'refuses a named pipe at once, with a code, instead of waiting for a writer',
    async () => {
      const pipe = join(dir, 'keys.fifo');
      execFileSync('mkfifo', ['-m', '600', pipe]);
      expect((await rejection(readKeyFile({ file: pipe }))).code).toBe('keys/not-a-file');
      expect((await rejection(loadSigningKey({ keysFile: pipe }))).code).toBe('keys/not-a-file');
      expect((await rejection(createKey({ file: pipe, type: 'ed25519', now }))).code).toBe('keys/not-a-file');
      expect((await stat(pipe)).isFIFO()).toBe(true);
    },
  );

  it('refuses a file that is not a key file, or whose public identity is not its secret’s', async () => {
    await createKey({ file, type: 'ed25519', name: 'one', now });
    const good = JSON.parse(await readFile(file, 'utf8'));
    const write = (value: unknown) =>
      writeFile(file, typeof value === 'string' ? value : JSON.stringify(value));
    await write('{ not json');
    expect((await rejection(readKeyFile({ file }))).code).toBe('keys/invalid-file');
    await write({ keys: [] });
    expect((await rejection(readKeyFile({ file }))).code).toBe('keys/invalid-file');
    const other = await mkdtemp(join(dir, 'other-'));
    const { entry } = await createKey({ file: join(other, 'keys.json'), type: 'ed25519', now });
    await write({ ...good, keys: [{ ...good.keys[0], publicKey: entry.publicKey }] });
    const mismatch = await rejection(readKeyFile({ file }));
    expect(mismatch.code).toBe('keys/invalid-file');
    expect(mismatch.message).toContain('does not belong to its secret');
  });
});

describe('loadSigningKey', () => {
  it('loads the only key, else the one named default, else the named one', async () => {
    const { entry: only } = await createKey({ file, type: 'ed25519', name: 'laptop', now });
    const loaded = await loadSigningKey({ keysFile: file });
    expect(loaded).toMatchObject({ name: 'laptop', publicKey: only.publicKey, key: { type: 'ed25519' } });
    const signed = signWith(loaded.key);
    expect(signed.action.key).toBe(only.publicKey);
    expect(verifyActionSignature(signed)).toBe(true);

    await createKey({ file, type: 'ethereum', name: 'wallet', now });
    const ambiguous = await rejection(loadSigningKey({ keysFile: file }));
    expect(ambiguous.code).toBe('keys/not-found');
    expect(ambiguous.hint).toContain('laptop, wallet');

    const { entry: fallback } = await createKey({ file, type: 'ed25519', now });
    expect((await loadSigningKey({ keysFile: file })).publicKey).toBe(fallback.publicKey);
    expect((await loadSigningKey({ keysFile: file, name: 'wallet' })).key.type).toBe('ethereum');
  });

  it('names what is missing, with a suggestion', async () => {
    const empty = await rejection(loadSigningKey({ keysFile: file }));
    expect(empty.code).toBe('keys/not-found');
    expect(empty.hint).toContain('devolve keys new');
    await createKey({ file, type: 'ed25519', name: 'laptop', now });
    const typo = await rejection(loadSigningKey({ keysFile: file, name: 'lapton' }));
    expect(typo.code).toBe('keys/not-found');
    expect(typo.hint).toBe("did you mean 'laptop'?");
  });

  it('reads $DEVOLVE_KEYS when no file is given', async () => {
    await createKey({ file, type: 'ed25519', name: 'from-env', now });
    const previous = process.env['DEVOLVE_KEYS'];
    process.env['DEVOLVE_KEYS'] = file;
    try {
      expect((await loadSigningKey()).name).toBe('from-env');
    } finally {
      if (previous === undefined) delete process.env['DEVOLVE_KEYS'];
      else process.env['DEVOLVE_KEYS'] = previous;
    }
  });
});
