import { constants } from 'node:fs';
import { type FileHandle, mkdir, open, rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { writeFileSafely } from '../cli/writeFileSafely.js';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { ProblemIn } from '../core/errors/ErrorCode.js';
import { suggestionHint } from '../core/text/didYouMean.js';
import { generateEd25519 } from './ed25519.js';
import { generateEthereum } from './eip712.js';
import { KEY_NAME, type KeyEntry, type KeyType, keyFileText, readKeyEntries } from './keyFileFormat.js';
import { publicIdentityOf, type SigningKey } from './signAction.js';

/**
 * A member's local keys live in one JSON file that only its owner may read, the way ssh keeps
 * `~/.ssh/id_ed25519`: a secret that others can read is no longer a proof of who acted, so a key
 * file readable by group or others is refused, never silently used. The file is always replaced
 * whole (a temporary file, then a rename), so a crash mid-write leaves the old file or the new
 * one, never half of either, and a lock keeps two `devolve keys new` from losing each other's key.
 *
 * Where it is: `--keys <file>`, else `$DEVOLVE_KEYS`, else `~/.devolve/keys.json`.
 *
 * ```json
 * { "devolveKeys": 1, "keys": [ { "name": "default", "type": "ed25519",
 *   "publicKey": "ed25519:…", "secret": "…", "createdAt": "2026-05-01T09:30:00.000Z" } ] }
 * ```
 */
export type { KeyEntry, KeyType } from './keyFileFormat.js';

export const KEY_TYPES: readonly KeyType[] = ['ed25519', 'ethereum'];

/** An entry without its secret: all that listing or printing a key may show. */
export type PublicKeyEntry = Omit<KeyEntry, 'secret'>;

export interface LoadedSigningKey {
  readonly name: string;
  readonly key: SigningKey;
  readonly publicKey: string;
}

export const DEFAULT_KEY_NAME = 'default';
/** Nobody's key file is this large; refusing early keeps a wrong path from filling memory. */
const MAX_KEY_FILE_BYTES = 1024 * 1024;
const LOCK_WAIT_MS = 5_000;

function keysError(
  code: ProblemIn<'keys'>,
  message: string,
  hint?: string,
  details: Record<string, unknown> = {},
) {
  return new DevolveError({
    code: `keys/${code}`,
    message,
    details,
    ...(hint === undefined ? {} : { hint }),
  });
}

/**
 * Where the key file is: the explicit path, else `$DEVOLVE_KEYS`, else `~/.devolve/keys.json`.
 *
 * @example
 * keyFilePath({ keysFile: undefined }) // '/home/mara/.devolve/keys.json'
 */
export function keyFilePath(args: { keysFile?: string | undefined; env?: NodeJS.ProcessEnv } = {}): string {
  if (args.keysFile !== undefined && args.keysFile !== '') return args.keysFile;
  const fromEnv = (args.env ?? process.env)['DEVOLVE_KEYS'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return join(homedir(), '.devolve', 'keys.json');
}

/** Mode bits only mean something on POSIX systems; Windows protects files with ACLs instead. */
const checksPermissions = process.platform !== 'win32';

/**
 * Reads a key file's entries; a missing file has none. Refuses a file that group or others may
 * read or write, or that belongs to another user, with the `chmod` that fixes it.
 *
 * @example
 * const keys = await readKeyFile({ file: keyFilePath() });
 */
export async function readKeyFile(args: { file: string }): Promise<KeyEntry[]> {
  const { file } = args;
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a named pipe would otherwise wait for a writer for ever; the file
    // type is checked right after, on the open handle.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw keysError(
      'unreadable',
      `cannot read the key file ${file}: ${(cause as Error).message}`,
      undefined,
      {
        file,
      },
    );
  }
  try {
    // fstat on the open handle: the file checked is the file read, even if the path is swapped.
    const stat = await handle.stat();
    if (!stat.isFile()) {
      throw keysError(
        'not-a-file',
        `the key file ${file} is not a regular file`,
        'name a key file with --keys or DEVOLVE_KEYS',
        { file },
      );
    }
    if (checksPermissions) {
      const uid = process.getuid?.();
      if (uid !== undefined && stat.uid !== uid && stat.uid !== 0) {
        throw keysError(
          'unsafe-permissions',
          `the key file ${file} belongs to another user (uid ${stat.uid})`,
          `use your own key file, or take ownership: chown $(id -u) ${file}`,
          { file, uid: stat.uid },
        );
      }
      if ((stat.mode & 0o077) !== 0) {
        const mode = (stat.mode & 0o777).toString(8).padStart(3, '0');
        throw keysError(
          'unsafe-permissions',
          `the key file ${file} is readable by others (mode ${mode}); its secrets can no longer be trusted to be yours alone`,
          `chmod 600 ${file} — and if others may have read it, make new keys and register them in the charter`,
          { file, mode },
        );
      }
    }
    if (stat.size > MAX_KEY_FILE_BYTES) {
      throw keysError(
        'invalid-file',
        `the key file ${file} is larger than 1 MB`,
        'is this really a key file?',
        {
          file,
        },
      );
    }
    return parseKeyFile({ text: await handle.readFile('utf8'), file });
  } finally {
    await handle.close();
  }
}

function parseKeyFile(args: { text: string; file: string }): KeyEntry[] {
  const { file } = args;
  const invalid = (why: string) =>
    keysError('invalid-file', `the key file ${file} is not valid: ${why}`, 'fix or move it aside', { file });
  let value: unknown;
  try {
    value = JSON.parse(args.text);
  } catch (cause) {
    throw invalid((cause as Error).message);
  }
  const read = readKeyEntries(value);
  if (!read.ok) throw invalid(read.why);
  return read.keys.map((entry): KeyEntry => {
    const { name, type, publicKey, secret } = entry;
    let derived: string;
    try {
      derived = publicIdentityOf(signingKeyOf({ type, secret }));
    } catch {
      throw invalid(`key '${name}' has a malformed secret`);
    }
    if (derived.toLowerCase() !== publicKey.toLowerCase()) {
      throw invalid(`key '${name}': its public identity does not belong to its secret`);
    }
    return entry;
  });
}

function signingKeyOf(entry: { type: KeyType; secret: string }): SigningKey {
  return entry.type === 'ed25519'
    ? { type: 'ed25519', secret: entry.secret }
    : { type: 'ethereum', privateKey: entry.secret };
}

/** An entry as it may be shown: everything but the secret. */
export function publicEntry(entry: KeyEntry): PublicKeyEntry {
  return { name: entry.name, type: entry.type, publicKey: entry.publicKey, createdAt: entry.createdAt };
}

/**
 * Makes a new key and adds it to the key file (creating the file, mode 0600, and its directory,
 * mode 0700, when missing). Never replaces a key: a name already taken is refused. The first key
 * is named `default` unless named otherwise.
 *
 * @example
 * const { entry } = await createKey({ file: keyFilePath(), type: 'ed25519', now: new Date() });
 * console.log(entry.publicKey); // put it in the charter's members[].key
 */
export async function createKey(args: {
  file: string;
  type: KeyType;
  name?: string | undefined;
  now: Date;
}): Promise<{ file: string; entry: PublicKeyEntry }> {
  const { file } = args;
  const name = args.name ?? DEFAULT_KEY_NAME;
  if (!KEY_NAME.test(name)) {
    throw keysError(
      'invalid-name',
      `'${name}' is not a valid key name`,
      'use letters, digits, dot, dash or underscore (up to 64, starting with a letter or digit)',
      { name },
    );
  }
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  return withLock(file, async () => {
    const keys = await readKeyFile({ file });
    if (keys.some((key) => key.name === name)) {
      throw keysError(
        'exists',
        `${file} already has a key named '${name}'`,
        args.name === undefined
          ? 'name the new key: devolve keys new --name <name>'
          : 'choose another --name',
        { file, name },
      );
    }
    const pair = args.type === 'ed25519' ? generateEd25519() : generateEthereum();
    const entry: KeyEntry = {
      name,
      type: args.type,
      publicKey: pair.publicKey,
      secret: pair.secret,
      createdAt: args.now.toISOString(),
    };
    await writeKeyFile({ file, keys: [...keys, entry] });
    return { file, entry: publicEntry(entry) };
  });
}

/**
 * Replaces the key file with `keys`, atomically (a temporary file of mode 0600, flushed, renamed
 * over the old one, the directory flushed), through the one file writer; a key file that is not
 * a regular file is never replaced.
 */
export async function writeKeyFile(args: { file: string; keys: readonly KeyEntry[] }): Promise<void> {
  await writeFileSafely({ file: args.file, content: keyFileText(args.keys), mode: 0o600, regularOnly: true });
}

/** Runs `work` while holding `<file>.lock`, created exclusively; waits a little for another holder. */
async function withLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  let handle: FileHandle | undefined;
  while (handle === undefined) {
    try {
      handle = await open(lock, 'wx', 0o600);
    } catch (cause) {
      if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
      if (Date.now() > deadline) {
        throw keysError(
          'locked',
          `the key file ${file} is locked by another devolve command`,
          `if no other devolve command is running, remove ${lock}`,
          { file, lock },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  try {
    return await work();
  } finally {
    await handle.close();
    await rm(lock, { force: true });
  }
}

/**
 * Loads a key to sign with: the one named `name`, else the only key, else the one named
 * `default`. This is what a command that signs calls, e.g. `devolve apply --key <name>`.
 *
 * @example
 * const { key, publicKey } = await loadSigningKey({ name: 'laptop' });
 * const signed = signAction({ key, org, kind, actor, payload, head, now: new Date() });
 */
export async function loadSigningKey(
  args: { keysFile?: string | undefined; name?: string | undefined } = {},
): Promise<LoadedSigningKey> {
  const file = keyFilePath({ keysFile: args.keysFile });
  const keys = await readKeyFile({ file });
  if (keys.length === 0) {
    throw keysError('not-found', `no keys in ${file}`, 'make one with `devolve keys new`', { file });
  }
  const names = keys.map((key) => key.name);
  let entry: KeyEntry | undefined;
  if (args.name !== undefined) {
    entry = keys.find((key) => key.name === args.name);
    if (entry === undefined) {
      throw keysError(
        'not-found',
        `no key named '${args.name}' in ${file}`,
        suggestionHint({ input: args.name, candidates: names, noun: 'key' }),
        { file, name: args.name },
      );
    }
  } else {
    entry = keys.length === 1 ? keys[0] : keys.find((key) => key.name === DEFAULT_KEY_NAME);
    if (entry === undefined) {
      throw keysError(
        'not-found',
        `${file} holds ${keys.length} keys and none is named '${DEFAULT_KEY_NAME}'`,
        `name the key to sign with (--key <name>): ${names.join(', ')}`,
        { file },
      );
    }
  }
  return { name: entry.name, key: signingKeyOf(entry), publicKey: entry.publicKey };
}
